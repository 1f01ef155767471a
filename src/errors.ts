/**
 * Errors a user can cause. Both carry enough to point at the mistake: the CLI prints
 * them without a stack trace and exits 2. Anything else that is thrown is a bug.
 */

/** One problem found in a file or other input, located as precisely as possible. */
export interface InputIssue {
  /** File path, `<stdin>`, or the name of a bundled dataset file. */
  file?: string;
  /** 1-based line in the file (the header is line 1). */
  line?: number;
  /** 1-based character on the line, where a position is more precise than a column (an opening quote, a bad byte). */
  char?: number;
  /** Column name (CSV) or JSON path (`sections[2].charts[0]`). */
  column?: string;
  expected: string;
  found: string;
  /** Optional hint, e.g. "use 18.8". */
  hint?: string;
}

/**
 * Text from a file or an argument made safe to print on a terminal: control characters
 * (ANSI escape sequences, NUL, carriage returns), bidi overrides and other invisible
 * format characters become visible escapes (`\x1B`, `\u202E`), so no file content can
 * move the cursor, recolour the terminal or reorder the text around it.
 *
 * @example
 * printable('a\u001b[31mred\u202e'); // 'a\\x1B[31mred\\u202E'
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g,
    (c) => {
      const code = c.charCodeAt(0);
      if (c === '\n') return '\\n';
      if (c === '\t') return '\\t';
      if (c === '\r') return '\\r';
      return code <= 0xff
        ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
        : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    },
  );
}

/** Formats an issue as `file:line[:char]: column "x": expected …, found …`, every part printable. */
export function formatIssue(issue: InputIssue): string {
  const where = [
    issue.file,
    issue.line !== undefined ? String(issue.line) : undefined,
    issue.line !== undefined && issue.char !== undefined ? String(issue.char) : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(':');
  // A JSON/YAML path (sections[2].charts[0]) is a place in a document, not a CSV column.
  const isPath = issue.column !== undefined && /[[.]/.test(issue.column);
  const column =
    issue.column === undefined
      ? ''
      : isPath
        ? `at ${issue.column}: `
        : `column "${issue.column}": `;
  const hint = issue.hint ? ` (${issue.hint})` : '';
  return printable(
    `${where ? `${where}: ` : ''}${column}expected ${issue.expected}, found ${issue.found}${hint}`,
  );
}

/** A bad argument to a function or a CLI option: names the argument and the value. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The argument or option, e.g. `sd1` or `--sd1`. */
    readonly argument: string,
    /** What was given, as text. */
    readonly value: unknown,
    /** What was expected, e.g. "a positive number". */
    readonly expected: string,
    /** Optional hint, e.g. `did you mean "placebo"?`. */
    readonly hint?: string,
  ) {
    super(
      printable(
        `${argument}: expected ${expected}, found ${describeValue(value)}${hint ? ` (${hint})` : ''}`,
      ),
    );
  }
}

/** Invalid data in a file: every issue found, not only the first. */
export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    readonly issues: readonly InputIssue[],
    summary?: string,
  ) {
    // Each line printable: the summary names a file, whose name may hold anything too.
    super(
      (summary ? `${printable(summary)}\n` : '') +
        issues.map((issue) => formatIssue(issue)).join('\n'),
    );
  }
}

/**
 * Output that cannot be written (exit 2): names what was being written, where, and why in
 * plain words (`a file is in the way`, `the disk is full`), never a stack trace.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    /** The file or folder that could not be written. */
    readonly path: string,
    /** What was being done, e.g. "write the report folder". */
    readonly action: string,
    /** Why, in plain words. */
    readonly reason: string,
    /** The system error code (ENOSPC, EROFS, ...), when there was one. */
    readonly code?: string,
  ) {
    super(`cannot ${action} ${path}: ${reason}${code ? ` (${code})` : ''}`);
  }
}

/** A check that ran and failed (CLI exit code 1): not a user mistake. */
export class CheckFailedError extends Error {
  override readonly name = 'CheckFailedError';
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'an empty value' : `"${value}"`;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (value === undefined) return 'nothing';
  return String(value);
}
