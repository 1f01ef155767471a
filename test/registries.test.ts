import { describe, expect, it } from 'vitest';
import { binaryComparison } from '../src/report/analyses/binary-comparison.js';
import { binaryRatios } from '../src/report/analyses/binary-ratios.js';
import { singleProportions } from '../src/report/analyses/single-proportions.js';
import type { OptionSpec } from '../src/report/options-schema.js';
import { OR_INTERVALS, oddsRatio } from '../src/stats/binary/odds-ratio.js';
import { RD_INTERVALS, riskDifference } from '../src/stats/binary/risk-difference.js';
import { RR_INTERVALS, riskRatio } from '../src/stats/binary/risk-ratio.js';
import { fingerprintBinary } from '../src/stats/check/fingerprint-binary.js';
import { fingerprintProportion } from '../src/stats/check/fingerprint-proportion.js';
import { PROPORTION_INTERVALS, proportionCi } from '../src/stats/proportion/proportion-ci.js';
import { runCli } from './support/cli.js';

/**
 * Every registry entry must reach every place that lists methods: the CLI choices, the
 * report option schemas, the fingerprint search space and the --explain text. A method added
 * to a registry and missing from one of them fails here.
 */

const enumValues = (spec: OptionSpec | undefined): readonly string[] => (spec && spec.type === 'enum' ? spec.values : []);
const fixed = (x: number): string => x.toFixed(4);
const table = { events1: 13, n1: 31, events2: 6, n2: 29 };
const tableArgs = ['--events1', '13', '--n1', '31', '--events2', '6', '--n2', '29'];

const binary = [
  { measure: 'RD', registry: RD_INTERVALS, option: '--rd-ci', compute: (id: string) => riskDifference(table, { ci: id as never }) },
  { measure: 'RR', registry: RR_INTERVALS, option: '--rr-ci', compute: (id: string) => riskRatio(table, { ci: id as never }) },
  { measure: 'OR', registry: OR_INTERVALS, option: '--or-ci', compute: (id: string) => oddsRatio(table, { ci: id as never }) },
] as const;

describe.each(binary)('$measure interval registry', ({ measure, registry, option, compute }) => {
  it('has ids, labels, formulas and references', () => {
    for (const entry of registry.entries) {
      expect(entry.id).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const text of [entry.label, entry.formula, entry.reference]) expect(text.length).toBeGreaterThan(3);
    }
  });

  it(`every entry is a choice of props ${option}`, async () => {
    const help = await runCli(['props', '--help']);
    for (const id of registry.ids) {
      const r = await runCli(['props', ...tableArgs, option, id, '--json']);
      expect(r.code, `${option} ${id}: ${r.stderr}`).toBe(0);
      expect(help.stdout).toContain(id);
    }
    const bad = await runCli(['props', ...tableArgs, option, 'no-such-method']);
    expect(bad.code).toBe(2);
  });

  it('every entry has its label and formula in props --explain', async () => {
    for (const entry of registry.entries) {
      const r = await runCli(['props', ...tableArgs, option, entry.id, '--explain']);
      expect(r.stdout).toContain(`${measure}, ${entry.label}: ${entry.formula}`);
    }
  });

  it('every entry is in the fingerprint search space', () => {
    for (const entry of registry.entries) {
      const own = compute(entry.id);
      const figures = { estimate: fixed(own.estimate!), lower: fixed(own.ci.lower!), upper: fixed(own.ci.upper!) };
      const found = fingerprintBinary(table, measure, figures).matches.map((m) => m.methods.ci);
      expect(found, entry.id).toContain(entry.id);
    }
  });
});

describe('binary report analyses offer every registry entry', () => {
  it('binary-ratios method, binary-comparison rdMethod and rrMethod', () => {
    expect(enumValues(binaryRatios.options.method)).toEqual(expect.arrayContaining([...RD_INTERVALS.ids, ...RR_INTERVALS.ids, ...OR_INTERVALS.ids]));
    expect(enumValues(binaryComparison.options.rdMethod)).toEqual(RD_INTERVALS.ids);
    expect(enumValues(binaryComparison.options.rrMethod)).toEqual(RR_INTERVALS.ids);
  });
});

describe('single-proportion interval registry', () => {
  it('every entry is a choice of prop --ci-method, with its label and formula in --explain', async () => {
    const help = await runCli(['prop', '--help']);
    for (const entry of PROPORTION_INTERVALS.entries) {
      expect(help.stdout).toContain(entry.id);
      const r = await runCli(['prop', '--events', '9', '--n', '22', '--ci-method', entry.id, '--explain']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(entry.label);
      expect(r.stdout).toContain(entry.formula);
    }
  });

  it('every entry is an option of the single-proportions report analysis', () => {
    expect(enumValues(singleProportions.options.method)).toEqual(PROPORTION_INTERVALS.ids);
  });

  it('every entry is in the fingerprint search space (and fingerprint prop names it)', async () => {
    for (const entry of PROPORTION_INTERVALS.entries) {
      const own = proportionCi(9, 22, { method: entry.id });
      const figures = { estimate: fixed(own.estimate), lower: fixed(own.ci.lower), upper: fixed(own.ci.upper) };
      expect(fingerprintProportion(9, 22, figures).matches.map((m) => m.methods.ci), entry.id).toContain(entry.id);
      const cli = await runCli(['fingerprint', 'prop', '--events', '9', '--n', '22', '--reported-lower', figures.lower, '--reported-upper', figures.upper]);
      expect(cli.stdout).toContain(entry.label);
    }
  });
});
