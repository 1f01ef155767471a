import { describe, expect, it } from 'vitest';
import { binaryComparison } from '../src/report/analyses/binary-comparison.js';
import { binaryRatios } from '../src/report/analyses/binary-ratios.js';
import { pooledProportions } from '../src/report/analyses/pooled-proportions.js';
import { singleProportions } from '../src/report/analyses/single-proportions.js';
import { twoArmMeta } from '../src/report/analyses/two-arm-meta.js';
import { twoProportionPower } from '../src/report/analyses/two-proportion-power.js';
import { POWER_PROP_METHODS } from '../src/stats/design/power-prop-test.js';
import type { OptionSpec } from '../src/report/options-schema.js';
import { OR_INTERVALS, oddsRatio } from '../src/stats/binary/odds-ratio.js';
import { RD_INTERVALS, riskDifference } from '../src/stats/binary/risk-difference.js';
import { RR_INTERVALS, riskRatio } from '../src/stats/binary/risk-ratio.js';
import { ON_REQUEST_TESTS, TWO_ARM_TESTS, waldZTest } from '../src/stats/binary/two-arm-tests.js';
import { fingerprintBinary } from '../src/stats/check/fingerprint-binary.js';
import { fingerprintMeta } from '../src/stats/check/fingerprint-meta.js';
import { fingerprintProportion } from '../src/stats/check/fingerprint-proportion.js';
import { computeEffectSizes } from '../src/stats/meta/compute-effect-sizes.js';
import { TAU2_ESTIMATORS } from '../src/stats/meta/estimate-tau2.js';
import { metaAnalysis } from '../src/stats/meta/meta-analysis.js';
import { PROPORTION_INTERVALS, proportionCi } from '../src/stats/proportion/proportion-ci.js';
import {
  SMD_METHODS,
  standardizedMeanDifference,
} from '../src/stats/continuous/standardized-mean-difference.js';
import { fingerprintSmd } from '../src/stats/check/fingerprint-smd.js';
import { runCli } from './support/cli.js';

/**
 * Every registry entry must reach every place that lists methods: the CLI choices, the
 * report option schemas, the fingerprint search space and the --explain text. A method added
 * to a registry and missing from one of them fails here.
 */

const enumValues = (spec: OptionSpec | undefined): readonly string[] =>
  spec && spec.type === 'enum' ? spec.values : [];
const fixed = (x: number): string => x.toFixed(4);
const table = { events1: 13, n1: 31, events2: 6, n2: 29 };
const tableArgs = ['--events1', '13', '--n1', '31', '--events2', '6', '--n2', '29'];
/** Arm 1: n 20, mean 5, SD 2; arm 2: n 22, mean 3.6, SD 2.5. */
const meansArgs = [
  '--n1',
  '20',
  '--mean1',
  '5',
  '--sd1',
  '2',
  '--n2',
  '22',
  '--mean2',
  '3.6',
  '--sd2',
  '2.5',
];

const binary = [
  {
    measure: 'RD',
    registry: RD_INTERVALS,
    option: '--rd-ci',
    compute: (id: string) => riskDifference(table, { ci: id as never }),
  },
  {
    measure: 'RR',
    registry: RR_INTERVALS,
    option: '--rr-ci',
    compute: (id: string) => riskRatio(table, { ci: id as never }),
  },
  {
    measure: 'OR',
    registry: OR_INTERVALS,
    option: '--or-ci',
    compute: (id: string) => oddsRatio(table, { ci: id as never }),
  },
] as const;

describe.each(binary)('$measure interval registry', ({ measure, registry, option, compute }) => {
  it('has ids, labels, formulas and references', () => {
    for (const entry of registry.entries) {
      expect(entry.id).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const text of [entry.label, entry.formula, entry.reference])
        expect(text.length).toBeGreaterThan(3);
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
      const figures = {
        estimate: fixed(own.estimate!),
        lower: fixed(own.ci.lower!),
        upper: fixed(own.ci.upper!),
      };
      const found = fingerprintBinary(table, measure, figures).matches.map((m) => m.methods.ci);
      expect(found, entry.id).toContain(entry.id);
    }
  });
});

describe('binary report analyses offer every registry entry', () => {
  it('binary-ratios method, binary-comparison rdMethod and rrMethod', () => {
    expect(enumValues(binaryRatios.options.method)).toEqual(
      expect.arrayContaining([...RD_INTERVALS.ids, ...RR_INTERVALS.ids, ...OR_INTERVALS.ids]),
    );
    expect(enumValues(binaryComparison.options.rdMethod)).toEqual(RD_INTERVALS.ids);
    expect(enumValues(binaryComparison.options.rrMethod)).toEqual(RR_INTERVALS.ids);
  });
});

describe('single-proportion interval registry', () => {
  it('every entry is a choice of prop --ci-method, with its label and formula in --explain', async () => {
    const help = await runCli(['prop', '--help']);
    for (const entry of PROPORTION_INTERVALS.entries) {
      expect(help.stdout).toContain(entry.id);
      const r = await runCli([
        'prop',
        '--events',
        '9',
        '--n',
        '22',
        '--ci-method',
        entry.id,
        '--explain',
      ]);
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
      const figures = {
        estimate: fixed(own.estimate),
        lower: fixed(own.ci.lower),
        upper: fixed(own.ci.upper),
      };
      expect(
        fingerprintProportion(9, 22, figures).matches.map((m) => m.methods.ci),
        entry.id,
      ).toContain(entry.id);
      const cli = await runCli([
        'fingerprint',
        'prop',
        '--events',
        '9',
        '--n',
        '22',
        '--reported-lower',
        figures.lower,
        '--reported-upper',
        figures.upper,
      ]);
      expect(cli.stdout).toContain(entry.label);
    }
  });
});

describe('τ² estimator registry', () => {
  it('every entry is a choice of meta --method and of the two-arm-meta and pooled-proportions report analyses', async () => {
    const help = await runCli(['meta', '--help']);
    for (const entry of TAU2_ESTIMATORS.entries) {
      expect(help.stdout.replace(/\s+/g, ' ')).toContain(`${entry.id} (${entry.label})`);
    }
    expect(enumValues(twoArmMeta.options.method)).toEqual(
      expect.arrayContaining([...TAU2_ESTIMATORS.ids]),
    );
    expect(enumValues(pooledProportions.options.method)).toEqual(
      expect.arrayContaining([...TAU2_ESTIMATORS.ids]),
    );
  });

  it('every entry is in the fingerprint meta search space', () => {
    const effects = {
      yi: [-0.9, -1.6, -1.4, -1.4, -0.2, -0.5, 0.0, -0.4, -1.4],
      vi: [0.33, 0.19, 0.42, 0.02, 0.05, 0.01, 0.03, 0.09, 0.27],
    };
    const input = effects.yi.map((yi, i) => ({ study: `s${i + 1}`, yi, vi: effects.vi[i] }));
    for (const entry of TAU2_ESTIMATORS.entries) {
      const own = metaAnalysis(computeEffectSizes(input, 'GEN'), { method: entry.id });
      const figures = { estimate: own.estimate.toFixed(5), tau2: own.tau2.toFixed(5) };
      const found = fingerprintMeta(input, 'GEN', figures).matches.map((m) => m.methods.method);
      expect(found, entry.id).toContain(entry.id);
    }
  });
});

describe('SMD variant registry', () => {
  it('every entry is a choice of means --smd, with its label and formula in --explain', async () => {
    const help = await runCli(['means', '--help']);
    for (const entry of SMD_METHODS.entries) {
      expect(help.stdout).toContain(entry.id);
      const r = await runCli(['means', ...meansArgs, '--smd', entry.id, '--explain']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`SMD, ${entry.label}`);
      expect(r.stdout).toContain(entry.formula);
    }
  });
});

describe('SMD variant registry: compare and fingerprint', () => {
  const arm1 = { n: 20, mean: 5, sd: 2 };
  const arm2 = { n: 22, mean: 3.6, sd: 2.5 };

  it('every entry is a choice of compare --smd, with its label and formula in --explain', async () => {
    const help = await runCli(['compare', '--help']);
    for (const entry of SMD_METHODS.entries) {
      expect(help.stdout).toContain(entry.id);
      const r = await runCli(['compare', 'miles-lam', '--smd', entry.id, '--explain']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`SMD, ${entry.label}`);
      expect(r.stdout).toContain(entry.formula);
      const json = JSON.parse(
        (await runCli(['compare', 'miles-lam', '--smd', entry.id, '--json'])).stdout,
      );
      const smd = json.comparisons.filter((c: { measure: string }) => c.measure === 'SMD');
      expect(smd.length).toBeGreaterThan(0);
      expect(smd.every((c: { smd: string }) => c.smd === entry.id)).toBe(true);
    }
    expect((await runCli(['compare', 'miles-lam', '--smd', 'no-such'])).code).toBe(2);
  });

  it('every entry is in the fingerprint means --measure SMD search space', async () => {
    for (const entry of SMD_METHODS.entries) {
      const own = standardizedMeanDifference(arm1, arm2, { variant: entry.id });
      const figures = {
        estimate: fixed(own.estimate),
        lower: fixed(own.ci.lower),
        upper: fixed(own.ci.upper),
      };
      expect(
        fingerprintSmd(arm1, arm2, figures).matches.map((m) => m.methods.variant),
        entry.id,
      ).toContain(entry.id);
      const cli = await runCli([
        'fingerprint',
        'means',
        ...meansArgs,
        '--measure',
        'SMD',
        '--reported-estimate',
        figures.estimate,
        '--reported-lower',
        figures.lower,
        '--reported-upper',
        figures.upper,
      ]);
      expect(cli.code, cli.stderr).toBe(0);
      expect(cli.stdout).toContain(entry.label);
    }
  });
});

describe('two-arm test registry', () => {
  it('every entry is in the fingerprint props search space for a printed p', () => {
    for (const entry of TWO_ARM_TESTS.entries) {
      const p = entry.run(table, 'two-sided')!;
      const found = fingerprintBinary(table, 'RD', { p: p.toFixed(5) }).matches.map(
        (m) => m.methods.test,
      );
      expect(found, entry.id).toContain(entry.id);
    }
  });

  it('every on-request entry is a choice of props --test, in --help, with its label and formula in --explain', async () => {
    const help = (await runCli(['props', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`also run ${ON_REQUEST_TESTS.map((e) => e.id).join(' | ')}`);
    for (const entry of ON_REQUEST_TESTS) {
      const r = await runCli(['props', ...tableArgs, '--test', entry.id, '--explain']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${entry.label}: ${entry.formula}`);
      const json = JSON.parse(
        (await runCli(['props', ...tableArgs, '--test', entry.id, '--json'])).stdout,
      );
      expect(json.tests[entry.onRequest.resultKey].p, entry.id).toBeCloseTo(
        entry.run(table, 'two-sided')!,
        12,
      );
    }
    const always = await runCli(['props', ...tableArgs, '--explain']);
    for (const id of ['fisher', 'chisq', 'chisq-yates'] as const)
      expect(always.stdout).toContain(
        `${TWO_ARM_TESTS.get(id).label}: ${TWO_ARM_TESTS.get(id).formula}`,
      );
    expect((await runCli(['props', ...tableArgs, '--test', 'no-such-test'])).code).toBe(2);
  });

  it('every entry is an option of the binary-comparison report analysis (test)', () => {
    expect(enumValues(binaryComparison.options.test)).toEqual(TWO_ARM_TESTS.ids);
  });

  it('the Wald z test agrees with scipy: 2·norm.sf(0.2/√(0.25/20 + 0.21/20)) = 0.1872490441233765', () => {
    expect(waldZTest({ events1: 10, n1: 20, events2: 6, n2: 20 })).toBeCloseTo(
      0.1872490441233765,
      14,
    );
  });
});

describe('two-proportion power method registry', () => {
  it('every entry is a choice of power props --method; the analytic ones are options of two-proportion-power', async () => {
    const help = (await runCli(['power', 'props', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const entry of POWER_PROP_METHODS.entries) {
      expect(help).toContain(`${entry.id} (${entry.label})`);
      const r = await runCli([
        'power',
        'props',
        '--p1',
        '0.2',
        '--p2',
        '0.5',
        '--n',
        '40',
        '--method',
        entry.id,
        '--json',
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(enumValues(twoProportionPower.options.method)).toEqual(
      POWER_PROP_METHODS.entries.filter((e) => e.analytic).map((e) => e.id),
    );
  });
});
