import { normalQuantile, normalSf } from '../dist/normal.js';

/**
 * Boundary families for group-sequential designs: α-spending functions (Lan & DeMets 1983)
 * and classical boundaries with a fixed shape (Pocock 1977, O'Brien & Fleming 1979, Wang &
 * Tsiatis 1987, Haybittle 1971 / Peto 1976). Ids follow rpact's `typeOfDesign` (as* for
 * α-spending, bs* for β-spending) so that designs carry over from R by name.
 */
export interface SpendingFunction {
  id: 'OF' | 'P' | 'HSD' | 'KD';
  label: string;
  formula: string;
  reference: string;
  /** Name of the shape parameter, when there is one. */
  parameter?: 'gamma' | 'rho';
  /** Spent at information fraction t of a total `total`: f(0) = 0, f(1) = total, increasing. */
  spend(t: number, total: number, parameter: number): number;
}

export const SPENDING_FUNCTIONS: readonly SpendingFunction[] = Object.freeze([
  {
    id: 'OF',
    label: "O'Brien–Fleming type (Lan–DeMets)",
    formula: 'f(t) = 2 − 2Φ(z_{1−α/2} / √t)',
    reference: 'Lan KKG, DeMets DL. Biometrika 1983;70:659–663',
    spend: (t, total) =>
      t >= 1 ? total : 2 * normalSf(normalQuantile(1 - total / 2) / Math.sqrt(t)),
  },
  {
    id: 'P',
    label: 'Pocock type (Lan–DeMets)',
    formula: 'f(t) = α log(1 + (e − 1)t)',
    reference: 'Lan KKG, DeMets DL. Biometrika 1983;70:659–663',
    spend: (t, total) => (t >= 1 ? total : total * Math.log1p((Math.E - 1) * t)),
  },
  {
    id: 'HSD',
    label: 'Hwang–Shih–DeCani (γ)',
    formula: 'f(t) = α (1 − e^{−γt}) / (1 − e^{−γ}), γ ≠ 0; αt for γ = 0',
    reference: 'Hwang IK, Shih WJ, DeCani JS. Stat Med 1990;9:1439–1445',
    parameter: 'gamma',
    spend: (t, total, gamma) =>
      t >= 1
        ? total
        : gamma === 0
          ? total * t
          : (total * -Math.expm1(-gamma * t)) / -Math.expm1(-gamma),
  },
  {
    id: 'KD',
    label: 'Kim–DeMets power family (ρ; Jennison & Turnbull’s ρ-family)',
    formula: 'f(t) = α t^ρ',
    reference: 'Kim K, DeMets DL. Biometrika 1987;74:149–154; Jennison & Turnbull 2000, §7.3',
    parameter: 'rho',
    spend: (t, total, rho) => (t >= 1 ? total : total * t ** rho),
  },
]);

/** Classical boundaries: c_k = C · shape(t_k) with one constant C solved for the level. */
export interface ClassicalBoundary {
  id: 'OF' | 'P' | 'WT' | 'HP';
  label: string;
  formula: string;
  reference: string;
  parameter?: 'delta';
}

export const CLASSICAL_BOUNDARIES: readonly ClassicalBoundary[] = Object.freeze([
  {
    id: 'OF',
    label: "O'Brien–Fleming",
    formula: 'c_k = C / √t_k',
    reference: "O'Brien PC, Fleming TR. Biometrics 1979;35:549–556",
  },
  {
    id: 'P',
    label: 'Pocock',
    formula: 'c_k = C',
    reference: 'Pocock SJ. Biometrika 1977;64:191–199',
  },
  {
    id: 'WT',
    label: 'Wang–Tsiatis (Δ)',
    formula: 'c_k = C · t_k^{Δ − 1/2}',
    reference: 'Wang SK, Tsiatis AA. Biometrics 1987;43:193–199',
    parameter: 'delta',
  },
  {
    id: 'HP',
    label: 'Haybittle–Peto',
    formula: 'c_k = 3 at interim looks; the final c_K keeps the overall level',
    reference:
      'Haybittle JL. Br J Radiol 1971;44:793–797; Peto R et al. Br J Cancer 1976;34:585–612',
  },
]);

/** Design types by rpact's name: asOF, asP, asHSD, asKD (α-spending), OF, P, WT, HP (classical). */
export type GroupSequentialType = 'asOF' | 'asP' | 'asHSD' | 'asKD' | 'OF' | 'P' | 'WT' | 'HP';
export const GROUP_SEQUENTIAL_TYPES: readonly GroupSequentialType[] = [
  'asOF',
  'asP',
  'asHSD',
  'asKD',
  'OF',
  'P',
  'WT',
  'HP',
];

/** β-spending types for a non-binding futility bound. */
export type BetaSpendingType = 'bsOF' | 'bsP' | 'bsHSD' | 'bsKD';
export const BETA_SPENDING_TYPES: readonly BetaSpendingType[] = ['bsOF', 'bsP', 'bsHSD', 'bsKD'];

/** The spending function behind an `as*` / `bs*` id. */
export function spendingFunction(type: string): SpendingFunction | undefined {
  const id = type.replace(/^(as|bs)/, '');
  if (id === type) return undefined;
  return SPENDING_FUNCTIONS.find((f) => f.id === id);
}
