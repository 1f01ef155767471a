import { describe, expect, it } from 'vitest';
import { fmin } from '../../../src/stats/numeric/fmin.js';

// R 4.2 `optimize(f, c(a, b), tol = 1e-10)$minimum` for each case (printed with %.17g): the same
// algorithm, so the same iterates — agreement to 1e-11 (the last bits of log differ between R and V8) checks the port step for step.
describe("fmin (Brent's minimiser) reproduces R's optimize", () => {
  const cases: [string, (t: number) => number, number, number, number][] = [
    ['(t − 1/3)² on [0, 1]', (t) => (t - 1 / 3) ** 2, 0, 1, 0.33333333333333331],
    ['t·log t on [1e−12, 1] (1/e)', (t) => t * Math.log(t), 1e-12, 1, 0.36787944619229501],
    ['t on [2, 3]: stops within its tolerance of the bound', (t) => t, 2, 3, 2.0000000484654885],
  ];
  for (const [name, f, a, b, r] of cases) {
    it(name, () => {
      expect(Math.abs(fmin(f, a, b, 1e-10).x - r)).toBeLessThan(1e-11);
    });
  }
});
