import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';

/**
 * commander, loaded with `require`. commander is a CommonJS package; importing it as ESM
 * makes Node run its CJS export lexer and ESM wrapper, which cost about as much as the rest
 * of `trialstat means` together (bench/cli-startup.bench.js, target ≤ 1.5 × `node -e 0`).
 * `require` shares the module cache with `import`, so a command module that still imports
 * 'commander' gets the same classes (instanceof holds).
 * @example new Command('trialstat').name() // 'trialstat'
 */
const commander = createRequire(import.meta.url)('commander') as typeof CommanderModule;

export const Command = commander.Command;
export type Command = CommanderModule.Command;
export const CommanderError = commander.CommanderError;
export type CommanderError = CommanderModule.CommanderError;
export const InvalidArgumentError = commander.InvalidArgumentError;
export type InvalidArgumentError = CommanderModule.InvalidArgumentError;
export const Option = commander.Option;
export type Option = CommanderModule.Option;
