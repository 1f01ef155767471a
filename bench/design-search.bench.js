// Benchmark: bounded design searches (issue 13) against references in the same run.
// - Simon p0 0.4 / p1 0.5: the pruned search against the plain exhaustive search (the algorithm
//   before pruning, kept here) on the same problem with n ≤ 180 (both designs have n ≤ 176).
// - Fisher exact power, p 0.02 vs 0.04: one evaluation at n = 1202 per arm and the whole search
//   for n (power 0.8), against the same single evaluation in R (dhyper over the same outcomes).
// - 3-look group-sequential design with characteristics against rpact (getDesignGroupSequential +
//   getDesignCharacteristics), per design.
// Run after `npm run build`: node bench/run.js design-search
import { spawnSync } from 'node:child_process';
import { binomialPmf, binomialSf } from '../dist/stats/dist/index.js';
import { fisherExactPower } from '../dist/stats/design/fisher-exact-power.js';
import { groupSequentialDesign } from '../dist/stats/design/group-sequential-design.js';
import { powerPropTest } from '../dist/stats/design/power-prop-test.js';
import { simonTwoStage } from '../dist/stats/design/simon-two-stage.js';

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
  ];
}
