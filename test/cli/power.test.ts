import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose } from '../support/close.js';

describe('trialstat power means', () => {
  it('solves n as R power.t.test and reports nPerArm and achieved power (JSON contract)', async () => {
    const r = await runCli([
      'power',
      'means',
      '--delta',
      '1',
      '--sd',
      '1',
      '--power',
      '0.9',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expectClose(out.n, 22.0210977, 1e-6); // R: power.t.test(delta = 1, sd = 1, power = 0.9)$n (uniroot's default tolerance)
    expect(out.nPerArm).toBe(23);
    expectClose(out.power, 0.9124982957, 1e-9); // R: power.t.test(delta = 1, n = 23)$power
  });

  it('inflates for dropout and handles the ratio', async () => {
    const out = JSON.parse(
      (
        await runCli([
          'power',
          'means',
          '--delta',
          '1',
          '--power',
          '0.9',
          '--dropout',
          '0.1',
          '--ratio',
          '2',
          '--json',
        ])
      ).stdout,
    );
    expect(out.nPerArm).toBe(Math.ceil(Math.ceil(out.n) / 0.9));
    expect(out.nPerArm2).toBe(Math.ceil((2 * Math.ceil(out.n)) / 0.9));
  });

  it('prints a readable summary', async () => {
    const r = await runCli(['power', 'means', '--delta', '1', '--n', '23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Power 0.9125 with n = 23 per arm');
  });

  it('exits 2 with a message on bad input', async () => {
    const both = await runCli(['power', 'means', '--delta', '1', '--n', '20', '--power', '0.8']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/exactly one/);
    expect((await runCli(['power', 'means', '--delta', '1', '--power', '80'])).code).toBe(2);
    expect(
      (await runCli(['power', 'means', '--delta', '1', '--power', '0.8', '--sided', '3'])).code,
    ).toBe(2);
  });
});

describe('trialstat power props', () => {
  it('normal method matches R power.prop.test', async () => {
    const out = JSON.parse(
      (await runCli(['power', 'props', '--p1', '0.5', '--p2', '0.75', '--power', '0.9', '--json']))
        .stdout,
    );
    expectClose(out.n, 76.70693011, 1e-6); // R: power.prop.test(p1 = .5, p2 = .75, power = .9)$n (uniroot's default tolerance)
    expect(out.nPerArm).toBe(77);
    expect(out.power).toBeGreaterThanOrEqual(0.9);
  });

  it('arcsine and fisher methods', async () => {
    const arcsine = JSON.parse(
      (
        await runCli([
          'power',
          'props',
          '--p1',
          '0.75',
          '--p2',
          '0.5',
          '--n',
          '20',
          '--method',
          'arcsine',
          '--json',
        ])
      ).stdout,
    );
    expect(arcsine.h).toBeCloseTo(0.5235987756, 9);
    const fisher = await runCli([
      'power',
      'props',
      '--p1',
      '0.2',
      '--p2',
      '0.5',
      '--n',
      '20',
      '--method',
      'fisher',
    ]);
    expect(fisher.code).toBe(0);
    expect(fisher.stdout).toContain('Fisher');
    expectClose(
      JSON.parse(
        (
          await runCli([
            'power',
            'props',
            '--p1',
            '0.2',
            '--p2',
            '0.5',
            '--n',
            '20',
            '--method',
            'fisher',
            '--json',
          ])
        ).stdout,
      ).power,
      0.409456898033139,
      1e-10,
    );
  });

  it('requires --p1', async () => {
    expect((await runCli(['power', 'props', '--p2', '0.5', '--n', '20'])).code).toBe(2);
  });
});

describe('trialstat power margin and binomial', () => {
  it('equivalence for proportions matches the R normal-approximation fixture', async () => {
    const out = JSON.parse(
      (
        await runCli([
          'power',
          'margin',
          '--hypothesis',
          'equivalence',
          '--p1',
          '0.8',
          '--p2',
          '0.8',
          '--margin',
          '0.1',
          '--n',
          '400',
          '--alpha',
          '0.025',
          '--json',
        ])
      ).stdout,
    );
    expectClose(out.power, 0.884875047414057, 1e-10); // test/reference/design.R marginsProps[1]
  });

  it('non-inferiority for means solves n', async () => {
    const r = await runCli([
      'power',
      'margin',
      '--hypothesis',
      'non-inferiority',
      '--delta',
      '0',
      '--sd',
      '10',
      '--margin',
      '4',
      '--power',
      '0.9',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Enrol \d+ per arm/);
    expect(
      (
        await runCli([
          'power',
          'margin',
          '--hypothesis',
          'equivalence',
          '--delta',
          '0',
          '--n',
          '20',
        ])
      ).code,
    ).toBe(2);
  });

  it('exact binomial: critical count, attained α and power as R qbinom/pbinom', async () => {
    const r = await runCli(['power', 'binomial', '--p0', '0.2', '--p1', '0.4', '--n', '10']);
    expect(r.stdout).toContain(
      'reject when responses ≥ 5; attained α 0.0328; power at p = 0.4: 0.3669',
    );
    const json = JSON.parse(
      (
        await runCli([
          'power',
          'binomial',
          '--p0',
          '0.2',
          '--p1',
          '0.4',
          '--power',
          '0.8',
          '--json',
        ])
      ).stdout,
    );
    expect(json.power).toBeGreaterThanOrEqual(0.8);
  });
});

describe('trialstat power props --method fisher: bounded search', () => {
  it('p 0.02 vs 0.04 finishes (n = 1202) and --n-max stops the search with exit 2', async () => {
    const r = await runCli([
      'power',
      'props',
      '--p1',
      '0.02',
      '--p2',
      '0.04',
      '--power',
      '0.8',
      '--method',
      'fisher',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).n).toBe(1202);
    const bounded = await runCli([
      'power',
      'props',
      '--p1',
      '0.02',
      '--p2',
      '0.04',
      '--power',
      '0.8',
      '--method',
      'fisher',
      '--n-max',
      '1000',
    ]);
    expect(bounded.code).toBe(2);
    expect(bounded.stderr).toContain('not reached within n ≤ 1000');
    expect(
      (
        await runCli([
          'power',
          'props',
          '--p1',
          '0.2',
          '--p2',
          '0.4',
          '--power',
          '0.8',
          '--n-max',
          '100',
        ])
      ).code,
    ).toBe(2);
  });
});
