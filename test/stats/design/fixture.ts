import { readFileSync } from 'node:fs';

/** The R reference values written by test/reference/design.R. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/design.json', import.meta.url), 'utf8'),
) as Record<string, any[]>;
