import { InputError } from '../../errors.js';
import { betaSf } from '../dist/index.js';
import { freeze } from '../types.js';
import { type DoseDecisionTable, decisionTable } from './dose-decision-table.js';
import type { IntervalRule } from './interval-design-oc.js';

export interface BoinOptions {
  /** Highest toxicity rate deemed sub-therapeutic (default 0.6 × target). */
  phi1?: number;
  /** Lowest toxicity rate deemed overly toxic (default 1.4 × target). */
  phi2?: number;
  /** Largest number of patients at one dose in the decision table (default 18). */
  maxN?: number;
  /** Posterior probability P(p > target | data) above which a dose is eliminated (default 0.95; beta(1, 1) prior, n ≥ 3). */
  eliminationCutoff?: number;
}

export interface BoinRow {
  n: number;
  /** Escalate when y ≤ escalateMax (−1: never). */
  escalateMax: number;
  /** De-escalate when y ≥ deescalateMin (n + 1: never). */
  deescalateMin: number;
  /** Eliminate the dose and all higher ones when y ≥ eliminateMin (n + 1: never; only n ≥ 3). */
  eliminateMin: number;
}

export interface BoinBoundaries {
  target: number;
  phi1: number;
  phi2: number;
  lambdaE: number;
  lambdaD: number;
  eliminationCutoff: number;
  table: BoinRow[];
}

/**
 * The BOIN design's boundaries (Liu S, Yuan Y. Bayesian optimal interval designs for phase I
 * clinical trials. J R Stat Soc C 2015;64:507–523): with target φ and the sub-therapeutic and
 * overly toxic rates φ1 < φ < φ2, escalate while the observed rate p̂ = y/n ≤ λe, de-escalate
 * when p̂ ≥ λd, where
 *   λe = log((1 − φ1)/(1 − φ)) / log(φ(1 − φ1) / (φ1(1 − φ))),
 *   λd = log((1 − φ)/(1 − φ2)) / log(φ2(1 − φ) / (φ(1 − φ2))),
 * the points where the binomial likelihoods of φ1 and φ (λe), φ and φ2 (λd) are equal, which
 * minimise the probability of a wrong decision with equal prior weights. Per n: escalate if
 * y ≤ ⌊nλe⌋, de-escalate if y ≥ ⌊nλd⌋ + 1 (as the BOIN package's get.boundary); eliminate the dose
 * (and higher ones) if n ≥ 3 and P(p > φ | y, n) > 0.95 under a beta(1, 1) prior.
 * @example boinBoundaries(0.3) // { lambdaE: 0.2365, lambdaD: 0.3585, … } (Liu & Yuan 2015, Table 1)
 */
export function boinBoundaries(target: number, options: BoinOptions = {}): BoinBoundaries {
  if (!(target > 0 && target < 1))
    throw new InputError('target', target, 'a target toxicity rate in (0, 1)');
  const phi1 = options.phi1 ?? 0.6 * target;
  const phi2 = options.phi2 ?? 1.4 * target;
  const { maxN = 18, eliminationCutoff = 0.95 } = options;
  if (!(phi1 > 0 && phi1 < target))
    throw new InputError('phi1', phi1, `a rate in (0, target = ${target})`);
  if (!(phi2 > target && phi2 < 1))
    throw new InputError('phi2', phi2, `a rate in (target = ${target}, 1)`);
  if (!(Number.isInteger(maxN) && maxN >= 1 && maxN <= 1000))
    throw new InputError('maxN', maxN, 'a whole number in [1, 1000]');
  if (!(eliminationCutoff > 0.5 && eliminationCutoff < 1))
    throw new InputError('eliminationCutoff', eliminationCutoff, 'a probability in (0.5, 1)');
  const lambdaE =
    Math.log((1 - phi1) / (1 - target)) / Math.log((target * (1 - phi1)) / (phi1 * (1 - target)));
  const lambdaD =
    Math.log((1 - target) / (1 - phi2)) / Math.log((phi2 * (1 - target)) / (target * (1 - phi2)));
  const table: BoinRow[] = [];
  for (let n = 1; n <= maxN; n += 1) {
    let eliminateMin = n + 1;
    if (n >= 3) {
      for (let y = 0; y <= n; y += 1) {
        if (betaSf(target, y + 1, n - y + 1) > eliminationCutoff) {
          eliminateMin = y;
          break;
        }
      }
    }
    table.push({
      n,
      escalateMax: Math.floor(n * lambdaE),
      deescalateMin: Math.floor(n * lambdaD) + 1,
      eliminateMin,
    });
  }
  return freeze({ target, phi1, phi2, lambdaE, lambdaD, eliminationCutoff, table });
}

/** The BOIN decision table as an {@link IntervalRule} for {@link intervalDesignOc}. */
export function boinRule(b: BoinBoundaries): IntervalRule {
  return {
    name: `BOIN (target ${b.target})`,
    maxN: b.table.length,
    decide: (n, y) => {
      const row = b.table[n - 1];
      if (!row)
        throw new InputError(
          'n',
          n,
          `a number of patients ≤ ${b.table.length} (the decision table's maxN)`,
        );
      const eliminate = y >= row.eliminateMin;
      return { move: y <= row.escalateMax ? 1 : y >= row.deescalateMin ? -1 : 0, eliminate };
    },
  };
}

/** The BOIN boundaries as an E/S/D/DU decision table (DU: the elimination rule). */
export function boinDecisionTable(b: BoinBoundaries): DoseDecisionTable {
  return decisionTable(`BOIN (target ${b.target})`, b.target, b.table.length, (n, y) => {
    const row = b.table[n - 1];
    if (y >= row.eliminateMin) return 'DU';
    return y <= row.escalateMax ? 'E' : y >= row.deescalateMin ? 'D' : 'S';
  });
}
