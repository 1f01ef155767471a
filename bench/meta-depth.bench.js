// Benchmark: meta-regression with 3 moderators at k = 1 000 and a GLMM (random-effects logistic
// model for proportions, 7-point adaptive Gauss–Hermite) at k = 100, each against metafor in the
// same run (rma(mods = ~ x1 + x2 + x3) and rma.glmm(measure = "PLO") through `Rscript -e`).
// Plain ESM; run after `npm run build`. Exports run() returning rows { name, value, unit, reference, ratio }.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glmmMetaAnalysis, metaRegression } from '../dist/index.js';

const R_TIMEOUT_MS = Number(process.env.META_BENCH_R_TIMEOUT_MS ?? 120_000);

/** Deterministic uniforms (LCG) so that both sides fit the same studies. */
function lcg(seed) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state + 0.5) / 4294967296;
  };
}
const normal = (unif) => Math.sqrt(-2 * Math.log(unif())) * Math.cos(2 * Math.PI * unif());

function regressionData(k) {
  const u = lcg(2024);
  const rows = [];
  for (let i = 0; i < k; i++) {
    const v = 0.01 + 0.19 * u();
    const x1 = u();
    const x2 = normal(u);
    const x3 = u() < 0.5 ? 0 : 1;
    rows.push({
      yi: 0.2 + 0.5 * x1 - 0.1 * x2 + 0.3 * x3 + normal(u) * Math.sqrt(0.04 + v),
      vi: v,
      x1,
      x2,
      x3,
    });
  }
  return rows;
}

function proportionData(k) {
  const u = lcg(77);
  const rows = [];
  for (let i = 0; i < k; i++) {
    const n = 20 + Math.floor(180 * u());
    const p = 1 / (1 + Math.exp(-(-1 + 0.7 * normal(u))));
    let x = 0;
    for (let j = 0; j < n; j++) if (u() < p) x++;
    rows.push({ events: x, n });
  }
  return rows;
}

function timeJs(fn, repeats) {
  fn();
  const start = process.hrtime.bigint();
  let result;
  for (let r = 0; r < repeats; r++) result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6 / repeats, result };
}

function timeR(csv, body, repeats) {
  const dir = mkdtempSync(join(tmpdir(), 'meta-depth-bench-'));
  try {
    const file = join(dir, 'data.csv');
    writeFileSync(file, csv);
    const script = [
      'suppressPackageStartupMessages(library(metafor))',
      `d <- read.csv("${file.replace(/\\/g, '/')}")`,
      `invisible(${body})`,
      `t <- system.time(for (i in 1:${repeats}) fit <- ${body})[["elapsed"]]`,
      `cat(t / ${repeats} * 1000, fit$beta[1], fit$tau2, "\\n")`,
    ].join('; ');
    const out = execFileSync('Rscript', ['--vanilla', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: R_TIMEOUT_MS,
    });
    const [ms, beta, tau2] = out.trim().split(/\s+/).map(Number);
    return { ms, beta, tau2 };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compare(rows, label, js, r, estimate, tau2) {
  if (r === null) {
    rows.push({
      name: `${label} (R/metafor absent or too slow: no reference)`,
      value: js.ms,
      unit: 'ms',
      reference: null,
      ratio: null,
    });
    return;
  }
  const reference = `metafor ${label}`;
  rows.push({ name: reference, value: r.ms, unit: 'ms', reference, ratio: 1 });
  rows.push({
    name: `trialstat ${label}`,
    value: js.ms,
    unit: 'ms',
    reference,
    ratio: js.ms / r.ms,
  });
  rows.push({
    name: `trialstat vs metafor ${label}: |Δ intercept|`,
    value: Math.abs(estimate - r.beta),
    unit: 'abs',
    reference: null,
    ratio: null,
  });
  rows.push({
    name: `trialstat vs metafor ${label}: |Δτ²|`,
    value: Math.abs(tau2 - r.tau2),
    unit: 'abs',
    reference: null,
    ratio: null,
  });
}

export async function run() {
  const rows = [];
  const reg = regressionData(1_000);
  const effects = {
    measure: 'GEN',
    studies: reg.map((r, i) => ({
      study: `S${i + 1}`,
      yi: r.yi,
      vi: r.vi,
      extra: { x1: r.x1, x2: r.x2, x3: r.x3 },
    })),
    dropped: [],
    warnings: [],
  };
  const mods = [{ column: 'x1' }, { column: 'x2' }, { column: 'x3' }];
  const jsReg = timeJs(() => metaRegression(effects, mods, { method: 'REML' }), 3);
  const rReg = timeR(
    `yi,vi,x1,x2,x3\n${reg.map((r) => `${r.yi},${r.vi},${r.x1},${r.x2},${r.x3}`).join('\n')}\n`,
    'rma(yi, vi, mods = ~ x1 + x2 + x3, data = d, method = "REML")',
    1,
  );
  compare(
    rows,
    'meta-regression REML 3 moderators k=1000',
    jsReg,
    rReg,
    jsReg.result.coefficients[0].estimate,
    jsReg.result.tau2,
  );
  const props = proportionData(100);
  const jsGlmm = timeJs(() => glmmMetaAnalysis(props, { model: 'PLO', stabilityPoints: [] }), 1);
  const rGlmm = timeR(
    `xi,ni\n${props.map((p) => `${p.events},${p.n}`).join('\n')}\n`,
    'rma.glmm(measure = "PLO", xi = xi, ni = ni, data = d, nAGQ = 7)',
    1,
  );
  compare(rows, 'GLMM PLO nAGQ=7 k=100', jsGlmm, rGlmm, jsGlmm.result.estimate, jsGlmm.result.tau2);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
