import type { Command } from 'commander';
import { loadCommands } from '../../src/cli/commands/index.js';
import type { CliContext } from '../../src/cli/context.js';
import { createProgram } from '../../src/cli/program.js';

/** Every command of the program with its path: [] (the program), ['means'], ['power', 'means'], … */
export async function commandTree(): Promise<{ path: string[]; command: Command }[]> {
  const context: CliContext = {
    io: {
      stdout: () => {},
      stderr: () => {},
      readStdin: async () => '',
      stderrIsTTY: false,
      color: false,
      cwd: process.cwd(),
    },
    setExitCode: () => {},
  };
  const out: { path: string[]; command: Command }[] = [];
  const walk = (command: Command, path: string[]) => {
    out.push({ path, command });
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(createProgram(context, await loadCommands([])), []);
  return out;
}
