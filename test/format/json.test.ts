import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/format/json.js';
import { runCli } from '../support/cli.js';

describe('formatJson (docs/json.md)', () => {
  it('writes ±Infinity and NaN as strings, keeps null, drops undefined, ends with a newline', () => {
    const text = formatJson({
      a: Infinity,
      b: -Infinity,
      c: NaN,
      d: null,
      e: undefined,
      f: [1, Infinity],
      g: 0.1,
    });
    expect(text).toBe(
      '{\n  "a": "Infinity",\n  "b": "-Infinity",\n  "c": "NaN",\n  "d": null,\n  "f": [\n    1,\n    "Infinity"\n  ],\n  "g": 0.1\n}\n',
    );
    const back = JSON.parse(text);
    expect(Number(back.a)).toBe(Infinity);
    expect(Number(back.b)).toBe(-Infinity);
    expect(Number.isNaN(Number(back.c))).toBe(true);
  });

  it('numbers round-trip exactly', () => {
    const values = [0.1 + 0.2, 1e-300, -5e-324, 123456789.123456789, 2 ** 53];
    expect(JSON.parse(formatJson(values))).toEqual(values);
  });

  it('is the encoder of every command: an infinite bound is "Infinity" in means and props alike', async () => {
    const means = JSON.parse(
      (
        await runCli([
          'means',
          '--n1',
          '22',
          '--mean1',
          '-4.1',
          '--sd1',
          '52',
          '--n2',
          '22',
          '--mean2',
          '-38.5',
          '--sd2',
          '52',
          '--alternative',
          'greater',
          '--json',
        ])
      ).stdout,
    );
    expect(means.md.ci.upper).toBe('Infinity');
    const props = JSON.parse(
      (
        await runCli([
          'props',
          '--events1',
          '5',
          '--n1',
          '56',
          '--events2',
          '0',
          '--n2',
          '29',
          '--rr-ci',
          'koopman',
          '--json',
        ])
      ).stdout,
    );
    expect(props.rr.ci.upper).toBe('Infinity');
  });
});
