/**
 * What a command needs from the outside world, passed in so commands run in-process
 * in tests with captured output.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Reads all of standard input (for `-` arguments), decoded as strict UTF-8 by the same
   * decoder as files (`decodeText`): a UTF-16 or Latin-1 stream is a DataError, never U+FFFD.
   */
  readStdin: () => Promise<string>;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
  /** Colour allowed (false under NO_COLOR or when not a terminal). */
  color: boolean;
  /** Working directory for relative paths. */
  cwd: string;
}

export interface CliContext {
  io: CliIo;
  /** Sets the process exit code without throwing (e.g. 1 for a failed check). */
  /** One of the codes of exit-codes.ts (130: interrupted, as shells report SIGINT). */
  setExitCode: (code: 0 | 1 | 2 | 130) => void;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeStdin(Buffer.concat(chunks));
    },
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: !process.env.NO_COLOR && Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}

/** Standard input's bytes as text: the decoder files use, loaded only when stdin is read (start-up stays lean). */
export async function decodeStdin(bytes: Uint8Array): Promise<string> {
  const { decodeText } = await import('../data/decode-text.js');
  return decodeText(bytes, '<stdin>');
}
