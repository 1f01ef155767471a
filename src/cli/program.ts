import { Command, CommanderError } from './commander.js';
import { CheckFailedError, DataError, InputError, OutputError } from '../errors.js';
import { VERSION } from '../version.js';
import { loadCommands, type RegisterCommand } from './commands/index.js';
import type { CliContext, CliIo } from './context.js';
import { EXIT, EXIT_MEANINGS } from './exit-codes.js';

export { EXIT } from './exit-codes.js';

/** The program with the given subcommands registered (see `loadCommands`). */
export function createProgram(
  context: CliContext,
  commands: readonly RegisterCommand[],
  argv: readonly string[] = [],
): Command {
  const { io } = context;
  const program = new Command('trialstat')
    .description('Analyse clinical-trial outcomes from published, summary-level data.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(output(io))
    .exitOverride();
  program.addHelpText(
    'after',
    `
Exit codes:
${Object.entries(EXIT_MEANINGS)
  .map(([code, meaning]) => `  ${code.padEnd(4)}${meaning}`)
  .join('\n')}

Examples:
  $ trialstat datasets
  $ trialstat datasets show rapami --format md
  $ trialstat validate examples/my-arms.csv --kind arm-continuous`,
  );
  for (const register of commands) register(program, context);
  program.hook('preAction', (_program, action) => refuseRepeatedOptions(action, argv));
  // Subcommands inherit output routing and error handling.
  for (const command of program.commands) applyDefaults(command, io);
  return program;
}

/**
 * An option given twice (`--level 0.9 --level 0.95`) is refused: commander would keep the
 * last one without a word. Options meant to repeat (variadic, or collecting into a list,
 * whose default is a list) are allowed.
 */
function refuseRepeatedOptions(command: Command, argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  for (const option of command.options) {
    if (option.variadic || Array.isArray(option.defaultValue)) continue;
    const names = [option.long, option.short].filter((n): n is string => n !== undefined);
    const given: string[] = [];
    args.forEach((arg, i) => {
      if (names.includes(arg))
        given.push(option.required || option.optional ? `${arg} ${args[i + 1] ?? ''}`.trim() : arg);
      else if (names.some((name) => arg.startsWith(`${name}=`))) given.push(arg);
    });
    if (given.length > 1)
      throw new InputError(
        option.long ?? option.flags,
        given.join(' and '),
        'the option once (given twice, which value should win is unclear)',
      );
  }
}

/**
 * Where commander writes, and its errors with the prefix of every other error (`trialstat:`,
 * docs/cli.md "Where output goes") instead of its own `error:`.
 */
function output(io: CliIo) {
  return {
    writeOut: io.stdout,
    writeErr: io.stderr,
    outputError: (text: string, write: (text: string) => void) =>
      write(text.replace(/^error: /, 'trialstat: ')),
  };
}

function applyDefaults(command: Command, io: CliIo): void {
  command
    .configureOutput(output(io))
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  for (const sub of command.commands) applyDefaults(sub, io);
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code.
 * User mistakes print one clear message and no stack trace.
 */
export async function run(
  argv: readonly string[],
  io: CliIo,
  /** Which command modules to register (tests inject their own). */
  load: (argv: readonly string[]) => Promise<RegisterCommand[]> = loadCommands,
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CliContext = {
    io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };
  try {
    const program = createProgram(context, await load(argv), argv);
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      if (error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof InputError || error instanceof DataError || error instanceof OutputError) {
      io.stderr(`trialstat: ${error.message}\n`);
      return EXIT.usage;
    }
    // A disk full, a read-only file system, a missing permission: the environment, not a bug.
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') {
      const { explainFsError, isEnvironmentError } = await import('../io/explain-fs-error.js');
      if (isEnvironmentError(error)) {
        io.stderr(
          `trialstat: ${(explainFsError(error, error.path ?? '', error.syscall ?? 'access') as Error).message}\n`,
        );
        return EXIT.usage;
      }
    }
    if (error instanceof CheckFailedError) {
      io.stderr(`trialstat: ${error.message}\n`);
      return EXIT.failed;
    }
    // Not a user mistake: a bug. Show everything so it can be reported.
    io.stderr(
      `trialstat: internal error (please report): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}
