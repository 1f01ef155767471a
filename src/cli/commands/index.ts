import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** A subcommand module: adds its command (with help and examples) to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/** A subcommand by name, with a loader for the module that registers it. */
export interface CommandEntry {
  name: string;
  load: () => Promise<RegisterCommand>;
}

/**
 * Every subcommand, in the order `--help` lists them: data, comparisons, pooling,
 * checks, design, reports. Each module is imported only when its command runs (or for
 * the full `--help`), so `trialstat means …` never loads arquero, yaml, csv-parse or
 * vega: start-up stays close to bare `node` (see bench/cli-startup.bench.js).
 */
export const commands: readonly CommandEntry[] = [
  { name: 'datasets', load: async () => (await import('./datasets.js')).registerDatasets },
  { name: 'validate', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'means', load: async () => (await import('./means.js')).registerMeans },
  { name: 'props', load: async () => (await import('./props.js')).registerProps },
  { name: 'prop', load: async () => (await import('./prop.js')).registerProp },
  { name: 'strata', load: async () => (await import('./strata.js')).registerStrata },
  { name: 'paired', load: async () => (await import('./paired.js')).registerPaired },
  { name: 'compare', load: async () => (await import('./compare.js')).registerCompare },
  { name: 'meta', load: async () => (await import('./meta.js')).registerMeta },
  { name: 'adjust', load: async () => (await import('./adjust.js')).registerAdjust },
  { name: 'check', load: async () => (await import('./check.js')).registerCheck },
  { name: 'consistency', load: async () => (await import('./consistency.js')).registerConsistency },
  { name: 'scan', load: async () => (await import('./scan.js')).registerScan },
  { name: 'fingerprint', load: async () => (await import('./fingerprint.js')).registerFingerprint },
  { name: 'survival', load: async () => (await import('./survival.js')).registerSurvival },
  { name: 'power', load: async () => (await import('./power.js')).registerPower },
  { name: 'design', load: async () => (await import('./design.js')).registerDesign },
  { name: 'fragility', load: async () => (await import('./fragility.js')).registerFragility },
  { name: 'bayes', load: async () => (await import('./bayes.js')).registerBayes },
  { name: 'simulate', load: async () => (await import('./simulate.js')).registerSimulate },
  { name: 'report', load: async () => (await import('./report.js')).registerReport },
  { name: 'verify', load: async () => (await import('./verify.js')).registerVerify },
];

/**
 * The modules needed for `argv`: only the named command's when the first word is a
 * command, every one otherwise (top-level help, `help <cmd>`, an unknown command, so
 * that commander can list them all and suggest the closest name).
 */
export async function loadCommands(argv: readonly string[]): Promise<RegisterCommand[]> {
  const first = argv.find((word) => !word.startsWith('-'));
  const named = commands.find((entry) => entry.name === first);
  return Promise.all((named ? [named] : commands).map((entry) => entry.load()));
}
