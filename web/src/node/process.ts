/**
 * `node:process` (and the `process` global) for the page: what commander and the dataset
 * loaders read — no arguments, no environment, a working directory of /, 80 columns. Named
 * exports too, because commander `require`s the module and reads its properties.
 */
const stream = { isTTY: false, columns: 80, write: () => true, hasColors: () => false };

export const argv: string[] = [];
export const execArgv: string[] = [];
export const env: Record<string, string | undefined> = {};
export const platform = 'browser';
export const versions: Record<string, string> = {};
export const cwd = (): string => '/';
export const exit = (code?: number): never => {
  throw new Error(`process.exit(${code ?? 0}) called in the page`);
};
export const stdout = stream;
export const stderr = stream;
export const emitWarning = (): undefined => undefined;

export const process = {
  argv,
  execArgv,
  env,
  platform,
  versions,
  exitCode: undefined as number | undefined,
  cwd,
  exit,
  stdout,
  stderr,
  emitWarning,
  on: () => process,
};

export default process;
