// Benchmark: reconstruction (Guyot 2012) and Cox fit of 10 000 patients in trialstat against R's
// coxph on the same patient-level data, as a ratio of times measured in the same run.
// Run after `npm run build`: node bench/run.js survival
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../dist/stats/design/create-rng.js';
import { coxHazardRatio } from '../dist/stats/survival/cox-hazard-ratio.js';
import { kaplanMeier } from '../dist/stats/survival/kaplan-meier.js';
import { reconstructKm } from '../dist/stats/survival/reconstruct-km.js';

const N = 10_000;

/** 10 000 patients, two arms, exponential times (HR 0.75), uniform censoring, times on a 0.01 grid (ties). */
function patients() {
  const rng = createRng(12);
  return Array.from({ length: N }, (_, i) => {
    const arm = i % 2 === 0 ? 'a' : 'b';
    const t = -Math.log(1 - rng.nextDouble()) / (0.1 * (arm === 'a' ? 0.75 : 1));
    const c = 2 + 28 * rng.nextDouble();
    return { time: Math.round(Math.min(t, c) * 100) / 100, event: t <= c, arm };
  });
}

function median(fn, repeats) {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((x, y) => x - y)[Math.floor(repeats / 2)];
}

/** The digitised curves (each KM step) and an at-risk table every 5 time units, per arm. */
function curves(records) {
  return ['a', 'b'].map((arm) => {
    const rs = records.filter((r) => r.arm === arm);
    const km = kaplanMeier(rs);
    const steps = km.steps.filter((s) => s.nEvent > 0);
    const riskTime = [0, 5, 10, 15, 20, 25];
    return {
      time: [0, ...steps.map((s) => s.time)],
      survival: [1, ...steps.map((s) => s.surv)],
      riskTime,
      nRisk: riskTime.map((t) => rs.filter((r) => r.time >= t).length),
      totalEvents: km.events,
    };
  });
}

function rCoxMs(records) {
  const dir = mkdtempSync(join(tmpdir(), 'trialstat-bench-'));
  try {
    const file = join(dir, 'ipd.csv');
    writeFileSync(
      file,
      `time,event,arm\n${records.map((r) => `${r.time},${r.event ? 1 : 0},${r.arm}`).join('\n')}\n`,
    );
    const code = `suppressPackageStartupMessages(library(survival)); d <- read.csv("${file}"); d$arm <- factor(d$arm, levels = c("b", "a")); invisible(coxph(Surv(time, event) ~ arm, data = d)); t <- sapply(1:7, function(i) system.time(coxph(Surv(time, event) ~ arm, data = d))[["elapsed"]]); cat(1000 * median(t))`;
    const result = spawnSync('Rscript', ['--vanilla', '-e', code], { encoding: 'utf8' });
    if (result.status !== 0 || result.error) return undefined;
    const value = Number(result.stdout.trim());
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  const records = patients();
  const input = curves(records);
  const cox = () => coxHazardRatio(records, { arms: ['a', 'b'] });
  const rebuildAndFit = () => {
    const rebuilt = input.map((c, k) =>
      reconstructKm(c).records.map((r) => ({ ...r, arm: k === 0 ? 'a' : 'b' })),
    );
    return coxHazardRatio(rebuilt.flat(), { arms: ['a', 'b'] });
  };
  cox();
  rebuildAndFit(); // warm-up (JIT)
  const coxMs = median(cox, 7);
  const bothMs = median(rebuildAndFit, 7);
  const r = rCoxMs(records);
  const ratio = (value) => (r === undefined ? null : value / r);
  return [
    {
      name: `Cox HR (Efron), ${N} patients`,
      value: coxMs,
      unit: 'ms',
      reference: r === undefined ? null : 'R coxph',
      ratio: ratio(coxMs),
    },
    {
      name: `Guyot reconstruction of both curves + Cox HR, ${N} patients`,
      value: bothMs,
      unit: 'ms',
      reference: r === undefined ? null : 'R coxph',
      ratio: ratio(bothMs),
    },
    {
      name: 'R coxph (Efron) on the same 10 000 patients (reference)',
      value: r ?? null,
      unit: 'ms',
      reference: null,
      ratio: r === undefined ? null : 1,
    },
  ];
}
