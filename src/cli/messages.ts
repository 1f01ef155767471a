import type { CliIo } from './context.js';

/** A warning as results carry it: a plain string today, `{ code, message }` in the one result shape. */
export type WarningLike = string | { readonly code?: string; readonly message: string };

const text = (warning: WarningLike): string =>
  typeof warning === 'string' ? warning : warning.message;

/**
 * Writes warnings to stderr, one `warning: …` line each (duplicates once), so stdout holds
 * only the result and can be piped. With `--json` commands leave warnings in the JSON
 * (`warnings`) instead. The one warning prefix of the CLI (docs/cli.md).
 */
export function writeWarnings(io: Pick<CliIo, 'stderr'>, warnings: readonly WarningLike[]): void {
  for (const warning of [...new Set(warnings.map(text))]) io.stderr(`warning: ${warning}\n`);
}

/** Writes notes (what was done and why, not a problem) to stderr, one `note: …` line each. */
export function writeNotes(io: Pick<CliIo, 'stderr'>, notes: readonly string[]): void {
  for (const note of [...new Set(notes)]) io.stderr(`note: ${note}\n`);
}
