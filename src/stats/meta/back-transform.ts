import type { EffectSizes } from './effect-sizes.js';

export interface BackTransform {
  /** `exp`, `inverse-logit`, `inverse-double-arcsine (harmonic-mean n = …)` or `identity`. */
  name: string;
  apply: (x: number) => number;
  /** Transforms both ends and keeps lower ≤ upper. */
  interval: (lower: number, upper: number) => { lower: number; upper: number };
}

/**
 * Back-transformation from the model scale to the natural scale, as metafor's `transf`
 * functions: `exp` for RR, OR, ROM; `transf.ilogit` for PLO; `transf.ipft.hm` for PFT,
 * the Miller (1978, Am Stat 32:138) inverse of the double arcsine with the harmonic mean
 * of the study sizes:
 *   p = ½[1 − sgn(cos 2t) √(1 − (sin 2t + (sin 2t − 1/sin 2t)/n̄)²)],
 * clamped to 0 below t(0) and to 1 above t(1). Identity for MD, SMD, RD, PR, GEN.
 * @example backTransform({ measure: 'PLO', studies: [], dropped: [], warnings: [] }).apply(0) // 0.5
 */
export function backTransform(effects: Pick<EffectSizes, 'measure' | 'studies'>): BackTransform {
  const sorted = (f: (x: number) => number) => (lower: number, upper: number) => {
    const a = f(lower);
    const b = f(upper);
    return a <= b ? { lower: a, upper: b } : { lower: b, upper: a };
  };
  const make = (name: string, f: (x: number) => number): BackTransform => ({
    name,
    apply: f,
    interval: sorted(f),
  });
  switch (effects.measure) {
    case 'RR':
    case 'OR':
    case 'ROM':
    case 'HR':
    case 'IRR':
    case 'IRLN':
      return make('exp', Math.exp);
    case 'IRS':
      return make('square', (x) => (x < 0 ? 0 : x * x));
    case 'PLO':
      return make('inverse-logit', (x) => 1 / (1 + Math.exp(-x)));
    case 'PFT': {
      const ns = effects.studies.map((s) => s.ni).filter((n): n is number => n !== undefined);
      if (ns.length === 0)
        return make(
          'identity (no sample sizes for the double-arcsine back-transformation)',
          (x) => x,
        );
      const nhm = 1 / (ns.reduce((s, n) => s + 1 / n, 0) / ns.length);
      return make(`inverse-double-arcsine (harmonic-mean n = ${Number(nhm.toPrecision(6))})`, (x) =>
        inverseDoubleArcsine(x, nhm),
      );
    }
    default:
      return make('identity', (x) => x);
  }
}

function doubleArcsine(p: number, n: number): number {
  const x = p * n;
  return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
}

/**
 * Miller's inverse of the Freeman–Tukey double arcsine for sample size n (metafor transf.ipft).
 * @example inverseDoubleArcsine(0.6, 20) // 0.310010631597454
 */
export function inverseDoubleArcsine(t: number, n: number): number {
  if (t > doubleArcsine(1, n)) return 1;
  if (t < doubleArcsine(0, n)) return 0;
  const s = Math.sin(2 * t);
  const inner = 1 - (s + (s - 1 / s) / n) ** 2;
  return 0.5 * (1 - Math.sign(Math.cos(2 * t)) * Math.sqrt(inner));
}
