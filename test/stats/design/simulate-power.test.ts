import { describe, expect, it } from 'vitest';
import { simulatePower } from '../../../src/stats/design/simulate-power.js';
import { fisherExactPower } from '../../../src/stats/design/fisher-exact-power.js';
import { simulatePowerParallel } from '../../../src/parallel/simulate-power-parallel.js';
import { InputError } from '../../../src/errors.js';

const within4 = (sim: { power: number; mcse: number }, exact: number) => {
  expect(Math.abs(sim.power - exact), `simulated ${sim.power} vs exact ${exact}`).toBeLessThan(
    4 * Math.max(sim.mcse, 1e-4),
  );
};

describe('simulatePower', () => {
  it('student: agrees with the noncentral-t power within 4 Monte Carlo SE', () => {
    const sim = simulatePower(
      { test: 'student', n1: 20, mean1: 1, mean2: 0 },
      { reps: 200_000, seed: 11 },
    );
    within4(sim, 0.868952801692); // R: power.t.test(n = 20, delta = 1)$power
    const oneSided = simulatePower(
      { test: 'student', n1: 12, n2: 24, mean1: 0.6, sd1: 1.2, sided: 1 },
      { reps: 100_000, seed: 12 },
    );
    within4(oneSided, 0.397886295636); // R: pwr.t2n.test(n1 = 12, n2 = 24, d = 0.5, alternative = 'greater')$power
  });

  it('welch: holds its level with unequal variances and n; near Student power with equal ones', () => {
    const level = simulatePower(
      { test: 'welch', n1: 8, n2: 30, sd1: 3, sd2: 1 },
      { reps: 100_000, seed: 13 },
    );
    within4(level, 0.05);
    const power = simulatePower({ test: 'welch', n1: 25, mean1: 0.8 }, { reps: 100_000, seed: 14 });
    expect(Math.abs(power.power - 0.791450186723)).toBeLessThan(0.01); // R: power.t.test(n = 25, delta = 0.8)$power
  });

  it('fisher and chisq: agree with exact enumeration within 4 Monte Carlo SE', () => {
    const sim = simulatePower(
      { test: 'fisher', n1: 20, p1: 0.2, p2: 0.5 },
      { reps: 100_000, seed: 15 },
    );
    within4(sim, fisherExactPower({ n1: 20, n2: 20, p1: 0.2, p2: 0.5 }));
    const chisq = simulatePower(
      { test: 'chisq', n1: 10, p1: 0.1, p2: 0.6 },
      { reps: 100_000, seed: 16 },
    );
    within4(chisq, 0.473961076662176); // R: enumeration with chisq.test (fixture chisqPower[0])
  });

  it('is reproducible and reports the seed', () => {
    const a = simulatePower({ test: 'welch', n1: 10, mean1: 1 }, { reps: 60_000, seed: 99 });
    const b = simulatePower({ test: 'welch', n1: 10, mean1: 1 }, { reps: 60_000, seed: 99 });
    expect(a).toEqual(b);
    expect(a.seed).toBe(99);
    expect(a.chunks).toBe(2);
  });

  it('rejects bad designs', () => {
    expect(() => simulatePower({ test: 'student', n1: 1 }, { reps: 10, seed: 1 })).toThrow(
      InputError,
    );
    expect(() => simulatePower({ test: 'fisher', n1: 10, p1: 0.2 }, { reps: 10, seed: 1 })).toThrow(
      InputError,
    );
    expect(() =>
      simulatePower({ test: 'chisq', n1: 10, p1: 0.2, p2: 0.3, sided: 1 }, { reps: 10, seed: 1 }),
    ).toThrow(InputError);
    expect(() => simulatePower({ test: 'student', n1: 5 }, { reps: 0, seed: 1 })).toThrow(
      InputError,
    );
    expect(() => simulatePower({ test: 'student', n1: 5 }, { reps: 10, seed: -3 })).toThrow(
      InputError,
    );
  });
});

describe('simulatePowerParallel (worker threads)', () => {
  it('gives identical results with 1 and 2 workers and equals the single-threaded run', async () => {
    const design = { test: 'welch' as const, n1: 15, n2: 20, mean1: 0.7, sd1: 1.3 };
    const one = await simulatePowerParallel(design, { reps: 120_001, seed: 2026, workers: 1 });
    const two = await simulatePowerParallel(design, { reps: 120_001, seed: 2026, workers: 2 });
    expect(two).toEqual(one);
    expect(simulatePower(design, { reps: 120_001, seed: 2026 })).toEqual(one);
  });

  it('cancels cleanly through an AbortSignal', async () => {
    const controller = new AbortController();
    const run = simulatePowerParallel(
      { test: 'student', n1: 10 },
      {
        reps: 50_000_000,
        seed: 1,
        workers: 2,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    await expect(run).rejects.toThrow('cancelled');
  });
});
