import { describe, expect, it } from 'vitest';
import { integrate } from '../../../src/stats/numeric/integrate.js';
import { expectClose } from '../../support/close.js';

describe('adaptive Gauss–Kronrod (QK15) against closed-form integrals', () => {
  it('∫₀¹ e^−x = 1 − e⁻¹, ∫₀¹ √x = 2/3 (end-point singularity of the derivative)', () => {
    expectClose(integrate((x) => Math.exp(-x), 0, 1).value, 1 - Math.exp(-1), 1e-15);
    expectClose(integrate(Math.sqrt, 0, 1).value, 2 / 3, 1e-13);
  });
  it('∫₀¹⁰⁰⁰ 1/(1 + x²) = atan 1000; ∫₀^π sin = 2', () => {
    expectClose(integrate((x) => 1 / (1 + x * x), 0, 1000).value, Math.atan(1000), 1e-13);
    expectClose(integrate(Math.sin, 0, Math.PI).value, 2, 1e-14);
  });
  it('an empty or reversed interval integrates to 0', () => {
    expect(integrate(Math.exp, 1, 1).value).toBe(0);
  });
});
