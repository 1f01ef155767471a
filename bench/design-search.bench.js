// Benchmark: bounded design searches (issue 13) against references in the same run.
// - Simon p0 0.4 / p1 0.5: the pruned search against the plain exhaustive search (the algorithm
//   before pruning, kept here) on the same problem with n ≤ 180 (both designs have n ≤ 176).
// - Fisher exact power, p 0.02 vs 0.04: one evaluation at n = 1202 per arm and the whole search
//   for n (power 0.8), against the same single evaluation in R (dhyper over the same outcomes).
// - 3-look group-sequential design with characteristics against rpact (getDesignGroupSequential +
//   getDesignCharacteristics), per design.
// - BOIN operating characteristics by exact state enumeration against R's path-by-path recursion
//   (test/reference/design_sequential.R's algorithm: every sequence of cohort outcomes), same design.
// Run after `npm run build`: node bench/run.js design-search
import { spawnSync } from 'node:child_process';
import { binomialPmf, binomialSf } from '../dist/stats/dist/index.js';
import { fisherExactPower } from '../dist/stats/design/fisher-exact-power.js';
import { groupSequentialDesign } from '../dist/stats/design/group-sequential-design.js';
import { powerPropTest } from '../dist/stats/design/power-prop-test.js';
import { simonTwoStage } from '../dist/stats/design/simon-two-stage.js';
import { boinBoundaries, boinRule } from '../dist/stats/design/boin.js';
import { intervalDesignOc } from '../dist/stats/design/interval-design-oc.js';

function ms(fn, times = 1) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < times; i += 1) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / times;
}

/** The exhaustive Simon search as it was before pruning (bisection on r for every n, n1, r1). */
function plainSimon(p0, p1, alpha, power, nMax) {
  const tables = (p) => {
    const pmf = [];
    const sf = [];
    for (let m = 0; m <= nMax; m += 1) {
      pmf.push(Float64Array.from({ length: m + 1 }, (_, x) => binomialPmf(x, m, p)));
      sf.push(Float64Array.from({ length: m + 1 }, (_, x) => binomialSf(x, m, p)));
    }
    return { pmf, sf };
  };
  const t0 = tables(p0);
  const t1 = tables(p1);
  const reject = (t, r1, n1, r, n) => {
    let total = 0;
    for (let x1 = r1 + 1; x1 <= n1; x1 += 1) {
      const k = r - x1;
      total += t.pmf[n1][x1] * (k < 0 ? 1 : k >= n - n1 ? 0 : t.sf[n - n1][k]);
    }
    return total;
  };
  let best;
  for (let n = 2; n <= nMax; n += 1)
    for (let n1 = 1; n1 < n; n1 += 1) {
      let fail1 = 0;
      for (let r1 = 0; r1 < n1; r1 += 1) {
        fail1 += t1.pmf[n1][r1];
        if (1 - fail1 < power) break;
        let lo = r1;
        let hi = n - 1;
        if (reject(t0, r1, n1, hi, n) > alpha) continue;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (reject(t0, r1, n1, mid, n) <= alpha) hi = mid;
          else lo = mid + 1;
        }
        if (reject(t1, r1, n1, lo, n) >= power) best = [r1, n1, lo, n];
      }
    }
  return best;
}

function rMs(code) {
  const result = spawnSync('Rscript', ['--vanilla', '-e', code], { encoding: 'utf8' });
  if (result.status !== 0 || result.error) return null;
  const value = Number(result.stdout.trim().split('\n').pop());
  return Number.isFinite(value) ? value : null;
}

const rFisher = `
power <- function(n1, n2, p1, p2, alpha = 0.05) {
  r1 <- qbinom(2.5e-17, n1, p1):qbinom(2.5e-17, n1, p1, lower.tail = FALSE)
  r2 <- qbinom(2.5e-17, n2, p2):qbinom(2.5e-17, n2, p2, lower.tail = FALSE)
  total <- 0
  for (t in (min(r1) + min(r2)):(max(r1) + max(r2))) {
    x1 <- r1[r1 >= t - max(r2) & r1 <= t - min(r2)]
    if (!length(x1)) next
    support <- max(0, t - n2):min(n1, t)
    d <- dhyper(support, n1, n2, t)
    p <- vapply(x1, function(x) sum(d[d <= d[support == x] * (1 + 1e-7)]), 0)
    total <- total + sum(dbinom(x1, n1, p1)[p <= alpha] * dbinom(t - x1, n2, p2)[p <= alpha])
  }
  total
}
power(1202, 1202, 0.02, 0.04)
t0 <- proc.time()[["elapsed"]]; for (i in 1:3) power(1202, 1202, 0.02, 0.04); cat(1000 * (proc.time()[["elapsed"]] - t0) / 3)`;

const rGs = `suppressPackageStartupMessages(library(rpact))
f <- function() getDesignCharacteristics(getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, typeOfDesign = "asOF", typeBetaSpending = "bsOF"))
f(); t0 <- proc.time()[["elapsed"]]; for (i in 1:20) f(); cat(1000 * (proc.time()[["elapsed"]] - t0) / 20)`;

// R: BOIN target 0.3, DLT 0.1/0.3/0.5, 5 cohorts of 3, every sequence of cohort outcomes (4^5 paths),
// the MTD of each by isotonic regression, as the code under test does per terminal state.
const rBoin = `
lik_cross <- function(a, b) uniroot(function(p) p * log(a / b) + (1 - p) * log((1 - a) / (1 - b)), c(1e-9, 1 - 1e-9), tol = 1e-14)$root
le <- lik_cross(0.18, 0.3); ld <- lik_cross(0.3, 0.42)
tab <- lapply(1:30, function(n) { e <- n + 1; if (n >= 3) for (y in 0:n) if (1 - pbeta(0.3, y + 1, n - y + 1) > 0.95) { e <- y; break }; list(em = floor(n * le), dm = floor(n * ld) + 1, el = e) })
iso <- function(v, w) sapply(seq_along(v), function(i) max(sapply(1:i, function(s) min(sapply(i:length(v), function(t) sum(v[s:t] * w[s:t]) / sum(w[s:t]))))))
mtd <- function(y, n, elim) {
  if (elim == 1 || n[1] == 0) return(0)
  a <- which(n > 0 & seq_along(n) < elim); ph <- (y[a] + 0.05) / (n[a] + 0.1)
  v <- (y[a] + 0.05) * (n[a] - y[a] + 0.05) / ((n[a] + 0.1)^2 * (n[a] + 1.1))
  a[which.min(abs(iso(ph, 1 / v) + seq_along(a) * 1e-10 - 0.3))]
}
oc <- function(dlt, cs, cohorts) {
  J <- length(dlt); sel <- numeric(J + 1)
  rec <- function(c, d, n, y, elim, prob) {
    if (c > cohorts) { s <- mtd(y, n, elim); sel[s + 1] <<- sel[s + 1] + prob; return(invisible()) }
    for (k in 0:cs) {
      pk <- dbinom(k, cs, dlt[d]); n2 <- n; y2 <- y; n2[d] <- n2[d] + cs; y2[d] <- y2[d] + k
      r <- tab[[n2[d]]]; e2 <- elim; d2 <- d
      if (y2[d] >= r$el) { e2 <- min(elim, d); if (d == 1) { sel[1] <<- sel[1] + prob * pk; next } }
      if (y2[d] <= r$em && d < J && d + 1 < e2) d2 <- d + 1 else if ((y2[d] >= r$dm || e2 <= d) && d > 1) d2 <- d - 1
      rec(c + 1, d2, n2, y2, e2, prob * pk)
    }
  }
  rec(1, 1, numeric(J), numeric(J), J + 1, 1); sel
}
oc(c(0.1, 0.3, 0.5), 3, 5)
t0 <- proc.time()[["elapsed"]]; for (i in 1:3) oc(c(0.1, 0.3, 0.5), 3, 5); cat(1000 * (proc.time()[["elapsed"]] - t0) / 3)`;

export async function run() {
  simonTwoStage({ p0: 0.2, p1: 0.4 }); // warm-up (JIT)
  const simonDefault = ms(() => simonTwoStage({ p0: 0.4, p1: 0.5 }));
  const simon180 = ms(() => simonTwoStage({ p0: 0.4, p1: 0.5, nMax: 180 }));
  const plain180 = ms(() => plainSimon(0.4, 0.5, 0.05, 0.8, 180));

  fisherExactPower({ n1: 1202, n2: 1202, p1: 0.02, p2: 0.04 });
  const fisherOne = ms(() => fisherExactPower({ n1: 1202, n2: 1202, p1: 0.02, p2: 0.04 }), 20);
  const fisherSearch = ms(() =>
    powerPropTest({ p1: 0.02, p2: 0.04, power: 0.8, method: 'fisher' }),
  );
  const rFisherMs = rMs(rFisher);

  groupSequentialDesign({ kMax: 3, futility: { type: 'bsOF' } });
  const gs = ms(() => groupSequentialDesign({ kMax: 3, futility: { type: 'bsOF' } }), 10);
  const rGsMs = rMs(rGs);

  const boin = boinRule(boinBoundaries(0.3, { maxN: 30 }));
  intervalDesignOc(boin, [0.1, 0.3, 0.5], 0.3, { cohorts: 5 });
  const boinSmall = ms(() => intervalDesignOc(boin, [0.1, 0.3, 0.5], 0.3, { cohorts: 5 }), 20);
  const boinLarge = ms(() =>
    intervalDesignOc(boin, [0.05, 0.1, 0.2, 0.3, 0.45], 0.3, { cohorts: 10 }),
  );
  const rBoinMs = rMs(rBoin);

  const ratio = (value, reference) => (reference ? value / reference : null);
  return [
    {
      name: 'Simon plain exhaustive search, p0 0.4/p1 0.5, n ≤ 180 (reference)',
      value: plain180,
      unit: 'ms',
      reference: null,
      ratio: 1,
    },
    {
      name: 'Simon pruned search, p0 0.4/p1 0.5, n ≤ 180',
      value: simon180,
      unit: 'ms',
      reference: 'Simon plain exhaustive search, p0 0.4/p1 0.5, n ≤ 180 (reference)',
      ratio: simon180 / plain180,
    },
    {
      name: 'Simon pruned search, p0 0.4/p1 0.5, default n ≤ 302',
      value: simonDefault,
      unit: 'ms',
      reference: 'Simon plain exhaustive search, p0 0.4/p1 0.5, n ≤ 180 (reference)',
      ratio: simonDefault / plain180,
    },
    {
      name: 'R: Fisher exact power, p 0.02 vs 0.04, n 1202 per arm (reference)',
      value: rFisherMs,
      unit: 'ms',
      reference: null,
      ratio: rFisherMs ? 1 : null,
    },
    {
      name: 'Fisher exact power, p 0.02 vs 0.04, n 1202 per arm',
      value: fisherOne,
      unit: 'ms',
      reference: 'R: Fisher exact power, p 0.02 vs 0.04, n 1202 per arm (reference)',
      ratio: ratio(fisherOne, rFisherMs),
    },
    {
      name: 'Fisher sample-size search, p 0.02 vs 0.04, power 0.8 (n 1202)',
      value: fisherSearch,
      unit: 'ms',
      reference: 'R: Fisher exact power, p 0.02 vs 0.04, n 1202 per arm (reference)',
      ratio: ratio(fisherSearch, rFisherMs),
    },
    {
      name: 'R: rpact 3-look asOF + bsOF design and characteristics (reference)',
      value: rGsMs,
      unit: 'ms',
      reference: null,
      ratio: rGsMs ? 1 : null,
    },
    {
      name: 'group-sequential 3-look asOF + bsOF design and characteristics',
      value: gs,
      unit: 'ms',
      reference: 'R: rpact 3-look asOF + bsOF design and characteristics (reference)',
      ratio: ratio(gs, rGsMs),
    },
    {
      name: 'R: BOIN OCs path by path, 3 doses, 5 cohorts of 3 (reference)',
      value: rBoinMs,
      unit: 'ms',
      reference: null,
      ratio: rBoinMs ? 1 : null,
    },
    {
      name: 'BOIN OCs by exact state enumeration, 3 doses, 5 cohorts of 3',
      value: boinSmall,
      unit: 'ms',
      reference: 'R: BOIN OCs path by path, 3 doses, 5 cohorts of 3 (reference)',
      ratio: ratio(boinSmall, rBoinMs),
    },
    {
      name: 'BOIN OCs by exact state enumeration, 5 doses, 10 cohorts of 3 (no R reference: 4^10 paths)',
      value: boinLarge,
      unit: 'ms',
      reference: null,
      ratio: null,
    },
  ];
}
