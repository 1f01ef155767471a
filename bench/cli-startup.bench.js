/**
 * CLI start-up: wall time of `node dist/cli/main.js means …` (a complete run: parse,
 * compute, print) against bare `node -e 0`, both spawned in the same run, interleaved
 * (so load on a shared machine hits both alike) and repeated; medians and their ratio.
 * Target (issue 10): ratio ≤ 1.5. The full `--help` (every command module loaded) is
 * listed beside it to show what lazy command loading saves.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUNDS = 21;
const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
const MEANS = [
  'means',
  '--n1',
  '41',
  '--mean1',
  '19',
  '--sd1',
  '124',
  '--n2',
  '34',
  '--mean2',
  '-134',
  '--sd2',
  '182',
];

const variants = [
  { name: 'node -e 0: wall time', args: ['-e', '0'] },
  { name: 'trialstat means …: wall time', args: [main, ...MEANS] },
  { name: 'trialstat --help (all commands): wall time', args: [main, '--help'] },
];

export async function run() {
  const times = variants.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    variants.forEach((variant, i) => {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, variant.args, { encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (child.status !== 0)
        throw new Error(`node ${variant.args.join(' ')} failed:\n${child.stderr}`);
      times[i].push(ms);
    });
  }
  const medians = times.map(median);
  const reference = variants[0].name;
  return variants.map((variant, i) => ({
    name: `${variant.name} (median of ${ROUNDS})`,
    value: medians[i],
    unit: 'ms',
    reference: `${reference} (median of ${ROUNDS})`,
    ratio: medians[i] / medians[0],
  }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
