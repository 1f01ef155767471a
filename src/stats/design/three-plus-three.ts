import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { createRng } from './create-rng.js';

export type ThreePlusThreeVariant = 'classic' | 'deescalate';

export interface ThreePlusThreeOptions {
  /**
   * `classic` (default): stopping at a dose declares the dose below the MTD whatever its
   * number of patients. `deescalate`: the declared MTD must have 6 patients; when stopping, if
   * the dose below has only 3, treat 3 more there and apply the rules again (≤ 1/6 → MTD,
   * ≥ 2/6 → de-escalate once more).
   */
  variant?: ThreePlusThreeVariant;
}

export interface ThreePlusThreeResult {
  variant: ThreePlusThreeVariant;
  dlt: number[];
  /** P(no dose declared MTD: the lowest dose was too toxic). */
  pNone: number;
  /** P(dose i declared MTD), by dose. */
  pSelect: number[];
  /** Expected number of patients treated. */
  expectedN: number;
  /** Expected number of dose-limiting toxicities. */
  expectedDLT: number;
  /** Expected number of patients treated at each dose. */
  expectedNPerDose: number[];
  method: 'exact enumeration' | 'simulation';
  warnings: string[];
}

function checkDlt(dlt: readonly number[]): void {
  if (!Array.isArray(dlt) || dlt.length === 0)
    throw new InputError('dlt', dlt, 'at least one DLT probability');
  for (const q of dlt)
    if (!(q >= 0 && q <= 1)) throw new InputError('dlt', q, 'probabilities in [0, 1]');
}

function binom3(q: number): number[] {
  const r = 1 - q;
  return [r * r * r, 3 * q * r * r, 3 * q * q * r, q * q * q];
}

/**
 * Exact operating characteristics of the 3+3 dose-escalation design by enumerating every
 * cohort outcome. Rules (Storer 1989, Biometrics 45:925-937, design "A"; Le Tourneau et al.
 * 2009, JNCI 101:708-720): cohorts of 3 at the current dose; 0/3 DLT → escalate; 1/3 → 3 more,
 * and ≤ 1/6 → escalate; ≥ 2 DLTs (of 3 or 6) → stop and declare the dose below the MTD (none
 * if it was the lowest dose). If every dose is cleared, the top dose is declared. The
 * `deescalate` variant requires 6 patients at the declared MTD (see options).
 * Probabilities sum to 1; expectations are exact.
 *
 * @example
 * threePlusThree([0.05, 0.1, 0.2])
 * // { pNone: 0.02656, pSelect: [0.09136, 0.25703, 0.62505], expectedN: 10.698, expectedDLT: 1.2658, … }
 */
export function threePlusThree(
  dlt: readonly number[],
  options: ThreePlusThreeOptions = {},
): ThreePlusThreeResult {
  checkDlt(dlt);
  const variant = options.variant ?? 'classic';
  if (variant !== 'classic' && variant !== 'deescalate')
    throw new InputError('variant', variant, 'classic or deescalate');
  const doses = dlt.length;
  const pSelect = new Array<number>(doses).fill(0);
  const expectedNPerDose = new Array<number>(doses).fill(0);
  let pNone = 0;
  let expectedN = 0;
  let expectedDLT = 0;
  const pmf = dlt.map(binom3);

  // Each path ends in a leaf: add its probability to the selected dose and its patients/DLTs.
  const leaf = (
    selected: number,
    prob: number,
    patients: readonly number[],
    dlts: number,
  ): void => {
    if (selected < 0) pNone += prob;
    else pSelect[selected] += prob;
    let total = 0;
    for (let i = 0; i < doses; i += 1) {
      total += patients[i];
      expectedNPerDose[i] += prob * patients[i];
    }
    expectedN += prob * total;
    expectedDLT += prob * dlts;
  };

  // Stop at `dose`: declare the dose below (classic) or confirm it with 6 patients (de-escalation).
  const stop = (dose: number, prob: number, patients: number[], dlts: number): void => {
    const below = dose - 1;
    if (below < 0 || variant === 'classic' || patients[below] >= 6) {
      leaf(below, prob, patients, dlts);
      return;
    }
    // The dose below had 0/3: treat 3 more there. Total ≤ 1/6 → MTD, else de-escalate again.
    const next = patients.slice();
    next[below] += 3;
    for (let y = 0; y <= 3; y += 1) {
      const p = prob * pmf[below][y];
      if (p === 0) continue;
      if (y <= 1) leaf(below, p, next, dlts + y);
      else stop(below, p, next, dlts + y);
    }
  };

  const escalate = (dose: number, prob: number, patients: number[], dlts: number): void => {
    if (dose === doses) {
      leaf(doses - 1, prob, patients, dlts);
      return;
    }
    const three = patients.slice();
    three[dose] = 3;
    const six = patients.slice();
    six[dose] = 6;
    const f = pmf[dose];
    if (f[0] > 0) escalate(dose + 1, prob * f[0], three, dlts);
    for (let x = 2; x <= 3; x += 1) if (f[x] > 0) stop(dose, prob * f[x], three, dlts + x);
    if (f[1] > 0) {
      escalate(dose + 1, prob * f[1] * f[0], six, dlts + 1);
      for (let y = 1; y <= 3; y += 1)
        if (f[y] > 0) stop(dose, prob * f[1] * f[y], six, dlts + 1 + y);
    }
  };

  escalate(0, 1, new Array<number>(doses).fill(0), 0);
  return freeze({
    variant,
    dlt: [...dlt],
    pNone,
    pSelect,
    expectedN,
    expectedDLT,
    expectedNPerDose,
    method: 'exact enumeration' as const,
    warnings: [],
  });
}

export interface ThreePlusThreeSimulation {
  reps: number;
  seed: number;
  pNone: number;
  pSelect: number[];
  expectedN: number;
  expectedDLT: number;
  /** Monte Carlo standard errors of the fields above. */
  mcse: { pNone: number; pSelect: number[]; expectedN: number; expectedDLT: number };
}

/**
 * Monte Carlo estimate of the same operating characteristics, one patient at a time (a
 * cross-check on {@link threePlusThree}). Reproducible: seeded with {@link createRng}.
 * @example simulateThreePlusThree([0.05, 0.1, 0.2], { reps: 1000, seed: 1 }).pSelect.length // 3
 */
export function simulateThreePlusThree(
  dlt: readonly number[],
  options: ThreePlusThreeOptions & { reps: number; seed: number },
): ThreePlusThreeSimulation {
  checkDlt(dlt);
  const { reps, seed } = options;
  const variant = options.variant ?? 'classic';
  if (!Number.isInteger(reps) || reps < 2) throw new InputError('reps', reps, 'a whole number ≥ 2');
  const rng = createRng(seed);
  const doses = dlt.length;
  const counts = new Array<number>(doses).fill(0);
  let none = 0;
  let sumN = 0;
  let sumN2 = 0;
  let sumD = 0;
  let sumD2 = 0;
  const patients = new Array<number>(doses);
  const toxic = new Array<number>(doses);
  const cohort = (dose: number): number => {
    let x = 0;
    for (let i = 0; i < 3; i += 1) if (rng.nextDouble() < dlt[dose]) x += 1;
    patients[dose] += 3;
    toxic[dose] += x;
    return x;
  };
  for (let rep = 0; rep < reps; rep += 1) {
    patients.fill(0);
    toxic.fill(0);
    let selected = doses - 1;
    let dose = 0;
    while (dose < doses) {
      const x = cohort(dose);
      if (x === 0 || (x === 1 && cohort(dose) === 0)) {
        dose += 1;
        continue;
      }
      // Stopped at `dose`: find the declared MTD below it.
      let below = dose - 1;
      if (variant === 'deescalate') {
        while (below >= 0 && patients[below] < 6) {
          cohort(below);
          if (toxic[below] <= 1) break;
          below -= 1;
        }
      }
      selected = below;
      break;
    }
    if (selected < 0) none += 1;
    else counts[selected] += 1;
    let n = 0;
    let d = 0;
    for (let i = 0; i < doses; i += 1) {
      n += patients[i];
      d += toxic[i];
    }
    sumN += n;
    sumN2 += n * n;
    sumD += d;
    sumD2 += d * d;
  }
  const proportion = (k: number) => k / reps;
  const seP = (k: number) => Math.sqrt((proportion(k) * (1 - proportion(k))) / reps);
  const meanSe = (sum: number, sum2: number) =>
    Math.sqrt(Math.max(0, sum2 / reps - (sum / reps) ** 2) / (reps - 1));
  return freeze({
    reps,
    seed,
    pNone: proportion(none),
    pSelect: counts.map(proportion),
    expectedN: sumN / reps,
    expectedDLT: sumD / reps,
    mcse: {
      pNone: seP(none),
      pSelect: counts.map(seP),
      expectedN: meanSe(sumN, sumN2),
      expectedDLT: meanSe(sumD, sumD2),
    },
  });
}
