import { describe, expect, it } from 'vitest';
import { textWidth, vegaTextWidth } from '../../src/report/text-metrics/text-width.js';

describe('measured text widths (Liberation Sans = Arial metrics)', () => {
  it('uses the tabulated advance widths, not 0.8 × length × size', () => {
    // Arial advance widths (per 1000 em): H 722, a 556, m 833, b 556, u 556, r 333, g 556.
    expect(textWidth('Hamburg', 10)).toBeCloseTo(
      (722 + 556 + 833 + 556 + 556 + 333 + 556) / 100,
      10,
    );
    expect(textWidth('Risk ratio', 11)).toBeCloseTo(45.837, 10);
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('MMMM', 10) / 3);
    expect(textWidth('Risk ratio', 11, 'bold')).toBeGreaterThan(textWidth('Risk ratio', 11));
    expect(textWidth('−1', 10)).toBeCloseTo(11.4, 10);
  });

  it('follows Vega text items: font size, weight, trimming and truncation with an ellipsis', () => {
    expect(vegaTextWidth({ fontSize: 10 }, '  ab ')).toBeCloseTo(textWidth('ab', 10), 10);
    expect(vegaTextWidth({}, 'ab')).toBeCloseTo(textWidth('ab', 11), 10);
    expect(vegaTextWidth({ fontSize: 10 }, null)).toBe(0);
    const limited = vegaTextWidth({ fontSize: 10, limit: 40 }, 'A very long study label');
    expect(limited).toBeLessThanOrEqual(40);
    expect(limited).toBeGreaterThan(30);
  });
});

describe('Vega uses the measured widths when rendering', () => {
  it('sizes a padded view from the table, not from 0.8 × length × size', async () => {
    const { renderSvg } = await import('../../src/report/render.js');
    const spec = {
      width: 10,
      height: 10,
      padding: 0,
      autosize: { type: 'pad' },
      config: { view: { stroke: null } },
      data: { values: [{}] },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'top',
        x: 0,
        y: 0,
        fontSize: 20,
        font: 'Arial',
        text: 'iiiiiiiiii',
      },
    } as const;
    const { width, svg } = await renderSvg(spec as never, {
      idPrefix: 't',
      title: 't',
      description: 'd',
    });
    // 10 × 0.222 em × 20 px = 44.4 px (Vega's estimate would be 160 px).
    expect(width).toBe(Math.ceil(textWidth('iiiiiiiiii', 20)));
    expect(width).toBe(45);
    expect(svg).toContain('>iiiiiiiiii</text>');
  });
});
