import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerCheck } from './check.js';
import { registerCompare } from './compare.js';
import { registerConsistency } from './consistency.js';
import { registerDatasets } from './datasets.js';
import { registerPower } from './power.js';
import { registerDesign } from './design.js';
import { registerFingerprint } from './fingerprint.js';
import { registerMeans } from './means.js';
import { registerMeta } from './meta.js';
import { registerProp } from './prop.js';
import { registerProps } from './props.js';
import { registerReport } from './report.js';
import { registerSimulate } from './simulate.js';
import { registerValidate } from './validate.js';
import { registerVerify } from './verify.js';

/** A subcommand module: adds its command (with help and examples) to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * Every subcommand, in the order `--help` lists them: data, comparisons, pooling,
 * checks, design, reports. Commands that need heavy modules (vega) import them lazily
 * inside their action so that other commands start fast.
 */
export const commands: RegisterCommand[] = [
  registerDatasets,
  registerValidate,
  registerMeans,
  registerProps,
  registerProp,
  registerCompare,
  registerMeta,
  registerCheck,
  registerConsistency,
  registerFingerprint,
  registerPower,
  registerDesign,
  registerSimulate,
  registerReport,
  registerVerify,
];
