import { InputError } from '../../errors.js';
import { parseReported, reportedInterval, type ReportedValue } from '../check/reported-value.js';
import { freeze } from '../types.js';

/** One event time of a witness: the number at risk and the events there. */
export interface KmStepWitness {
  atRisk: number;
  events: number;
}

export interface KmReachableValue {
  /** S = Π (1 − dⱼ/nⱼ). */
  survival: number;
  /** Event times that give it (censorings fall between them), the fewest events first. */
  witness: KmStepWitness[];
  /** Reachable without any censoring (S = k/n). */
  withoutCensoring: boolean;
}

export interface KmPercentResult {
  n: number;
  reported: ReportedValue;
  /** Percentages within the printed rounding that a KM estimate on n patients can take. */
  consistent: KmReachableValue[];
  /** The nearest reachable values below and above the printed interval. */
  below?: KmReachableValue;
  above?: KmReachableValue;
  /** Whether some KM estimate on n patients rounds to the printed value (with censoring allowed). */
  possible: boolean;
  /** The same when no patient is censored before the time (S = k/n). */
  possibleWithoutCensoring: boolean;
}

const MAX_N = 20;
const key = (x: number): string => x.toPrecision(12);

/**
 * Every value a Kaplan–Meier estimate can take with n patients at the start: the products
 * Π (1 − dⱼ/nⱼ) over event times, where the number at risk nⱼ ≤ nⱼ₋₁ − dⱼ₋₁ (censorings may
 * remove patients between event times) and dⱼ ≥ 1. Enumerated exactly (n ≤ 20: the number of values grows exponentially), each value
 * with one witness (risk sets and events). Sorted by survival.
 * @example kmReachable(3).map((v) => v.survival) // [0, 0.3333…, 0.5, 0.6667…, 1]
 */
export function kmReachable(n: number): KmReachableValue[] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_N)
    throw new InputError('n', n, `a whole number from 1 to ${MAX_N}`);
  const found = new Map<string, KmReachableValue>();
  // Breadth-first over (patients left, value): each state keeps the first (shortest) witness.
  let frontier = new Map<string, { left: number; value: number; witness: KmStepWitness[] }>();
  frontier.set(`${n}|1`, { left: n, value: 1, witness: [] });
  found.set(key(1), { survival: 1, witness: [], withoutCensoring: true });
  const seen = new Set<string>(frontier.keys());
  while (frontier.size > 0) {
    const next = new Map<string, { left: number; value: number; witness: KmStepWitness[] }>();
    for (const { left, value, witness } of frontier.values()) {
      for (let atRisk = 1; atRisk <= left; atRisk++) {
        for (let d = 1; d <= atRisk; d++) {
          const v = value * (1 - d / atRisk);
          const w = [...witness, { atRisk, events: d }];
          const k = key(v);
          if (!found.has(k)) found.set(k, { survival: v, witness: w, withoutCensoring: false });
          const state = `${atRisk - d}|${k}`;
          if (v > 0 && atRisk - d > 0 && !seen.has(state)) {
            seen.add(state);
            next.set(state, { left: atRisk - d, value: v, witness: w });
          }
        }
      }
    }
    frontier = next;
  }
  for (let k = 0; k <= n; k++) {
    const entry = found.get(key(k / n));
    if (entry) entry.withoutCensoring = true;
  }
  return [...found.values()].sort((a, b) => a.survival - b.survival);
}

/**
 * Whether a printed Kaplan–Meier percentage is reachable with n patients: the KM values
 * (kmReachable) that round to it, and the nearest ones either side. Without censoring only
 * k/n is possible; with censoring, products of (1 − d/nⱼ) over smaller risk sets.
 * @example kmPercent('77', 7).possible // false
 */
export function kmPercent(percent: string | number, n: number): KmPercentResult {
  const reported = parseReported(percent);
  if (reported.relation !== '=')
    throw new InputError('percent', percent, 'an exact printed percentage');
  if (!(reported.value >= 0 && reported.value <= 100))
    throw new InputError('percent', percent, 'a percentage in [0, 100]');
  const interval = reportedInterval(reported, 0, 100);
  const values = kmReachable(n);
  const inside = (v: KmReachableValue): boolean =>
    100 * v.survival >= interval.lower - 1e-9 && 100 * v.survival <= interval.upper + 1e-9;
  const consistent = values.filter(inside);
  const below = [...values].reverse().find((v) => 100 * v.survival < interval.lower - 1e-9);
  const above = values.find((v) => 100 * v.survival > interval.upper + 1e-9);
  return freeze({
    n,
    reported,
    consistent,
    ...(below ? { below } : {}),
    ...(above ? { above } : {}),
    possible: consistent.length > 0,
    possibleWithoutCensoring: consistent.some((v) => v.withoutCensoring),
  });
}
