import { runInNewContext } from 'node:vm';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../support/chromium.js';
// @ts-expect-error plain ESM helper without type declarations
import { bundleStats } from '../../scripts/bundle-stats.mjs';
import { meanDifference, riskRatio, tQuantile } from '../../src/stats/index.js';

interface Bundle {
  code: string;
  bytes: number;
  inputs: string[];
}

/** The same three calls in Node and in the bundle; results compared as JSON. */
const CALLS = `[
  S.meanDifference({ n: 22, mean: -4.1, sd: 52 }, { n: 22, mean: -38.5, sd: 52 }).ci,
  S.riskRatio({ events1: 36, n1: 40, events2: 16, n2: 80 }, { ci: 'koopman' }).ci,
  S.tQuantile(0.975, 10),
]`;

/**
 * Engines may differ in the last bit of Math.exp/log (V8 in Node vs V8 in Chromium vs esbuild's
 * constant folding), so numbers are compared to a relative 1e-12, everything else exactly.
 */
function expectSameNumbers(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(expected)),
    );
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((value, i) => expectSameNumbers((actual as unknown[])[i], value));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      expectSameNumbers((actual as Record<string, unknown>)[key], value);
  } else {
    expect(actual).toEqual(expected);
  }
}

function nodeResults(): unknown {
  const S = { meanDifference, riskRatio, tQuantile };
  return JSON.parse(JSON.stringify(new Function('S', `return ${CALLS}`)(S)));
}

describe('trialstat/stats: the browser-safe entry', () => {
  it('bundles for the browser with nothing from node:*, data/, report/ or cli/', async () => {
    const bundle = (await bundleStats()) as Bundle;
    expect(
      bundle.inputs.filter((file) =>
        /^node:|src\/(data|report|cli|format|io|parallel)\//.test(file),
      ),
    ).toEqual([]);
    expect(bundle.bytes).toBeGreaterThan(1000);
  });

  it('runs in a bare JavaScript context (no Node globals) and gives the Node numbers', async () => {
    const bundle = (await bundleStats()) as Bundle;
    const context: Record<string, unknown> = {};
    runInNewContext(
      `${bundle.code}; var S = trialstatStats; var result = JSON.stringify(${CALLS});`,
      context,
    );
    expectSameNumbers(JSON.parse(context.result as string), nodeResults());
  });

  it.skipIf(!hasChromium)(
    'runs in headless Chromium and gives the Node numbers',
    async () => {
      const bundle = (await bundleStats()) as Bundle;
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...CHROMIUM_ARGS],
      });
      try {
        const page = await browser.newPage();
        await page.addScriptTag({ content: bundle.code });
        const result = await page.evaluate(
          `(() => { const S = globalThis.trialstatStats; return JSON.stringify(${CALLS}); })()`,
        );
        expectSameNumbers(JSON.parse(result as string), nodeResults());
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
