import { DataError, type InputIssue } from '../../src/errors.js';

/** The issues of the DataError that `fn` throws (sync or async); fails if it does not throw one. */
export async function issuesOf(fn: () => unknown): Promise<InputIssue[]> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DataError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a DataError');
}

/** `[line, column]` of each issue, for compact assertions. */
export function where(issues: readonly InputIssue[]): [number | undefined, string | undefined][] {
  return issues.map((issue) => [issue.line, issue.column]);
}
