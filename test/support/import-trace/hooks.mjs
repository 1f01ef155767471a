// Module-resolution hook for test/cli/startup.test.ts: writes every resolved URL to stderr.
import { writeSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  writeSync(2, `import: ${result.url}\n`);
  return result;
}
