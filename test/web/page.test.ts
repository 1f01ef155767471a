import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../support/chromium.js';
import { buildReports } from '../../src/report/build.js';
import {
  OR_INTERVALS,
  PROPORTION_INTERVALS,
  RD_INTERVALS,
  RR_INTERVALS,
  SMD_METHODS,
} from '../../src/stats/index.js';
import { loadReportDataset, reportDatasetNames } from '../../src/report/bundled-datasets.js';

/**
 * The offline page (web/build/index.html, `npm run web`) in headless Chromium, opened from
 * file:// with every network request refused. Each calculator is filled by typing into its
 * fields; the numbers it shows (the --json field table) are compared with the R fixtures the
 * library tests use (test/reference/fixtures/), or with brute-force enumeration for the
 * rounding checks. No request may leave the page and no console error may occur; a link
 * with a fragment must reproduce the result. Screenshots at 1280 and 390 px go to
 * test/artifacts/.
 */

if (!hasChromium)
  console.warn(
    `test/web/page.test.ts: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`,
  );

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = join(ROOT, 'web', 'build', 'index.html');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'test', 'reference', 'fixtures', `${name}.json`), 'utf8'));

/** Fixture values as the text typed into fields. */
const strings = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));

/** Relative difference, with an absolute floor for values near 0. */
function close(actual: number, expected: number, tolerance: number): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

describe.skipIf(!hasChromium)('the offline page in headless chromium', () => {
  let profile: string;
  let context: BrowserContext;
  const url = pathToFileURL(PAGE).href;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'web', 'build.mjs')], { cwd: ROOT });
    profile = mkdtempSync(join(tmpdir(), 'trialstat-web-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [
        ...CHROMIUM_ARGS,
        // Nothing resolves: a request that slipped past the route below still fails.
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
      viewport: { width: 1280, height: 900 },
    });
    // The network is blocked: only the page file itself may load.
    await context.route('**/*', (route) =>
      route.request().url().split('#')[0] === url ? route.continue() : route.abort(),
    );
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(hash: string, width = 1280): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url().split('#')[0] !== url) requests.push(request.url());
    });
    await page.goto(`${url}${hash}`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return page;
  }

  async function settled(page: Page, calc: string): Promise<void> {
    await page.waitForFunction(
      // Runs in the page; typed loosely because the project compiles without the DOM lib.
      (id) => (globalThis as any).document.getElementById(`calc-${id}`)?.dataset.state === 'done',
      calc,
      { timeout: 30_000 },
    );
  }

  /** Types each value into its field (select: chosen; checkbox: ticked), then waits for the result. */
  async function fill(page: Page, calc: string, values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const field = page.locator(`#${calc}-${name}`);
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      const type = await field.getAttribute('type');
      if (tag === 'select') await field.selectOption(value);
      else if (type === 'checkbox') await field.setChecked(value === 'true');
      else {
        await field.fill('');
        await field.pressSequentially(value);
      }
    }
    await settled(page, calc);
  }

  /** The numbers the page shows, by --json field path. */
  async function shown(page: Page, calc: string): Promise<Record<string, string>> {
    return page.$$eval(`#calc-${calc} tr[data-path]`, (rows) =>
      Object.fromEntries(
        rows.map((row) => [row.getAttribute('data-path'), row.lastElementChild?.textContent ?? '']),
      ),
    );
  }

  function expectNumbers(
    numbers: Record<string, string>,
    expected: Record<string, number>,
    tolerance: number,
  ): void {
    for (const [path, value] of Object.entries(expected)) {
      expect(
        numbers[path],
        `${path} shown in ${JSON.stringify(numbers).slice(0, 300)}`,
      ).toBeDefined();
      const actual = Number(numbers[path]);
      expect(close(actual, value, tolerance), `${path}: ${actual} vs R ${value}`).toBe(true);
    }
  }

  /** Opens a calculator empty, types `values`, compares the shown numbers with `expected`. */
  async function calculate(
    calc: string,
    values: Record<string, string>,
    expected: Record<string, number>,
    tolerance: number,
  ): Promise<Record<string, string>> {
    const page = await open(`#${calc}?`);
    await fill(page, calc, values);
    const numbers = await shown(page, calc);
    expectNumbers(numbers, expected, tolerance);
    await page.close();
    return numbers;
  }

  it('two means: Welch and Student t, Hedges g, as R t.test and metafor escalc', async () => {
    const { meanDifference, smd } = fixture('continuous');
    const page = await open('#means?');
    for (const variance of ['unequal', 'equal']) {
      const r = meanDifference.find(
        (c: any) =>
          c.variance === variance &&
          c.alternative === 'two-sided' &&
          c.level === 0.9 &&
          c.n1 !== c.n2,
      );
      expect(r, `a ${variance} fixture`).toBeDefined();
      await fill(page, 'means', {
        n1: String(r.n1),
        mean1: String(r.m1),
        sd1: String(r.sd1),
        n2: String(r.n2),
        mean2: String(r.m2),
        sd2: String(r.sd2),
        var: variance,
        level: String(r.level),
      });
      expectNumbers(
        await shown(page, 'means'),
        {
          'md.estimate': r.estimate,
          'md.se': r.se,
          'md.df': r.df,
          'md.statistic': r.statistic,
          'md.p': r.p,
          'md.ci.lower': r.lower,
          'md.ci.upper': r.upper,
        },
        1e-10,
      );
    }
    const g = smd[0];
    await fill(page, 'means', {
      n1: String(g.n1),
      mean1: String(g.m1),
      sd1: String(g.sd1),
      n2: String(g.n2),
      mean2: String(g.m2),
      sd2: String(g.sd2),
      var: 'unequal',
      level: '0.95',
    });
    expectNumbers(
      await shown(page, 'means'),
      {
        'smd.estimate': g.hedges.estimate,
        'smd.se': g.hedges.se,
        'smd.ci.lower': g.hedges.lower,
        'smd.ci.upper': g.hedges.upper,
      },
      1e-10,
    );
    const text = await page.locator('#calc-means pre.explain').textContent();
    expect(text).toContain('How it was computed (Welch two-sample t)');
    expect(await page.locator('#calc-means pre.command').textContent()).toContain(
      `trialstat means --n1 ${g.n1}`,
    );
    // A mistake is shown next to its field, and nothing is computed.
    await fill(page, 'means', { sd1: '5,2' });
    expect(await page.locator('#means-sd1-error').textContent()).toContain('decimal comma');
    expect(await page.locator('#means-sd1').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  }, 120_000);

  it('fragility index: every case of the brute-force R loop over fisher.test / chisq.test', async () => {
    const { cases } = fixture('fragility');
    const page = await open('#fragility?');
    for (const c of cases.filter((k: any) => k.modify === 'walsh').slice(0, 4)) {
      await fill(page, 'fragility', {
        events1: String(c.events1),
        n1: String(c.n1),
        events2: String(c.events2),
        n2: String(c.n2),
        test: c.test,
        alpha: String(c.alpha),
      });
      expectNumbers(await shown(page, 'fragility'), { p: c.p, index: c.index }, 1e-9);
    }
    await page.close();
  }, 120_000);

  it('two proportions: Newcombe, Koopman, Woolf, Fisher, chi-square and mid-p, as R', async () => {
    const { cases } = fixture('binary');
    const c = cases[0];
    const at95 = c.levels.find((l: any) => l.level === 0.95);
    const page = await open('#props?');
    await fill(page, 'props', {
      events1: String(c.x1),
      n1: String(c.n1),
      events2: String(c.x2),
      n2: String(c.n2),
      'rr-ci': 'koopman',
      test: 'midp',
    });
    expectNumbers(
      await shown(page, 'props'),
      {
        'rd.ci.lower': at95.newcombe[0],
        'rd.ci.upper': at95.newcombe[1],
        'rr.ci.lower': at95.koopman[0],
        'rr.ci.upper': at95.koopman[1],
        'tests.fisher.p': c.fisher.p,
        'tests.chisq.statistic': c.chisq.statistic,
        'tests.chisq.p': c.chisq.p,
        'tests.chisqYates.p': c.chisqYates.p,
        'tests.midp.p': c.midp,
      },
      1e-9,
    );
    // A zero cell: the CLI's warning is shown with the result.
    await fill(page, 'props', { events1: '0', n1: '20', events2: '5', n2: '20' });
    const warned = await page.locator('#calc-props ul.warnings li').allTextContents();
    expect(warned, warned.join('\n')).toContain(
      'warning: a cell is zero: 0.5 was added to all four cells for the OR and its interval',
    );
    await page.close();
  }, 120_000);

  it('single proportion: exact, Wilson and Jeffreys intervals and the binomial test, as R', async () => {
    const { ci, binomTest } = fixture('proportion');
    const page = await open('#prop?');
    const r = ci.find((c: any) => c.x > 0 && c.x < c.n && c.level === 0.95 && c.n > 20);
    for (const method of ['exact', 'wilson', 'jeffreys'] as const) {
      await fill(page, 'prop', {
        events: String(r.x),
        n: String(r.n),
        'ci-method': method,
        level: String(r.level),
      });
      expectNumbers(
        await shown(page, 'prop'),
        { 'ci.lower': r[method].lower, 'ci.upper': r[method].upper },
        1e-9,
      );
    }
    const b = binomTest.find((t: any) => t.x > 0 && t.p0 !== 0.5);
    await fill(page, 'prop', { events: String(b.x), n: String(b.n), p0: String(b.p0) });
    expectNumbers(await shown(page, 'prop'), { 'test.p': b.twoSided }, 1e-10);
    await page.close();
  }, 120_000);

  it('meta-analysis of a pasted table: REML and DL random effects as metafor, with forest and funnel plots', async () => {
    const { bcg } = fixture('meta');
    const d = bcg.data;
    const table = [
      'study,events1,n1,events2,n2',
      ...d.study.map((s: string, i: number) => [s, d.ai[i], d.n1i[i], d.ci[i], d.n2i[i]].join(',')),
    ].join('\n');
    const page = await open('#meta?');
    await fill(page, 'meta', { table, measure: 'RR' });
    for (const method of ['REML', 'DL']) {
      await fill(page, 'meta', { method });
      const numbers = await shown(page, 'meta');
      const fit = bcg.fits[`${method}_z`];
      expect(close(Math.log(Number(numbers.estimate)), fit.estimate, 1e-6)).toBe(true);
      expect(close(Math.log(Number(numbers['ci.lower'])), fit.ci_lb, 1e-6)).toBe(true);
      expect(close(Math.log(Number(numbers['ci.upper'])), fit.ci_ub, 1e-6)).toBe(true);
      expectNumbers(
        numbers,
        { se: fit.se, tau2: fit.tau2, Q: fit.QE, I2: fit.I2, p: fit.pval },
        1e-6,
      );
    }
    // Cells pasted from a spreadsheet (tab-separated) give the same fit.
    const before = await shown(page, 'meta');
    await page.locator('#meta-table').fill(table.replace(/,/g, '\t'));
    await settled(page, 'meta');
    expect(await shown(page, 'meta')).toEqual(before);
    const figures = await page.locator('#calc-meta figure.chart svg').count();
    expect(figures).toBe(2);
    expect(await page.locator('#calc-meta figure.chart svg g.study').count()).toBe(d.study.length);
    await page.close();
  }, 120_000);

  it('power and sample size: as R power.t.test and power.prop.test', async () => {
    const { powerTTest, powerPropTest } = fixture('design');
    const t = powerTTest.find((c: any) => c.solve === 'n' && c.sided === 2 && !c.strict);
    const { delta, sd, power, alpha } = t;
    await calculate('power-means', strings({ delta, sd, power, alpha }), { n: t.n }, 1e-6);
    const p = powerPropTest.find((c: any) => c.solve === 'power' && c.sided === 2 && !c.strict);
    const { p1, p2, n } = p;
    await calculate(
      'power-props',
      strings({ p1, p2, n, alpha: p.alpha }),
      { power: p.power },
      1e-10,
    );
  }, 120_000);

  // Tolerances as test/stats/design/power-menu.test.ts: noncentral χ² and F to 1e-8.
  it('the power menu: one calculator per registry entry, as R pwr and PowerTOST', async () => {
    const menu = fixture('power_menu');
    const [norm, corr, chisq, anova, f2] = ['norm', 'corr', 'chisq', 'anova', 'f2'].map((name) =>
      menu[name].find((c: any) => c.alternative === undefined || c.alternative === 'two-sided'),
    );
    const tost = menu.tost.find((c: any) => c.design === '2x2');
    const cases: [string, Record<string, unknown>, Record<string, number>, number][] = [
      ['power-norm', { d: norm.d, n: norm.n, alpha: norm.alpha }, { power: norm.power }, 1e-10],
      ['power-norm', { d: norm.d, power: 0.8 }, { 'values.n': norm.nFor80 }, 1e-6],
      ['power-r', { r: corr.r, n: corr.n }, { power: corr.power }, 1e-10],
      ['power-chisq', { w: chisq.w, n: chisq.n, df: chisq.df }, { power: chisq.power }, 1e-8],
      ['power-anova', { k: anova.k, n: anova.n, f: anova.f }, { power: anova.power }, 1e-8],
      ['power-f2', { u: f2.u, v: f2.v, f2: f2.f2 }, { power: f2.power }, 1e-8],
      [
        'power-tost-ratio',
        { theta0: tost.theta0, theta1: tost.theta1, theta2: tost.theta2, cv: tost.cv, n: tost.n },
        { power: tost.exact },
        1e-9,
      ],
    ];
    for (const [calc, values, expected, tolerance] of cases)
      await calculate(calc, strings(values), expected, tolerance).catch((error: Error) => {
        throw new Error(`${calc}: ${error.message}`);
      });
  }, 120_000);

  it('consistency checks: p from a CI and a test statistic as R, percent and GRIM by enumeration', async () => {
    const { pFromCi, statisticP } = fixture('check');
    const c = pFromCi[0];
    const { estimate, lower, upper, level } = c;
    await calculate(
      'check-p',
      { ...strings({ estimate, lower, upper, level }), p: '0.0001', relation: '<' },
      { pRecomputed: c.p },
      1e-9,
    );
    const t = statisticP[0];
    await calculate(
      'check-statistic',
      { ...strings({ test: t.test, value: t.statistic, df: t.df }), p: '.03' },
      { pRecomputed: t.p },
      1e-9,
    );

    const percent = await open('#check-percent?');
    for (const [value, n] of [
      [45, 11],
      [60, 11],
    ]) {
      await fill(percent, 'check-percent', { percent: String(value), n: String(n) });
      const counts = Array.from({ length: n + 1 }, (_, k) => k).filter(
        (k) => Math.round((100 * k) / n) === value,
      );
      const numbers = await shown(percent, 'check-percent');
      expect(numbers.consistent).toBe(String(counts.length > 0));
      counts.forEach((k, i) => expect(numbers[`counts[${i}]`]).toBe(String(k)));
    }
    await percent.close();

    const grim = await open('#check-grim?');
    for (const [mean, n] of [
      ['5.19', 28],
      ['5.18', 28],
    ] as const) {
      await fill(grim, 'check-grim', { mean, n: String(n) });
      const reachable = Array.from({ length: 10 * n + 1 }, (_, sum) => sum / n).some(
        (m) => m.toFixed(2) === mean,
      );
      expect((await shown(grim, 'check-grim')).consistent, `${mean} of ${n}`).toBe(
        String(reachable),
      );
    }
    await grim.close();
  }, 120_000);

  it('offers the methods of the registries, in their order, with their defaults', async () => {
    const page = await open('#props');
    const registries = [
      ['props-rd-ci', RD_INTERVALS],
      ['props-rr-ci', RR_INTERVALS],
      ['props-or-ci', OR_INTERVALS],
      ['prop-ci-method', PROPORTION_INTERVALS],
      ['means-smd', SMD_METHODS],
    ] as const;
    for (const [id, registry] of registries) {
      const select = page.locator(`#${id}`);
      const values = await select
        .locator('option')
        .evaluateAll((options) =>
          options.map((o) => (o as any).value as string).filter((v) => v !== ''),
        );
      expect(values, id).toEqual([...registry.ids]);
      const marked = await select.locator('option', { hasText: '(default)' }).getAttribute('value');
      expect(marked, `${id} default`).toBe(registry.defaultId);
    }
    await page.close();
  }, 60_000);

  it('a link with the fragment reproduces the calculation', async () => {
    const page = await open('#props?');
    await fill(page, 'props', {
      events1: '12',
      n1: '40',
      events2: '4',
      n2: '41',
      'or-ci': 'exact',
    });
    const link = page.url();
    expect(link).toContain('or-ci=exact');
    const before = await shown(page, 'props');
    await page.close();
    const again = await open(new URL(link).hash);
    await settled(again, 'props');
    expect(await shown(again, 'props')).toEqual(before);
    expect(await again.locator('#props-or-ci').inputValue()).toBe('exact');
    await again.close();
  }, 120_000);

  it('datasets analyse in a click; every control is labelled; readable at 390 px; screenshots', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = await open('#datasets');
    await page.getByRole('button', { name: 'Every comparison of miles-lam' }).click();
    await settled(page, 'datasets');
    expect(await page.locator('#calc-datasets pre.result').textContent()).toContain('MILES');
    await page.getByRole('button', { name: 'Meta-analysis of bcg-vaccine' }).click();
    await page.waitForURL(/#meta\?.*input=bcg-vaccine/);
    // The calculator may still show its previous ('done') result for a moment after the URL
    // changes: wait for the new one rather than for the state flag.
    await expect.poll(async () => (await shown(page, 'meta')).k, { timeout: 30_000 }).toBe('13');
    // A dataset with several outcomes: the CLI's message, listing them, is next to --outcome.
    await page.goto(`${url}#datasets`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: 'Meta-analysis of rapami' }).click();
    await page.waitForURL(/#meta\?.*input=rapami/);
    await expect
      .poll(async () => (await page.locator('#meta-outcome-error').textContent()) ?? '', {
        timeout: 30_000,
      })
      .toContain('"serious adverse events"');
    await fill(page, 'meta', { outcome: 'serious adverse events' });
    expect(await page.locator('#meta-outcome-error').textContent()).toBe('');
    await expect
      .poll(async () => Number((await shown(page, 'meta')).k), { timeout: 30_000 })
      .toBeGreaterThan(0);
    // Keyboard: a calculator is reached from the navigation with Tab focus and Enter.
    await page.getByRole('button', { name: 'GRIM', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#check-grim/);
    // The panel is shown by the hashchange handler, just after the URL changes.
    await page.locator('#calc-check-grim').waitFor({ state: 'visible', timeout: 30_000 });
    const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
      controls
        .filter((c) => (c as any).labels?.length === 0 && !c.getAttribute('aria-label'))
        .map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    await page.close();
    for (const width of [1280, 390]) {
      for (const calc of ['means', 'props', 'meta', 'check-p', 'datasets']) {
        const page = await open(`#${calc}`, width);
        if (calc !== 'datasets') await settled(page, calc);
        const overflow = await page.evaluate(
          () => (globalThis as any).document.documentElement.scrollWidth as number,
        );
        expect(overflow, `${calc}: page width at ${width} px`).toBeLessThanOrEqual(width);
        await page.screenshot({
          path: join(ARTIFACTS, `web-${calc}-${width}.png`),
          fullPage: width === 390,
        });
        await page.close();
      }
    }
  }, 120_000);

  it('opens a built report in the viewer, its own scripts disabled', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trialstat-web-report-'));
    try {
      const [built] = await buildReports({
        specFiles: [join(ROOT, 'reports', 'rapami.yaml')],
        outDir: out,
        loadDataset: loadReportDataset,
        knownDatasets: reportDatasetNames(),
      });
      const page = await open('#reports');
      await page.locator('#report-file').setInputFiles(built.file);
      const frame = page.frameLocator('iframe.report-frame');
      await expect.poll(() => frame.locator('h1').first().textContent()).toBe(built.title);
      expect(await frame.locator('figure svg').count()).toBeGreaterThan(0);
      expect(await page.locator('iframe.report-frame').getAttribute('sandbox')).toBe('');
      await page.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('made no request and logged no console error', () => {
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
