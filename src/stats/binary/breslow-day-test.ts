import { chiSquareSf } from '../dist/index.js';
import { orConstrained } from './score-statistics.js';
import type { TwoByTwo } from './table.js';

export interface HomogeneityTest {
  name: string;
  statistic: number;
  df: number;
  p: number;
}

/**
 * Breslow–Day test that K strata share the odds ratio ψ (normally the Mantel–Haenszel
 * estimate), with Tarone's (1985) correction:
 *   X²_BD = Σ (a_k − A_k)² / V_k,   X²_T = X²_BD − (Σ a_k − Σ A_k)² / Σ V_k,   on K′ − 1 df,
 * where A_k is the arm-1 event count that gives stratum k odds ratio ψ at its observed margins
 * (the constrained MLE of score-statistics.ts) and V_k = 1/(1/A + 1/B + 1/C + 1/D) its
 * asymptotic variance. Strata with a zero margin (no events, or all events) carry no
 * information and are left out of the sums and of K′.
 * References: Breslow NE, Day NE (1980) Statistical Methods in Cancer Research I, IARC, §4.4;
 * Tarone RE (1985) Biometrika 72:91–95. Without the correction this is epiR's `bOR.homog`.
 * @example breslowDayTest([{ events1: 8, n1: 106, events2: 5, n2: 120 }, { events1: 22, n1: 98, events2: 16, n2: 85 }], 1.40314854342828).tarone.p // 0.5547110241709889
 */
export function breslowDayTest(
  strata: TwoByTwo[],
  psi: number,
): { breslowDay: HomogeneityTest; tarone: HomogeneityTest } {
  let bd = 0;
  let diff = 0;
  let sumV = 0;
  let informative = 0;
  for (const t of strata) {
    const m = t.events1 + t.events2;
    if (m === 0 || m === t.n1 + t.n2) continue;
    informative++;
    const { p1, q1, p2, q2 } = orConstrained(t, psi);
    const A = t.n1 * p1;
    const V = 1 / (1 / (t.n1 * p1 * q1) + 1 / (t.n2 * p2 * q2));
    // a − A from the smaller tail of arm 1, as in the score statistic
    const d = p1 <= 0.5 ? t.events1 - A : t.n1 * q1 - (t.n1 - t.events1);
    bd += (d * d) / V;
    diff += d;
    sumV += V;
  }
  const df = Math.max(0, informative - 1);
  const tarone = sumV > 0 ? Math.max(0, bd - (diff * diff) / sumV) : 0;
  const p = (x: number) => (df > 0 ? chiSquareSf(x, df) : 1);
  return {
    breslowDay: { name: 'Breslow-Day', statistic: bd, df, p: p(bd) },
    tarone: { name: 'Breslow-Day with Tarone correction', statistic: tarone, df, p: p(tarone) },
  };
}
