// Benchmarks for src/stats/binary: Fisher's exact test at 100 000 per arm and Barnard's test
// at 200 per arm, each timed against scipy in the same run when python3 + scipy are present.
// Run: npm run build && node bench/binary.bench.js   (or through bench/run.js: export run()).
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { barnardExact, fisherExact, oddsRatio, riskDifference, riskRatio } from '../dist/index.js';

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
from scipy.stats import fisher_exact, barnard_exact
def t(f, k):
    f(); s = time.perf_counter()
    for _ in range(k): r = f()
    return (time.perf_counter() - s) / k * 1000, r
fm, fr = t(lambda: fisher_exact([[${FISHER.events1}, ${FISHER.events2}], [${FISHER.n1 - FISHER.events1}, ${FISHER.n2 - FISHER.events2}]]), 3)
bm, br = t(lambda: barnard_exact([[${BARNARD.events1}, ${BARNARD.events2}], [${BARNARD.n1 - BARNARD.events1}, ${BARNARD.n2 - BARNARD.events2}]]), 1)
print(json.dumps({"fisher": {"ms": fm, "p": float(fr.pvalue)}, "barnard": {"ms": bm, "p": float(br.pvalue)}}))
`;

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

/** Rows { name, value, unit, reference, ratio }: value = our time, reference = scipy's, ratio = ours / scipy's. */
export async function run() {
  const fisher = timeIt(() => fisherExact(FISHER), 3);
  const barnard = timeIt(() => barnardExact(BARNARD), 1);
  const scipy = scipyTimings();
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
    value: Number(ours.ms.toFixed(2)),
    unit: 'ms',
    reference: ref ? Number(ref.ms.toFixed(2)) : null,
    ratio: ref ? Number((ours.ms / ref.ms).toFixed(3)) : null,
    note,
  });
  const scoreRow = row(
    'MN OR, Koopman RR, MN RD intervals, two tables at 1e5 per arm',
    score,
    wald,
    'reference: the Woolf / Katz / Wald intervals of the same tables (closed forms), same run',
  );
  if (scipy.note) {
    return [
      scoreRow,
      row(
        'fisherExact 2×2, 100 000 per arm (p, conditional MLE, exact CI)',
        fisher,
        null,
        scipy.note,
      ),
      row('barnardExact 2×2, 200 per arm (two-sided, pooled Wald)', barnard, null, scipy.note),
    ];
  }
  return [
    scoreRow,
    row(
      'fisherExact 2×2, 100 000 per arm (p, conditional MLE, exact CI)',
      fisher,
      scipy.fisher,
      `reference: scipy.stats.fisher_exact (p only); p ours ${fisher.result.test.p} vs scipy ${scipy.fisher.p}`,
    ),
    row(
      'barnardExact 2×2, 200 per arm (two-sided, pooled Wald)',
      barnard,
      scipy.barnard,
      `reference: scipy.stats.barnard_exact (n = 32 Sobol points); p ours ${barnard.result.p} vs scipy ${scipy.barnard.p}; ${barnard.result.method}`,
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run()) console.log(JSON.stringify(r));
}
