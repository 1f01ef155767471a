// Benchmark: REML random-effects meta-analysis on k = 10 000 simulated studies, compared in the
// same run with metafor::rma(method = "REML") through `Rscript -e` when R is available.
// Plain ESM; run after `npm run build`. Exports run() returning rows { name, value, unit, reference, ratio }.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metaAnalysis } from '../dist/index.js';

const K = 10_000;
// metafor's rma.uni forms k × k matrices (P %*% P is O(k³) per Fisher step): at k = 10 000 one fit
// needs several 800 MB matrices and can take very long, so it runs under a time limit, and k = 1 000
// is also compared so that a ratio is always reported when R is present.
const R_TIMEOUT_MS = Number(process.env.META_BENCH_R_TIMEOUT_MS ?? 120_000);
// k = 10², 10³, 10⁴: how time grows with k (the fitted exponent is reported as a row).
const SIZES = [100, 1_000, K];

/** Deterministic data (LCG + Box–Muller) so that both sides fit the same studies. */
function simulate(k) {
  let state = 12345;
  const unif = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const yi = [];
  const vi = [];
  for (let i = 0; i < k; i++) {
    const v = 0.01 + 0.19 * unif();
    const z = Math.sqrt(-2 * Math.log(unif())) * Math.cos(2 * Math.PI * unif());
    vi.push(v);
    yi.push(0.3 + z * Math.sqrt(0.05 + v));
  }
  return { yi, vi };
}

function timeJs(effects, repeats) {
  let result;
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeats; r++)
    result = metaAnalysis(effects, { method: 'REML', tau2Interval: false });
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / repeats;
  return { ms, result };
}

function timeR(yi, vi, repeats, timeout) {
  const dir = mkdtempSync(join(tmpdir(), 'meta-bench-'));
  try {
    const file = join(dir, 'data.csv');
    writeFileSync(file, 'yi,vi\n' + yi.map((y, i) => `${y},${vi[i]}`).join('\n') + '\n');
    const script = [
      'suppressPackageStartupMessages(library(metafor))',
      `d <- read.csv("${file.replace(/\\/g, '/')}")`,
      'invisible(rma(d$yi, d$vi, method = "REML"))',
      `t <- system.time(for (i in 1:${repeats}) fit <- rma(d$yi, d$vi, method = "REML"))[["elapsed"]]`,
      `cat(t / ${repeats} * 1000, fit$tau2, "\\n")`,
    ].join('; ');
    const out = execFileSync('Rscript', ['--vanilla', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout,
    });
    const [ms, tau2] = out.trim().split(/\s+/).map(Number);
    return { ms, tau2 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rAvailable() {
  try {
    execFileSync('Rscript', ['-e', 'cat(requireNamespace("metafor", quietly = TRUE))'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return true;
  } catch {
    return false;
  }
}

/** Least-squares slope of log(ms) on log(k): time ∝ k^slope. */
function exponent(points) {
  const xs = points.map((p) => Math.log(p.k));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}

export async function run() {
  const rows = [];
  const haveR = rAvailable();
  const ours = [];
  const theirs = [];
  for (const k of SIZES) {
    const { yi, vi } = simulate(k);
    const effects = {
      measure: 'GEN',
      studies: yi.map((y, i) => ({ study: `S${i + 1}`, yi: y, vi: vi[i] })),
      dropped: [],
      warnings: [],
    };
    timeJs(effects, 1); // warm-up
    const js = timeJs(effects, k <= 1_000 ? 20 : 5);
    ours.push({ k, ms: js.ms });
    if (!haveR) {
      rows.push({
        name: `meta REML k=${k} (R/metafor absent: no reference)`,
        value: js.ms,
        unit: 'ms',
        reference: null,
        ratio: null,
      });
      continue;
    }
    let r = null;
    try {
      r = timeR(yi, vi, 1, R_TIMEOUT_MS);
    } catch {
      r = null;
    }
    if (r === null) {
      rows.push({
        name: `meta REML k=${k} (metafor did not finish within ${R_TIMEOUT_MS / 1000} s)`,
        value: js.ms,
        unit: 'ms',
        reference: null,
        ratio: null,
      });
      continue;
    }
    theirs.push({ k, ms: r.ms });
    const reference = `metafor rma REML k=${k}`;
    rows.push({ name: reference, value: r.ms, unit: 'ms', reference, ratio: 1 });
    rows.push({
      name: `trialstat metaAnalysis REML k=${k}`,
      value: js.ms,
      unit: 'ms',
      reference,
      ratio: js.ms / r.ms,
    });
    rows.push({
      name: `trialstat vs metafor k=${k}: |Δτ²|`,
      value: Math.abs(js.result.tau2 - r.tau2),
      unit: 'abs',
      reference: null,
      ratio: null,
    });
  }
  const growth = (label, points) => ({
    name: `${label}: time ∝ k^b, b fitted over k = ${points.map((p) => p.k).join(', ')}`,
    value: Number(exponent(points).toFixed(2)),
    unit: 'exponent',
    reference: null,
    ratio: null,
  });
  rows.push(growth('trialstat metaAnalysis REML', ours));
  if (theirs.length >= 2) rows.push(growth('metafor rma REML', theirs));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
