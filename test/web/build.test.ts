import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPage } from '../../web/build.mjs';

/**
 * The page build (web/build.mjs): one self-contained file, the same bytes on every build,
 * a CSP that lets only its own inline script run and nothing load from a server.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run web', () => {
  it('web/src type-checks (its own tsconfig: the DOM library, which src/ must not see)', () => {
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    expect(() =>
      execFileSync(tsc, ['-p', join(ROOT, 'web', 'tsconfig.json'), '--noEmit'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).not.toThrow();
  }, 60_000);

  it('builds the same bytes twice, self-contained, under a strict CSP', async () => {
    const [a, b] = [await buildPage(), await buildPage()];
    expect(a.html).toBe(b.html);
    const html = a.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    // Exactly one script, allowed by its hash.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    // Nothing is fetched: no external src/href and the font is a data URI.
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html).toContain('font/woff2;base64,');
  }, 60_000);
});
