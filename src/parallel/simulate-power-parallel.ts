import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { checkSeed } from '../stats/design/create-rng.js';
import {
  prepareSimulation,
  simulateChunk,
  simulationChunks,
  summarizeSimulation,
  type SimulatedPower,
  type SimulationDesign,
} from '../stats/design/simulate-power.js';

/** Thrown when a run is cancelled through its AbortSignal (e.g. Ctrl-C). */
export class SimulationCancelled extends Error {
  override readonly name = 'SimulationCancelled';
}

export interface ParallelOptions {
  reps: number;
  seed: number | bigint;
  /** Worker threads; 1 runs in the calling thread. Default 1. */
  workers?: number;
  /** Called after each finished chunk with replicates done so far. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The compiled worker script (tests run from src/, so fall back to dist/). */
function workerUrl(): URL {
  const sibling = new URL('./simulation-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  return new URL('../../dist/parallel/simulation-worker.js', import.meta.url);
}

/**
 * Simulated power with the chunks spread over worker threads. Each chunk has its own random
 * stream (seed, chunk index) and results are integer rejection counts, so the answer is
 * identical for 1, 2 or k workers. Cancelling via `signal` terminates every worker and rejects
 * with {@link SimulationCancelled}.
 */
export async function simulatePowerParallel(
  design: SimulationDesign,
  options: ParallelOptions,
): Promise<SimulatedPower> {
  const prepared = prepareSimulation(design);
  checkSeed(options.seed);
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 256)
    throw new InputError('workers', workers, 'a whole number in [1, 256]');
  const chunks = simulationChunks(options.reps);
  const { signal, onProgress } = options;
  let done = 0;
  let rejections = 0;

  if (workers === 1) {
    for (const [chunk, reps] of chunks) {
      if (signal?.aborted) throw new SimulationCancelled('simulation cancelled');
      rejections += simulateChunk(prepared, options.seed, chunk, reps);
      done += reps;
      onProgress?.(done, options.reps);
      // Let signal handlers (Ctrl-C) run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return summarizeSimulation(prepared.test, rejections, options.reps, options.seed);
  }

  const pool = Array.from(
    { length: Math.min(workers, chunks.length) },
    () => new Worker(workerUrl(), { workerData: { prepared, seed: options.seed } }),
  );
  const queue = chunks.slice();
  const sizes = new Map(chunks);
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const onAbort = () => reject(new SimulationCancelled('simulation cancelled'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (worker: Worker) => {
        const next = queue.shift();
        if (next) worker.postMessage({ chunk: next[0], reps: next[1] });
      };
      for (const worker of pool) {
        worker.on('message', (message: { chunk: number; rejections: number }) => {
          rejections += message.rejections;
          done += sizes.get(message.chunk)!;
          finished += 1;
          onProgress?.(done, options.reps);
          if (finished === chunks.length) {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          } else feed(worker);
        });
        worker.on('error', reject);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return summarizeSimulation(prepared.test, rejections, options.reps, options.seed);
}
