import { InputError } from '../../errors.js';
import { chiSquareSf, normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import { messages, warning } from '../warnings.js';
import type { BinaryEstimate } from './binary-estimate.js';
import { mantelHaenszel as mantelHaenszelFit } from '../meta/mantel-haenszel.js';
import { breslowDayTest, type HomogeneityTest } from './breslow-day-test.js';
import { oddsRatio } from './odds-ratio.js';
import { riskDifference } from './risk-difference.js';
import { riskRatio } from './risk-ratio.js';
import { validateLevel, validateTable, zCritical, type TwoByTwo } from './table.js';

export type MhRdVariance = 'sato' | 'greenland-robins';

export interface StratifiedTwoByTwoResult {
  /** Number of strata given. */
  strata: number;
  /** Pooled Mantel–Haenszel estimates; `se` is on the log scale for RR and OR. */
  rr: BinaryEstimate;
  or: BinaryEstimate;
  rd: BinaryEstimate;
  /** The collapsed (crude) table: Katz RR, Woolf OR, Wald RD, for the crude : MH comparison. */
  crude: { table: TwoByTwo; rr: BinaryEstimate; or: BinaryEstimate; rd: BinaryEstimate };
  tests: {
    /** Cochran–Mantel–Haenszel test of OR = 1 (as R's mantelhaen.test). */
    mantelHaenszel: { name: string; statistic: number; df: 1; p: number; correct: boolean };
    /** Homogeneity of the OR across strata at the MH estimate. */
    breslowDay: HomogeneityTest;
    tarone: HomogeneityTest;
  };
  warnings: string[];
}

/**
 * Mantel–Haenszel analysis of K stratified 2×2 tables (arm 1 vs arm 2 in each), as epiR's
 * epi.2by2 and R's mantelhaen.test. With T = n1 + n2, b = n1 − a, d = n2 − c per stratum:
 * - RR_MH = Σ a·n2/T / Σ c·n1/T, var log RR_MH = Σ(m1·n1·n2/T² − a·c/T) / (Σ a·n2/T · Σ c·n1/T)
 *   (Greenland & Robins 1985, Biometrics 41:55–68);
 * - OR_MH = Σ a·d/T / Σ b·c/T with the Robins–Breslow–Greenland (1986, Biometrics 42:311–323) variance;
 * - RD_MH = Σ (a·n2 − c·n1)/T / Σ n1·n2/T with Sato's (1989, Biometrics 45:1323) variance
 *   (`rdVariance: 'sato'`, default) or Σ w²(p1q1/n1 + p2q2/n2)/(Σ w)², w = n1·n2/T
 *   (`'greenland-robins'`, epiR's ARisk.mh.green);
 * - the CMH test (|Σ a − Σ E a| − ½)² / Σ var a with E a = n1·m1/T, var a = n1·n2·m1·m0/(T²(T − 1))
 *   (the ½ only with `correct`, default true as mantelhaen.test, and only when |Σ a − Σ E a| ≥ ½);
 * - Breslow–Day homogeneity with Tarone's correction at OR_MH (breslow-day-test.ts).
 * The pooled estimates and variances come from the meta-analysis mantelHaenszel (metafor's rma.mh).
 * Wald limits exp(log θ ± z·SE) and RD ± z·SE. Strata are TwoByTwo tables (n1, n2 ≥ 1, so T ≥ 2
 * and every CMH variance term is defined).
 * @example stratifiedTwoByTwo([{ events1: 8, n1: 106, events2: 5, n2: 120 }, { events1: 22, n1: 98, events2: 16, n2: 85 }]).rr.estimate
 * // 1.3255553241551052 (Rothman, Greenland & Lash 2008, Modern Epidemiology 3rd ed., Table 15-1, UGDP data: RR_MH = 1.33)
 */
export function stratifiedTwoByTwo(
  strata: TwoByTwo[],
  options: { level?: number; rdVariance?: MhRdVariance; correct?: boolean } = {},
): StratifiedTwoByTwoResult {
  const { level = 0.95, rdVariance = 'sato', correct = true } = options;
  validateLevel(level);
  if (rdVariance !== 'sato' && rdVariance !== 'greenland-robins')
    throw new InputError('rdVariance', rdVariance, 'sato or greenland-robins');
  if (!Array.isArray(strata) || strata.length === 0)
    throw new InputError('strata', strata, 'at least one 2×2 table');
  strata.forEach((t, i) => {
    try {
      validateTable(t);
    } catch (error) {
      if (error instanceof InputError)
        throw new InputError(`strata[${i}]`, JSON.stringify(t), error.message);
      throw error;
    }
  });
  const z = zCritical(level, normalQuantile);
  const warnings: string[] = [];
  // The pooled MH estimates and their variances are the meta-analysis ones (one implementation).
  const pooled = (measure: 'RR' | 'OR' | 'RD', method: string): BinaryEstimate => {
    try {
      const fit = mantelHaenszelFit(strata, measure, { level });
      const ratio = measure !== 'RD';
      const estimate = ratio ? Math.exp(fit.estimate) : fit.estimate;
      const [lower, upper] = [fit.estimate - z * fit.se, fit.estimate + z * fit.se].map((x) =>
        ratio ? Math.exp(x) : x,
      );
      return {
        measure,
        estimable: true,
        estimate,
        se: fit.se,
        ci: { lower, upper, level, method },
        correction: null,
        warnings: [],
        codedWarnings: [],
      };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const coded = [warning('mh-no-events-every-stratum', { measure })];
      return {
        measure,
        estimable: false,
        estimate: null,
        ci: { lower: null, upper: null, level, method },
        correction: null,
        warnings: messages(coded),
        codedWarnings: coded,
      };
    }
  };
  const rr = pooled('RR', 'mh-greenland-robins');
  const or = pooled('OR', 'mh-robins-breslow-greenland');
  let rd = pooled('RD', 'mh-sato');
  // Greenland–Robins RD variance Σ w²(p1q1/n1 + p2q2/n2)/(Σ w)², and the CMH sums
  let W = 0,
    grVar = 0,
    delta = 0,
    varA = 0;
  for (const { events1: a, n1, events2: c, n2 } of strata) {
    const T = n1 + n2;
    const m1 = a + c;
    const w = (n1 * n2) / T;
    const p1 = a / n1;
    const p2 = c / n2;
    W += w;
    grVar += w * w * ((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
    delta += a - (n1 * m1) / T;
    varA += (n1 * n2 * m1 * (T - m1)) / (T * T * (T - 1));
  }
  if (rdVariance === 'greenland-robins' && rd.estimable) {
    const se = Math.sqrt(grVar) / W;
    const estimate = rd.estimate!;
    rd = {
      ...rd,
      se,
      ci: {
        lower: estimate - z * se,
        upper: estimate + z * se,
        level,
        method: 'mh-greenland-robins',
      },
    };
  }

  const yates = correct && Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const statistic = varA > 0 ? (Math.abs(delta) - yates) ** 2 / varA : NaN;
  if (!(varA > 0)) warnings.push('every stratum has a zero margin: the CMH test is undefined');
  const homogeneity = or.estimable
    ? breslowDayTest(strata, or.estimate!)
    : {
        breslowDay: { name: 'Breslow-Day', statistic: NaN, df: 0, p: NaN },
        tarone: { name: 'Breslow-Day with Tarone correction', statistic: NaN, df: 0, p: NaN },
      };

  const collapsed = strata.reduce(
    (s, t) => ({
      events1: s.events1 + t.events1,
      n1: s.n1 + t.n1,
      events2: s.events2 + t.events2,
      n2: s.n2 + t.n2,
    }),
    { events1: 0, n1: 0, events2: 0, n2: 0 },
  );
  return freeze({
    strata: strata.length,
    rr,
    or,
    rd,
    crude: {
      table: collapsed,
      rr: riskRatio(collapsed, { ci: 'katz', level }),
      or: oddsRatio(collapsed, { ci: 'woolf', level }),
      rd: riskDifference(collapsed, { ci: 'wald', level }),
    },
    tests: {
      mantelHaenszel: {
        name: correct
          ? 'Cochran-Mantel-Haenszel (continuity-corrected)'
          : 'Cochran-Mantel-Haenszel',
        statistic,
        df: 1 as const,
        p: Number.isNaN(statistic) ? NaN : chiSquareSf(statistic, 1),
        correct,
      },
      breslowDay: homogeneity.breslowDay,
      tarone: homogeneity.tarone,
    },
    warnings: [...warnings, ...rr.warnings, ...or.warnings, ...rd.warnings],
  });
}
