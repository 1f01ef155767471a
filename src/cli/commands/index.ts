import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerCheck } from './check.js';
import { registerCompare } from './compare.js';
import { registerConsistency } from './consistency.js';
import { registerFingerprint } from './fingerprint.js';
import { registerDatasets } from './datasets.js';
import { registerValidate } from './validate.js';
import { registerMeans } from './means.js';
import { registerProp } from './prop.js';
import { registerProps } from './props.js';
import { registerMeta } from './meta.js';

/** A subcommand module: adds its command (with help and examples) to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * Every subcommand, in the order `--help` lists them. Commands that need heavy
 * modules (vega) import them lazily inside their action so that other commands
 * start fast.
 */
export const commands: RegisterCommand[] = [
  registerCheck,
  registerConsistency,
  registerFingerprint,
  registerDatasets,
  registerValidate,
  registerMeans,
  registerProp,
  registerProps,
  registerCompare,
  registerMeta,
];
