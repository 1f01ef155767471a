/**
 * Measuring helpers for bench files. `measureInChild(script, args)` runs a worker script in
 * a fresh Node process and returns what it prints as JSON on its last line; workers use
 * `timeAndPeak(fn)` to report wall time and the peak RSS rise above the RSS before `fn`.
 */
import { spawnSync } from 'node:child_process';

/** Runs `fn` once; returns `{ ms, peakMB }` (peak RSS from getrusage minus RSS before). */
export async function timeAndPeak(fn) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  return { ms, peakMB: Math.max(0, peak - before) / 2 ** 20, result };
}

/** Runs `node script ...args` `times` times (fresh process each) and returns the median of each numeric field. */
export function measureInChild(script, args, times = 3) {
  const runs = [];
  for (let i = 0; i < times; i += 1) {
    const child = spawnSync(process.execPath, ['--expose-gc', script, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop()));
  }
  const out = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((run) => run[key]);
    out[key] = typeof values[0] === 'number' ? median(values) : values[0];
  }
  return out;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
