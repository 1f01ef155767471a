/**
 * Worker-thread entry for simulated power: receives the prepared design once, then chunk
 * requests [index, reps], and answers each with its rejection count.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateChunk, type PreparedSimulation } from '../stats/design/simulate-power.js';

const { prepared, seed } = workerData as { prepared: PreparedSimulation; seed: number | bigint };
parentPort!.on('message', (message: { chunk: number; reps: number }) => {
  parentPort!.postMessage({
    chunk: message.chunk,
    rejections: simulateChunk(prepared, seed, message.chunk, message.reps),
  });
});
