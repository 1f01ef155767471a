/**
 * The CLI's exit codes, in one place: what each means is written here, printed by
 * `trialstat --help` and tabled in docs/cli.md ("Exit codes"); test/cli/exit-codes.test.ts
 * checks the three agree and triggers each code.
 * @example EXIT.usage // 2
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70, interrupted: 130 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One line per code, as `--help` prints it. */
export const EXIT_MEANINGS: Readonly<Record<ExitCode, string>> = {
  0: 'success',
  1: 'a check failed (a discrepancy, an impossible figure, no match)',
  2: 'bad input or usage (one line on stderr says what and where)',
  70: 'internal error: a bug, with its stack trace (please report it)',
  130: 'interrupted (Ctrl-C)',
};
