import { InputError } from '../../errors.js';
import { normalQuantile, normalSf } from '../dist/index.js';
import { freeze } from '../types.js';
import type { EffectSizes } from './effect-sizes.js';

export type FailSafeType = 'Rosenthal' | 'Orwin' | 'Rosenberg';
export const FAIL_SAFE_TYPES: readonly FailSafeType[] = ['Rosenthal', 'Orwin', 'Rosenberg'];

export interface FailSafeNResult {
  type: FailSafeType;
  /** Number of unpublished null studies that would bring the result to the threshold (rounded up). */
  fsn: number;
  /** Significance level (Rosenthal, Rosenberg); null for Orwin. */
  alpha: number | null;
  /** p-value of the combined test (Rosenthal: Stouffer one-sided; Rosenberg: two-sided z of the common effect); null for Orwin. */
  p: number | null;
  /** Mean effect (Orwin: unweighted or inverse-variance weighted; Rosenberg: common effect); null for Rosenthal. */
  meanEffect: number | null;
  /** Orwin: the target effect (default half the mean effect, with its sign). */
  target: number | null;
  k: number;
  warnings: string[];
}

/**
 * Fail-safe N, as metafor `fsn`:
 * - Rosenthal (1979, Psychol Bull 86:638): N = max(0, k (z̄/z_α)² − k) with z̄ = |Σ zᵢ|/√k,
 *   zᵢ = yᵢ/√vᵢ, z_α the one-sided 1 − α normal quantile (Stouffer's method);
 * - Orwin (1983, J Educ Stat 8:157): N = max(0, k (ȳ − target)/target), ȳ the mean effect
 *   (unweighted, or weighted by 1/vᵢ with `weighted`), target default ȳ/2;
 * - Rosenberg (2005, Evolution 59:464): N = max(0, k [(Σwᵢyᵢ/z_{α/2})² − Σwᵢ]/Σwᵢ), wᵢ = 1/vᵢ.
 * N is rounded up unless within √ε of a whole number (as metafor).
 * @example failSafeN(bcgRR, { type: 'Rosenthal' }).fsn // 598 (dat.bcg)
 */
export function failSafeN(
  effects: EffectSizes,
  options: { type?: FailSafeType; alpha?: number; target?: number; weighted?: boolean } = {},
): FailSafeNResult {
  const { type = 'Rosenthal', alpha = 0.05, weighted = false } = options;
  if (!FAIL_SAFE_TYPES.includes(type))
    throw new InputError('type', type, FAIL_SAFE_TYPES.join(', '));
  if (!(alpha > 0 && alpha < 1)) throw new InputError('alpha', alpha, 'a level in (0, 1)');
  const k = effects.studies.length;
  if (k < 1) throw new InputError('studies', k, 'at least one study');
  const yi = effects.studies.map((s) => s.yi);
  const vi = effects.studies.map((s) => s.vi);
  const warnings = [...effects.warnings];
  const finish = (n: number) =>
    Number.isFinite(n) && Math.abs(n - Math.round(n)) >= Math.sqrt(2.220446049250313e-16)
      ? Math.ceil(n)
      : Math.round(n);
  if (type === 'Rosenthal') {
    const zbar = Math.abs(yi.reduce((s, y, i) => s + y / Math.sqrt(vi[i]), 0) / Math.sqrt(k));
    const n = Math.max(0, k * (zbar / normalQuantile(1 - alpha)) ** 2 - k);
    warnings.push(
      'Rosenthal’s fail-safe N assumes the unpublished studies average a null effect and ignores heterogeneity; the Cochrane Handbook (§13.3.5.6) advises against relying on it',
    );
    return freeze({
      type,
      fsn: finish(n),
      alpha,
      p: normalSf(zbar),
      meanEffect: null,
      target: null,
      k,
      warnings,
    });
  }
  if (type === 'Rosenberg') {
    const w = vi.map((v) => 1 / v);
    const sumW = w.reduce((a, b) => a + b, 0);
    const sumWY = yi.reduce((s, y, i) => s + w[i] * y, 0);
    const mean = sumWY / sumW;
    const z = mean / Math.sqrt(1 / sumW);
    const wp = (sumWY / normalQuantile(1 - alpha / 2)) ** 2 - sumW;
    return freeze({
      type,
      fsn: finish(Math.max(0, (k * wp) / sumW)),
      alpha,
      p: 2 * normalSf(Math.abs(z)),
      meanEffect: mean,
      target: null,
      k,
      warnings,
    });
  }
  const w = weighted ? vi.map((v) => 1 / v) : vi.map(() => 1);
  const mean = yi.reduce((s, y, i) => s + w[i] * y, 0) / w.reduce((a, b) => a + b, 0);
  let target = options.target ?? mean / 2;
  let n: number;
  if (target === 0) n = Infinity;
  else {
    if (Math.sign(target) !== Math.sign(mean)) target = -target;
    n = Math.max(0, (k * (mean - target)) / target);
  }
  return freeze({
    type,
    fsn: finish(n),
    alpha: null,
    p: null,
    meanEffect: mean,
    target,
    k,
    warnings,
  });
}
