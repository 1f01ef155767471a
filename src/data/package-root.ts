import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The trialstat package root: the nearest folder above this module whose package.json is
 * named `trialstat`. Works from dist/ and from src/ (vitest). Node only.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'trialstat')
          return (cached = dir);
      } catch {
        // an unreadable package.json is not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('trialstat: cannot find the package root (package.json named trialstat)');
    dir = parent;
  }
}

/** Folder of the bundled datasets: `<package root>/datasets`. Node only. */
export function bundledDatasetsDir(): string {
  return join(packageRoot(), 'datasets');
}
