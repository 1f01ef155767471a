/** The smallest 1-2-5 value ≥ x (x > 0). */
function step125(x: number): number {
  const exponent = Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) {
    const v = Number((m * 10 ** exponent).toPrecision(2));
    if (v >= x * (1 - 1e-12)) return v;
  }
  return 10 ** (exponent + 1);
}

export interface ForestAxisOptions {
  scale: 'log' | 'linear';
  /** Value of no effect (1 on a log axis, 0 on a linear one); `null` for none (proportions). */
  reference: number | null;
  /** Log axes are cut at [ref/limit, ref·limit]. Default 100. */
  logLimit?: number;
}

/**
 * Domain of a forest plot's effect axis, chosen so that the null line is the centre and the
 * two "favours" halves are equally wide (RevMan draws its axis the same way):
 *   log:    [ref/d, ref·d], d the 1-2-5 value ≥ max(1.5, maxᵢ max(xᵢ/ref, ref/xᵢ)), d ≤ limit
 *   linear: ref ± 1.08·maxᵢ |xᵢ − ref|
 *   no reference: [min − 5 %, max + 5 %]
 * Values beyond a log limit are drawn as arrows at the axis end.
 * @example forestAxis([0.13, 1.26, 6.53], { scale: 'log', reference: 1 }) // [0.1, 10]
 * @example forestAxis([2.5, 66.3], { scale: 'linear', reference: 0 }) // [-71.604, 71.604]
 */
export function forestAxis(
  values: readonly number[],
  options: ForestAxisOptions,
): [number, number] {
  const { scale, reference, logLimit = 100 } = options;
  const finite = values.filter((v) => Number.isFinite(v) && (scale === 'linear' || v > 0));
  if (scale === 'log') {
    const centre = reference ?? 1;
    const reach = Math.max(1.5, ...finite.map((v) => Math.max(v / centre, centre / v)));
    const d = Math.min(step125(reach), logLimit);
    return [centre / d, centre * d];
  }
  if (reference === null) {
    if (finite.length === 0) return [0, 1];
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const pad = (hi - lo || 1) * 0.05;
    return [lo - pad, hi + pad];
  }
  const reach = Math.max(...finite.map((v) => Math.abs(v - reference)), 1e-9) * 1.08;
  return [reference - reach, reference + reach];
}
