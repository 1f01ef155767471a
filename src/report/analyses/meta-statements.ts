import { formatFixed, formatTau2 } from '../../format/number.js';
import { pCell } from './analysis.js';

/** `p < 0.001` / `p = 0.03`, for statements. */
export const pText = (p: number): string =>
  pCell(p).startsWith('<') ? `p < ${pCell(p).slice(1)}` : `p = ${pCell(p)}`;

/** `τ² = 0.313`, `τ² < 0.001`, `τ² = 0` (never an exponent). */
export const tau2Text = (tau2: number): string => {
  const t = formatTau2(tau2);
  return t.startsWith('<') ? `τ² ${t}` : `τ² = ${t}`;
};

/**
 * The statements RevMan prints under a forest plot, formatted for people: heterogeneity
 * (τ² for random effects; Cochran's Q with df and p; I² in whole percent) and the test for
 * the overall effect (z, or t(df) with Hartung–Knapp).
 * @example metaStatements({ tau2: 0.3132, Q: 152.233, Qdf: 12, Qp: 1e-26, I2: 92.22, statName: 'z', statistic: -3.974, p: 7e-5 })
 * // ['Heterogeneity: τ² = 0.313; Q = 152.23, df = 12 (p < 0.001); I² = 92%', 'Test for overall effect: z = −3.97 (p < 0.001)']
 */
export function metaStatements(r: {
  tau2: number | null;
  Q: number;
  Qdf: number;
  Qp: number;
  I2: number;
  statName: string;
  statistic: number;
  p: number;
}): [heterogeneity: string, overall: string] {
  return [
    `Heterogeneity: ${r.tau2 === null ? '' : `${tau2Text(r.tau2)}; `}Q = ${formatFixed(r.Q, 2)}, df = ${r.Qdf} (${pText(r.Qp)}); I² = ${formatFixed(r.I2, 0)}%`,
    `Test for overall effect: ${r.statName} = ${formatFixed(r.statistic, 2)} (${pText(r.p)})`,
  ];
}
