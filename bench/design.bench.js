// Benchmark: simulated two-arm t-test trials per second (trialstat, 1 and 2 workers) against the
// same simulation in R (replicate + t.test on simulated observations), when Rscript is present.
// Run after `npm run build`: node -e "import('./bench/design.bench.js').then(async m => console.table(await m.run()))"
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { simulatePowerParallel } from '../dist/parallel/simulate-power-parallel.js';

const design = { test: 'student', n1: 30, mean1: 0.5, mean2: 0, sd1: 1 };

async function trialsPerSecond(workers, reps) {
  const start = process.hrtime.bigint();
  await simulatePowerParallel(design, { reps, seed: 1, workers });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return reps / seconds;
}

function rTrialsPerSecond(reps) {
  const code = `set.seed(1); t0 <- proc.time()[["elapsed"]]; x <- replicate(${reps}, t.test(rnorm(30, 0.5), rnorm(30), var.equal = TRUE)$p.value < 0.05); cat(${reps} / (proc.time()[["elapsed"]] - t0))`;
  const result = spawnSync('Rscript', ['--vanilla', '-e', code], { encoding: 'utf8' });
  if (result.status !== 0 || result.error) return undefined;
  const value = Number(result.stdout.trim());
  return Number.isFinite(value) ? value : undefined;
}

export async function run() {
  const reps = 2_000_000;
  await trialsPerSecond(1, 100_000); // warm-up (JIT)
  const one = await trialsPerSecond(1, reps);
  const two = await trialsPerSecond(2, reps);
  // 10⁷ simulated trials on every core of the machine.
  const cores = availableParallelism();
  const all = await trialsPerSecond(cores, 10_000_000);
  const r = rTrialsPerSecond(20_000);
  const ratio = (value) => (r === undefined ? null : value / r);
  return [
    {
      name: 'simulated Student t-test trials (n = 30 per arm), 1 worker',
      value: one,
      unit: 'trials/s',
      reference: r ?? null,
      ratio: ratio(one),
    },
    {
      name: 'simulated Student t-test trials (n = 30 per arm), 2 workers',
      value: two,
      unit: 'trials/s',
      reference: r ?? null,
      ratio: ratio(two),
    },
    {
      name: `10 000 000 simulated t-test trials, ${cores} workers (all cores)`,
      value: all,
      unit: 'trials/s',
      reference: r ?? null,
      ratio: ratio(all),
    },
    {
      name: 'R replicate(t.test(rnorm, rnorm)) (reference)',
      value: r ?? null,
      unit: 'trials/s',
      reference: null,
      ratio: null,
    },
  ];
}
