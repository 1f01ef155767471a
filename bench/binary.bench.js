// Benchmarks for src/stats/binary: Fisher's exact test at 100 000 per arm (p alone against
// scipy, the full result against R's fisher.test) and Barnard's and Boschloo's tests at 200 per
// arm against scipy at scipy's default (n = 32) and at the project's default accuracy — each
// reference measured in the same run when python3 + scipy and Rscript are present.
// Run: npm run build && node bench/binary.bench.js   (or through bench/run.js: export run()).
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  barnardExact,
  boschlooExact,
  fisherExact,
  fisherExactP,
  oddsRatio,
  riskDifference,
  riskRatio,
} from '../dist/index.js';

const FISHER = { events1: 45000, n1: 100000, events2: 45500, n2: 100000 };
const BARNARD = { events1: 90, n1: 200, events2: 110, n2: 200 };
// Score intervals: one interior and one zero-cell table at n = 1e5 (issue 17's hard cases)
const SCORE = [
  { events1: 1, n1: 100000, events2: 1, n2: 100000 },
  { events1: 0, n1: 100000, events2: 3, n2: 100000 },
];

function timeIt(fn, repeats) {
  fn(); // warm-up
  const start = performance.now();
  let result;
  for (let i = 0; i < repeats; i++) result = fn();
  return { ms: (performance.now() - start) / repeats, result };
}

const PYTHON = `
import json, time
from scipy.stats import fisher_exact, barnard_exact, boschloo_exact
def t(f, k):
    f(); s = time.perf_counter()
    for _ in range(k): r = f()
    return (time.perf_counter() - s) / k * 1000, r
F = [[${FISHER.events1}, ${FISHER.events2}], [${FISHER.n1 - FISHER.events1}, ${FISHER.n2 - FISHER.events2}]]
B = [[${BARNARD.events1}, ${BARNARD.events2}], [${BARNARD.n1 - BARNARD.events1}, ${BARNARD.n2 - BARNARD.events2}]]
fm, fr = t(lambda: fisher_exact(F), 5)
bm, br = t(lambda: barnard_exact(B), 2)
sm, sr = t(lambda: boschloo_exact(B), 2)
print(json.dumps({"fisher": {"ms": fm, "p": float(fr.pvalue)}, "barnard": {"ms": bm, "p": float(br.pvalue)},
  "boschloo": {"ms": sm, "p": float(sr.pvalue)}}))
`;

// R's fisher.test on the same table (p, conditional MLE and exact CI), timed inside R.
const R_FISHER = `
m <- matrix(c(${FISHER.events1}, ${FISHER.n1 - FISHER.events1}, ${FISHER.events2}, ${FISHER.n2 - FISHER.events2}), 2)
invisible(fisher.test(m)); k <- 5
s <- proc.time()[["elapsed"]]; for (i in 1:k) r <- fisher.test(m); e <- proc.time()[["elapsed"]] - s
cat(sprintf('{"ms": %.6f, "p": %.17g}', e / k * 1000, r$p.value))
`;

function rTimings() {
  try {
    return JSON.parse(
      execFileSync('Rscript', ['--vanilla', '-e', R_FISHER], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  } catch (error) {
    return {
      note: `R comparison skipped: Rscript not available (${String(error.message ?? error).split('\n')[0]})`,
    };
  }
}

function scipyTimings() {
  try {
    return JSON.parse(
      execFileSync('python3', ['-c', PYTHON], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  } catch (error) {
    return {
      note: `scipy comparison skipped: python3 with scipy not available (${String(error.message ?? error).split('\n')[0]})`,
    };
  }
}

/** Rows { name, value, unit, reference, ratio }: value = our time, reference = the other tool's, ratio = ours / theirs. */
export async function run() {
  const fisher = timeIt(() => fisherExact(FISHER), 3);
  const fisherP = timeIt(() => fisherExactP(FISHER), 50);
  const scipyLike = { nuisance: { grid: 32 } };
  const barnard32 = timeIt(() => barnardExact(BARNARD, scipyLike), 10);
  const barnard = timeIt(() => barnardExact(BARNARD), 5);
  const boschloo32 = timeIt(() => boschlooExact(BARNARD, scipyLike), 10);
  const boschloo = timeIt(() => boschlooExact(BARNARD), 5);
  const scipy = scipyTimings();
  const r = rTimings();
  // MN OR + Koopman RR + MN RD limits, timed against the closed-form Woolf / Katz / Wald intervals in the same run
  const score = timeIt(
    () =>
      SCORE.map((t) => [
        oddsRatio(t, { ci: 'mn' }),
        riskRatio(t, { ci: 'koopman' }),
        riskDifference(t, { ci: 'mn' }),
      ]),
    20,
  );
  const wald = timeIt(
    () => SCORE.map((t) => [oddsRatio(t), riskRatio(t), riskDifference(t, { ci: 'wald' })]),
    2000,
  );
  const row = (name, ours, ref, note) => ({
    name,
    value: Number(ours.ms.toFixed(3)),
    unit: 'ms',
    reference: ref ? Number(ref.ms.toFixed(3)) : null,
    ratio: ref ? Number((ours.ms / ref.ms).toPrecision(3)) : null,
    note,
  });
  const sc = scipy.note ? null : scipy;
  const noteScipy = (text) => (sc ? text : scipy.note);
  return [
    row(
      'MN OR, Koopman RR, MN RD intervals, two tables at 1e5 per arm',
      score,
      wald,
      'reference: the Woolf / Katz / Wald intervals of the same tables (closed forms), same run',
    ),
    row(
      'fisherExactP, 100 000 per arm (two-sided p alone; target ratio ≤ 0.5)',
      fisherP,
      sc?.fisher,
      noteScipy(
        `reference: scipy.stats.fisher_exact (p only); p ours ${fisherP.result} vs scipy ${sc?.fisher.p}`,
      ),
    ),
    row(
      'fisherExact, 100 000 per arm (p, conditional MLE, exact CI)',
      fisher,
      r.note ? null : r,
      r.note ??
        `reference: R fisher.test (same result); p ours ${fisher.result.test.p} vs R ${r.p}`,
    ),
    row(
      'barnardExact, 200 per arm, two-sided, grid 32 + refinement (target ratio ≤ 0.1)',
      barnard32,
      sc?.barnard,
      noteScipy(
        `reference: scipy barnard_exact at its default n = 32; p ours ${barnard32.result.p} vs scipy ${sc?.barnard.p}`,
      ),
    ),
    row(
      `barnardExact, 200 per arm, two-sided, project default (target ratio ≤ 1)`,
      barnard,
      sc?.barnard,
      noteScipy(
        `reference: scipy barnard_exact at n = 32; p ours ${barnard.result.p}; ${barnard.result.method}`,
      ),
    ),
    row(
      'boschlooExact, 200 per arm, two-sided, grid 32 + refinement (target ratio ≤ 0.1)',
      boschloo32,
      sc?.boschloo,
      noteScipy(
        `reference: scipy boschloo_exact at its default n = 32; p ours ${boschloo32.result.p} vs scipy ${sc?.boschloo.p}`,
      ),
    ),
    row(
      'boschlooExact, 200 per arm, two-sided, project default (target ratio ≤ 1)',
      boschloo,
      sc?.boschloo,
      noteScipy(
        `reference: scipy boschloo_exact at n = 32; p ours ${boschloo.result.p}; ${boschloo.result.method}`,
      ),
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) console.log(JSON.stringify(r));
}
