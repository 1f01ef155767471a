import { run } from '../../src/cli/program.js';
import { decodeStdin, type CliIo } from '../../src/cli/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output (and optional stdin: text, or bytes decoded as the real stdin is). */
export async function runCli(
  argv: string[],
  options: { stdin?: string | Uint8Array; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () =>
      options.stdin instanceof Uint8Array ? decodeStdin(options.stdin) : (options.stdin ?? ''),
    stderrIsTTY: false,
    color: false,
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
