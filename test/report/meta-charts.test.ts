import { describe, expect, it } from 'vitest';
import { bubblePlot } from '../../src/report/charts/bubble-plot.js';
import { contourFunnel } from '../../src/report/charts/contour-funnel.js';
import { contourFunnelData } from '../../src/stats/meta/contour-funnel-data.js';
import { trimAndFill } from '../../src/stats/meta/trim-and-fill.js';
import { renderSvg } from '../../src/report/render.js';
import { metaRegression } from '../../src/stats/meta/meta-regression.js';
import { predictMetaRegression } from '../../src/stats/meta/predict-meta-regression.js';
import { regressionLine } from '../../src/stats/meta/regression-line.js';
import type { EffectSizes } from '../../src/stats/meta/effect-sizes.js';
import { expectClose } from '../support/close.js';
import { loadFixture } from '../stats/meta/fixture.js';

const fx = loadFixture('meta_depth');
const d = fx.bcg;
const bcg: EffectSizes = {
  measure: 'RR',
  studies: d.yi.map((y: number, i: number) => ({
    study: d.study[i],
    yi: y,
    vi: d.vi[i],
    extra: { ablat: d.ablat[i], year: d.year[i], alloc: d.alloc[i] },
  })),
  dropped: [],
  warnings: [],
};

describe('regressionLine (bubble plot data, as metafor regplot)', () => {
  const fit = metaRegression(bcg, [{ column: 'ablat' }, { column: 'year' }]);
  const line = regressionLine(fit, 'ablat', { points: 5 });
  it('spans the observed range; other columns held at their means; values are predictions', () => {
    expect(line.line.map((l) => l.x)).toEqual([13, 23.5, 34, 44.5, 55]);
    const meanYear = d.year.reduce((a: number, b: number) => a + b, 0) / d.year.length;
    expectClose(line.heldAt.year, meanYear, 1e-14);
    const [p] = predictMetaRegression(fit, [[1, 34, meanYear]]);
    expectClose(line.line[2].estimate, p.estimate, 1e-14);
    expectClose(line.line[2].pi!.upper, p.pi!.upper, 1e-14);
    expect(line.points).toHaveLength(13);
    expectClose(
      line.points.reduce((s, p) => s + p.weight, 0),
      100,
      1e-12,
    );
  });
  it('matches metafor predict() at ablat 10/30/50 for the one-moderator model', () => {
    const one = metaRegression(bcg, [{ column: 'ablat' }]);
    const e = fx.metareg.bcg_ablat.fits.REML_z.new;
    const l = regressionLine(one, 'ablat', { points: 43 }); // grid 13, 14, …, 55
    const at30 = l.line.find((p) => p.x === 30)!;
    expectClose(at30.estimate, e.pred[1], 1e-6);
    expectClose(at30.ci.lower, e.ci_lb[1], 1e-6);
  });
  it('rejects a categorical or unknown column', () => {
    const cat = metaRegression(bcg, [{ column: 'alloc' }]);
    expect(() => regressionLine(cat, 'alloc')).toThrow(/numeric moderator/);
    expect(() => regressionLine(fit, 'ablat', { at: { nope: 1 } })).toThrow(/another column/);
  });
});

describe('bubble plot chart', () => {
  const one = metaRegression(bcg, [{ column: 'ablat' }]);
  const l = regressionLine(one, 'ablat');
  const input = {
    title: 'BCG vaccine: risk ratio by absolute latitude',
    xTitle: 'Absolute latitude (degrees)',
    yTitle: 'Risk ratio (log scale)',
    yScale: 'log' as const,
    reference: 1,
    points: l.points.map((p) => ({ study: p.study, x: p.x, y: Math.exp(p.yi), weight: p.weight })),
    line: l.line.map((p) => ({
      x: p.x,
      estimate: Math.exp(p.estimate),
      lower: Math.exp(p.ci.lower),
      upper: Math.exp(p.ci.upper),
      piLower: Math.exp(p.pi!.lower),
      piUpper: Math.exp(p.pi!.upper),
    })),
  };
  it('spec snapshot; renders to SVG without warnings', async () => {
    const chart = bubblePlot(input);
    expect(chart.warnings).toEqual([]);
    expect(chart.spec).toMatchSnapshot();
    const rendered = await renderSvg(chart.spec, {
      idPrefix: 'bubble',
      title: input.title,
      description: chart.description,
    });
    expect(rendered.warnings).toEqual([]);
    expect(rendered.svg).toMatch(/^<svg[^>]* role="img"/);
    expect(chart.description).toMatch(/13 studies.*prediction band/);
  });
  it('drops non-positive values on a log axis with a warning', () => {
    const chart = bubblePlot({
      ...input,
      points: [...input.points, { study: 'Bad', x: 30, y: 0, weight: 1 }],
    });
    expect(chart.warnings).toEqual([
      'bubble plot "BCG vaccine: risk ratio by absolute latitude": study "Bad" left out (value not finite or not positive)',
    ]);
  });
});

describe('contour-enhanced funnel plot', () => {
  const hs = fx.hackshaw;
  const effects: EffectSizes = {
    measure: 'OR',
    studies: hs.yi.map((y: number, i: number) => ({ study: hs.study[i], yi: y, vi: hs.vi[i] })),
    dropped: [],
    warnings: [],
  };
  const tf = trimAndFill(effects);
  const data = contourFunnelData(effects, { filled: tf.filled, centre: tf.result.estimate });
  it('data: observed and filled studies, contours at ±z·se about the null', () => {
    expect(data.points.filter((p) => p.filled)).toHaveLength(fx.trimfill.hackshaw_REML_L0_auto.k0);
    const top = data.contours.filter((c) => c.se === data.maxSe);
    expect(top.map((c) => c.level)).toEqual([0.1, 0.05, 0.01]);
    expectClose(top[1].upper, 1.959963984540054 * data.maxSe, 1e-14);
    expect(() => contourFunnelData(effects, { levels: [5] })).toThrow(/levels/);
  });
  it('spec snapshot; renders without warnings', async () => {
    const chart = contourFunnel({
      title: 'Passive smoking and lung cancer',
      axisTitle: 'Log odds ratio',
      data,
    });
    expect(chart.warnings).toEqual([]);
    expect(chart.description).toMatch(/37 studies and 7 filled by trim and fill/);
    expect(chart.spec).toMatchSnapshot();
    const rendered = await renderSvg(chart.spec, {
      idPrefix: 'funnel',
      title: 't',
      description: chart.description,
    });
    expect(rendered.warnings).toEqual([]);
    expect(rendered.svg).toMatch(/^<svg[^>]* role="img"/);
  });
});
