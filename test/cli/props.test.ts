import { describe, expect, it } from 'vitest';
import { riskRatio } from '../../src/stats/binary/risk-ratio.js';
import { runCli } from '../support/cli.js';

const base = ['props', '--events1', '10', '--n1', '20', '--events2', '6', '--n2', '20'];

describe('trialstat props', () => {
  it('prints paper-style lines', async () => {
    const r = await runCli(base);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('RR 1.67 (95% CI 0.75 to 3.71) [katz-log]');
    expect(r.stdout).toContain('RD 0.200 (95% CI −0.097 to 0.453) [newcombe-hybrid-score]');
    expect(r.stdout).toContain('OR 2.33 (95% CI 0.64 to 8.54) [woolf-log]');
    expect(r.stdout).toContain('NNTH 5.0 (95% CI NNTB 10.3 to ∞ to NNTH 2.2)');
    expect(r.stdout).toContain('Fisher exact p = 0.33');
  });

  it('--json follows the contract: rd/rr/or {estimate, ci{lower, upper, level, method}}, tests, nnt', async () => {
    const r = await runCli([
      ...base,
      '--json',
      '--rr-ci',
      'koopman',
      '--or-ci',
      'exact',
      '--rd-ci',
      'mn',
      '--level',
      '0.9',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    for (const key of ['rd', 'rr', 'or'] as const) {
      expect(Object.keys(json[key])).toEqual(expect.arrayContaining(['estimate', 'ci']));
      expect(Object.keys(json[key].ci)).toEqual(['lower', 'upper', 'level', 'method']);
      expect(json[key].ci.level).toBe(0.9);
    }
    expect(json.rr.ci.method).toBe('koopman-score');
    expect(json.or.ci.method).toBe('conditional-exact');
    expect(json.rd.ci.method).toBe('miettinen-nurminen');
    const direct = riskRatio(
      { events1: 10, n1: 20, events2: 6, n2: 20 },
      { ci: 'koopman', level: 0.9 },
    );
    expect(json.rr.ci.lower).toBe(direct.ci.lower);
    expect(typeof json.tests.fisher.p).toBe('number');
    expect(Object.keys(json.tests.chisq)).toEqual(expect.arrayContaining(['statistic', 'p']));
    expect(Object.keys(json.tests.chisqYates)).toEqual(expect.arrayContaining(['statistic', 'p']));
    expect(json.tests.barnard).toBeUndefined();
    expect(json.nnt.kind).toBe('NNTH');
  });

  it('--test adds barnard, boschloo and midp entries under tests', async () => {
    const r = await runCli([...base, '--json', '--test', 'barnard,boschloo', '--test', 'midp']);
    const json = JSON.parse(r.stdout);
    for (const name of ['barnard', 'boschloo', 'midp'])
      expect(typeof json.tests[name].p).toBe('number');
    expect(json.tests.barnard.method).toMatch(/grid/);
  });

  it('--alternative gives one-sided intervals (open end at the bound) and one-sided Fisher / Barnard p', async () => {
    const args = [
      'props',
      '--events1',
      '7',
      '--n1',
      '12',
      '--events2',
      '1',
      '--n2',
      '10',
      '--rr-ci',
      'koopman',
      '--test',
      'barnard',
    ];
    const json = JSON.parse((await runCli([...args, '--alternative', 'greater', '--json'])).stdout);
    expect(json.alternative).toBe('greater');
    expect(json.rr.ci.upper).toBe('Infinity');
    expect(json.rd.ci.upper).toBe(1);
    expect(json.rr.ci.lower).toBeCloseTo(
      riskRatio({ events1: 7, n1: 12, events2: 1, n2: 10 }, { ci: 'koopman', level: 0.9 }).ci
        .lower!,
      12,
    );
    const two = JSON.parse((await runCli([...args, '--json'])).stdout);
    expect(two.alternative).toBe('two-sided');
    expect(json.tests.fisher.p).toBeLessThan(two.tests.fisher.p);
    expect(json.tests.barnard.alternative).toBe('greater');
    const human = await runCli([...args, '--alternative', 'less']);
    expect(human.stdout).toContain('RR 5.83 (95% one-sided CI 0.00 to ');
    expect(human.stdout).toContain('Fisher exact (one-sided, less) p = ');
    expect((await runCli([...args, '--alternative', 'upper'])).code).toBe(2);
  });

  it('--attributable adds AF, PAR and PAF lines and JSON attributable (epiR cohort.count)', async () => {
    const args = [
      'props',
      '--events1',
      '30',
      '--n1',
      '204',
      '--events2',
      '21',
      '--n2',
      '205',
      '--attributable',
    ];
    const human = await runCli(args);
    expect(human.stdout).toContain(
      'Population attributable fraction 0.178 (95% CI −0.118 to 0.396) [jewell-log]',
    );
    const json = JSON.parse((await runCli([...args, '--json'])).stdout);
    expect(json.attributable.afExposed.estimate).toBeCloseTo(0.3034146, 6);
    expect(json.attributable.par.ci.method).toBe('pirikahu');
    expect(
      JSON.parse((await runCli(args.slice(0, -1).concat('--json'))).stdout).attributable,
    ).toBeUndefined();
  });

  it('--test barnard-unpooled adds tests.barnardUnpooled (scipy pooled=False)', async () => {
    const r = await runCli([
      'props',
      '--events1',
      '7',
      '--n1',
      '12',
      '--events2',
      '1',
      '--n2',
      '10',
      '--json',
      '--test',
      'barnard-unpooled',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.tests.barnard).toBeUndefined();
    expect(json.tests.barnardUnpooled.name).toBe('Barnard exact (unpooled Wald)');
    const human = await runCli([
      'props',
      '--events1',
      '7',
      '--n1',
      '12',
      '--events2',
      '1',
      '--n2',
      '10',
      '--test',
      'barnard-unpooled',
    ]);
    expect(human.stdout).toMatch(/Barnard exact \(unpooled Wald\) p = /);
  });

  it('zero margin: chisq entries are null; non-estimable ratios are null, infinite limits are "Infinity"', async () => {
    const none = JSON.parse(
      (
        await runCli([
          'props',
          '--events1',
          '0',
          '--n1',
          '10',
          '--events2',
          '0',
          '--n2',
          '20',
          '--json',
          '--rr-ci',
          'koopman',
        ])
      ).stdout,
    );
    expect(none.tests.chisq).toBeNull();
    expect(none.tests.chisqYates).toBeNull();
    expect(none.rr.estimable).toBe(false);
    expect(none.rr.estimate).toBeNull();
    expect(none.rr.warnings.length).toBeGreaterThan(0);
    const inf = JSON.parse(
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
          '--json',
          '--rr-ci',
          'koopman',
        ])
      ).stdout,
    );
    expect(inf.rr.ci.upper).toBe('Infinity');
    const corrected = JSON.parse(
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
          '--json',
        ])
      ).stdout,
    );
    expect(corrected.rr.correction).toBe(0.5);
    expect(corrected.rr.warnings.join(' ')).toMatch(/0.5 was added/);
  });

  it('--correction none and a custom correction', async () => {
    const json = JSON.parse(
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
          '--json',
          '--correction',
          'none',
        ])
      ).stdout,
    );
    expect(json.rr.estimable).toBe(false);
    const quarter = JSON.parse(
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
          '--json',
          '--correction',
          '0.25',
        ])
      ).stdout,
    );
    expect(quarter.or.correction).toBe(0.25);
  });

  it('--explain shows the formulas', async () => {
    const r = await runCli([...base, '--explain']);
    expect(r.stdout).toContain('How it was computed');
    expect(r.stdout).toContain('SE (log scale) = 0.408248');
  });

  it.each([
    [['props', '--events1', '7', '--n1', '5', '--events2', '1', '--n2', '5'], /--events1.*7/],
    [['props', '--events1', '1', '--n1', '5', '--events2', '9', '--n2', '5'], /--events2.*9/],
    [['props', '--events1', '-1', '--n1', '5', '--events2', '1', '--n2', '5'], /--events1.*-1/],
    [
      ['props', '--events1', '1', '--n1', '5', '--events2', '1', '--n2', '5', '--level', '95'],
      /--level.*95/,
    ],
    [
      ['props', '--events1', '1', '--n1', '5', '--events2', '1', '--n2', '5', '--level', '1'],
      /--level.*'1'/,
    ],
    [['props', '--events1', '1', '--n1', '0', '--events2', '1', '--n2', '5'], /--n1.*0/],
    [
      ['props', '--events1', '1', '--n1', '5', '--events2', '1', '--n2', '5', '--test', 'wald'],
      /--test.*wald/,
    ],
  ])('bad input exits 2 naming the option and value: %j', async (argv, pattern) => {
    const r = await runCli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
