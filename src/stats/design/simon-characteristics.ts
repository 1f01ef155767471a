import { InputError } from '../../errors.js';
import { binomialCdf, binomialPmf, binomialSf } from '../dist/index.js';
import type { SimonDesign } from './simon-two-stage.js';

export interface SimonCharacteristics {
  /** True response probability. */
  p: number;
  /** P(the drug is declared active: more than r1 of n1, then more than r of n). */
  pReject: number;
  /** P(early termination after stage 1: at most r1 of n1 respond). */
  pet: number;
  /** Expected number of patients: n1 + (1 − PET)(n − n1). */
  expectedN: number;
}

/**
 * Operating characteristics of a Simon two-stage design at a true response rate p:
 * PET = P(X1 ≤ r1), P(reject H0) = Σ_{x1 = r1+1}^{n1} P(X1 = x1)·P(X2 > r − x1), with
 * X1 ~ Bin(n1, p), X2 ~ Bin(n − n1, p), and E[N] = n1 + (1 − PET)(n − n1).
 * At p0 these are the design's attained α, PET0 and EN0; at p1, its power.
 *
 * Reference: Simon R (1989). Optimal two-stage designs for phase II clinical trials.
 * Controlled Clinical Trials 10:1–10.
 * @example simonCharacteristics({ r1: 1, n1: 10, r: 5, n: 29 }, 0.1).pet // 0.7361 (Simon 1989, Table 1: 0.74)
 */
export function simonCharacteristics(
  design: Pick<SimonDesign, 'r1' | 'n1' | 'r' | 'n'>,
  p: number,
): SimonCharacteristics {
  const { r1, n1, r, n } = design;
  if (!(p >= 0 && p <= 1)) throw new InputError('p', p, 'a probability in [0, 1]');
  if (!(Number.isInteger(n1) && Number.isInteger(n) && n1 >= 1 && n > n1))
    throw new InputError('design', `n1 = ${n1}, n = ${n}`, 'whole numbers with 1 ≤ n1 < n');
  if (!(Number.isInteger(r1) && Number.isInteger(r) && r1 >= 0 && r1 < n1 && r >= r1 && r < n)) {
    throw new InputError(
      'design',
      `r1 = ${r1}, r = ${r}`,
      'whole numbers with 0 ≤ r1 < n1 and r1 ≤ r < n',
    );
  }
  const pet = binomialCdf(r1, n1, p);
  let pReject = 0;
  for (let x1 = r1 + 1; x1 <= n1; x1++) {
    // P(X2 > r − x1); when r − x1 < 0 every stage-2 outcome rejects.
    const needed = r - x1;
    pReject += binomialPmf(x1, n1, p) * (needed < 0 ? 1 : binomialSf(needed, n - n1, p));
  }
  return { p, pReject, pet, expectedN: n1 + (1 - pet) * (n - n1) };
}
