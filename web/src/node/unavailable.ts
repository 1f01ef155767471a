/**
 * Node built-ins no calculator of the page reaches (child processes, worker threads, …):
 * each export throws if it is ever called, so a mistake shows instead of a silent no-op.
 */
function unavailable(): never {
  throw new Error('not available in the browser page');
}

export const spawn = unavailable;
export const execFileSync = unavailable;
export const Worker = unavailable;
export const isMainThread = true;
export const parentPort = null;
export const workerData = undefined;
export const cpus = () => [];
export const tmpdir = () => '/tmp';
export const availableParallelism = () => 1;
export default {};
