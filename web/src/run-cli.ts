import type { Command } from 'commander';
import type { CliContext, CliIo } from '../../src/cli/context.js';
import { createProgram, run } from '../../src/cli/program.js';
import { loadCommands } from './cli-commands.js';

/** What one run of the CLI printed, and its exit code (0 ok, 1 failed check, 2 bad input). */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function memoryIo(stdin: string, sink: { stdout: string; stderr: string }): CliIo {
  return {
    stdout: (text) => {
      sink.stdout += text;
    },
    stderr: (text) => {
      sink.stderr += text;
    },
    readStdin: async () => stdin,
    stderrIsTTY: false,
    color: false,
    cwd: '/',
  };
}

/**
 * Runs `trialstat <argv>` in the page: the CLI's own program (src/cli/program.ts) with an
 * in-memory io, `stdin` standing for standard input (the pasted table of `meta -`).
 * @example await runCli(['prop', '--events', '9', '--n', '22']) // { code: 0, stdout: 'Proportion 0.409 …', … }
 */
export async function runCli(argv: readonly string[], stdin = ''): Promise<CliRun> {
  const sink = { stdout: '', stderr: '' };
  const code = await run(argv, memoryIo(stdin, sink));
  return { code, ...sink };
}

let program: Promise<Command> | undefined;

/** The CLI's command tree with every page command registered, to read options and defaults from. */
export function cliProgram(): Promise<Command> {
  program ??= loadCommands([]).then((commands) => {
    const context: CliContext = {
      io: memoryIo('', { stdout: '', stderr: '' }),
      setExitCode: () => undefined,
    };
    return createProgram(context, commands);
  });
  return program;
}

/** The subcommand at `path` (`['power', 'means']`). */
export async function cliCommand(path: readonly string[]): Promise<Command> {
  let command = await cliProgram();
  for (const name of path) {
    const next = command.commands.find((c) => c.name() === name);
    if (!next) throw new Error(`no CLI command ${path.join(' ')}`);
    command = next;
  }
  return command;
}
