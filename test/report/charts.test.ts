import { describe, expect, it } from 'vitest';
import { adverseEvents } from '../../src/report/charts/adverse-events.js';
import { armDots } from '../../src/report/charts/arm-dots.js';
import { forestPlot } from '../../src/report/charts/forest-plot.js';
import { percentAudit } from '../../src/report/charts/percent-audit.js';
import { powerCurve } from '../../src/report/charts/power-curve.js';
import { proportionCaterpillar } from '../../src/report/charts/proportion-caterpillar.js';
import { isoDay, trialTimeline } from '../../src/report/charts/trial-timeline.js';
import { logDomain, logTicks } from '../../src/report/charts/theme.js';
import { renderSvg } from '../../src/report/render.js';
import {
  ADVERSE_EVENTS,
  ARM_DOTS,
  CATERPILLAR,
  FOREST,
  PERCENT_AUDIT,
  POWER,
  TIMELINE,
} from './chart-inputs.js';

const charts = {
  forest: () => forestPlot(FOREST),
  'arm-dots': () => armDots(ARM_DOTS),
  'adverse-events': () => adverseEvents(ADVERSE_EVENTS),
  caterpillar: () => proportionCaterpillar(CATERPILLAR),
  timeline: () => trialTimeline(TIMELINE),
  'power-curve': () => powerCurve(POWER),
  'percent-audit': () => percentAudit(PERCENT_AUDIT),
};

describe('chart specs', () => {
  for (const [name, make] of Object.entries(charts)) {
    it(`${name}: spec matches the committed snapshot and renders without warnings`, async () => {
      const chart = make();
      expect(chart.spec).toMatchSnapshot();
      const rendered = await renderSvg(chart.spec, {
        idPrefix: name,
        title: name,
        description: chart.description,
      });
      expect(rendered.warnings).toEqual([]);
      expect(rendered.width).toBeGreaterThan(100);
      expect(rendered.height).toBeGreaterThan(50);
      expect(rendered.svg).toMatch(
        /^<svg[^>]* role="img" aria-labelledby="[^"]+"><title id="[^"]+">/,
      );
    });
  }

  it('collects warnings instead of printing: rows not estimable are named', () => {
    const forest = forestPlot({
      ...FOREST,
      rows: [...FOREST.rows, { label: 'Zero events', estimate: 0, lower: 0, upper: Infinity }],
    });
    expect(forest.warnings).toEqual([
      'forest plot "Serious adverse events": row "Zero events" shown as not estimable (estimate or CI not finite or not positive)',
    ]);
    // Undated trials are expected in a landscape: notes (counted in words), not warnings.
    expect(trialTimeline(TIMELINE).warnings).toEqual([]);
    expect(trialTimeline(TIMELINE).notes).toEqual([
      '1 trial without a start date is listed in the table but not drawn: No dates.',
      '1 trial without an end date is drawn as a start marker (▶): Trial Z.',
    ]);
  });

  it('draws arms without an interval as dots alone, with a warning and no empty whisker layer', async () => {
    const chart = armDots({
      ...ARM_DOTS,
      rows: ARM_DOTS.rows.map(({ lower: _l, upper: _u, ...rest }) => rest),
    });
    expect(chart.warnings).toEqual([
      'arm chart "CDASI activity by arm": no interval for Placebo (week 12), Drug (week 12), Placebo (week 24), Drug (week 24): dot only',
    ]);
    expect(JSON.stringify(chart.spec)).not.toContain('"rule"');
    const rendered = await renderSvg(chart.spec, {
      idPrefix: 'dots',
      title: 't',
      description: 'd',
    });
    expect(rendered.warnings).toEqual([]);
  });

  it('sorts adverse events by risk difference and caterpillar rows by proportion', () => {
    const ae = adverseEvents(ADVERSE_EVENTS).spec as unknown as {
      hconcat: { layer: { encoding: { y?: { sort: string[] } } }[] }[];
    };
    expect(ae.hconcat[0].layer[0].encoding.y?.sort).toEqual(['Any AE', 'Serious AE']);
    const cat = proportionCaterpillar(CATERPILLAR).spec as unknown as {
      layer: { data: { values: { label: string }[] } }[];
    };
    expect(cat.layer[2].data.values.map((v) => v.label)).toEqual([
      'Series B',
      'Series A',
      'Series C',
    ]);
  });

  it('renders every chart with no data rows (an empty filter) without crashing', async () => {
    const empty = [
      forestPlot({ ...FOREST, rows: [], pooled: undefined }),
      armDots({ ...ARM_DOTS, rows: [] }),
      adverseEvents({ ...ADVERSE_EVENTS, rates: [], differences: [] }),
      proportionCaterpillar({ ...CATERPILLAR, rows: [], pooled: undefined }),
      trialTimeline({ ...TIMELINE, rows: [] }),
      powerCurve({ ...POWER, series: [] }),
    ];
    for (const [i, chart] of empty.entries()) {
      const rendered = await renderSvg(chart.spec, {
        idPrefix: `empty${i}`,
        title: 't',
        description: chart.description,
      });
      expect(rendered.svg.startsWith('<svg'), chart.description).toBe(true);
      expect(rendered.width).toBeGreaterThan(0);
    }
  });

  it('log axes use readable 1-2-5 ticks', () => {
    expect(logTicks(0.2, 5)).toEqual([0.2, 0.5, 1, 2, 5]);
    expect(logDomain(0.3, 2.5)).toEqual([0.2, 5]);
    expect(logDomain(0.01, 1)).toEqual([0.01, 1]);
  });

  it('completes partial dates to the start or end of the period', () => {
    expect(isoDay('2024', 'start')).toBe('2024-01-01');
    expect(isoDay('2024', 'end')).toBe('2024-12-31');
    expect(isoDay('2024-02', 'end')).toBe('2024-02-29');
    expect(isoDay('2023-02', 'end')).toBe('2023-02-28');
    expect(isoDay('2024-06-15', 'end')).toBe('2024-06-15');
  });
});

describe('forest plot golden SVG', () => {
  it('renders byte-identically to the committed golden file', async () => {
    const chart = forestPlot(FOREST);
    const { svg } = await renderSvg(chart.spec, {
      idPrefix: 'golden',
      title: FOREST.title,
      description: chart.description,
    });
    await expect(svg).toMatchFileSnapshot('./golden/forest.svg');
  });
});
