import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerPower } from './power.js';
import { registerDesign } from './design.js';
import { registerSimulate } from './simulate.js';

/** A subcommand module: adds its command (with help and examples) to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/**
 * Every subcommand, in the order `--help` lists them. Commands that need heavy
 * modules (vega) import them lazily inside their action so that other commands
 * start fast.
 */
export const commands: RegisterCommand[] = [
  registerPower,
  registerDesign,
  registerSimulate,
];
