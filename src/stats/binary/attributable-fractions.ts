import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import { riskRatio } from './risk-ratio.js';
import { validateLevel, validateTable, zCritical, type TwoByTwo } from './table.js';

export type ParMethod = 'pirikahu' | 'wald';

/** One attributable measure: null estimate and limits when it is undefined for the table. */
export interface AttributableEstimate {
  estimable: boolean;
  estimate: number | null;
  se?: number;
  ci: { lower: number | null; upper: number | null; level: number; method: string };
}

export interface AttributableFractionsResult {
  /** Attributable fraction among the exposed (arm 1), (RR − 1)/RR. */
  afExposed: AttributableEstimate;
  /** Population attributable risk, risk in everyone minus risk in the unexposed (arm 2). */
  par: AttributableEstimate;
  /** Population attributable fraction, PAR / risk in everyone. */
  paf: AttributableEstimate;
  warnings: string[];
}

const none = (level: number, method: string): AttributableEstimate => ({
  estimable: false,
  estimate: null,
  ci: { lower: null, upper: null, level, method },
});

/**
 * Attributable fractions for a cohort table, arm 1 = exposed (a events of n1, b = n1 − a),
 * arm 2 = unexposed (c of n2, d = n2 − c), T = n1 + n2, m1 = a + c, as epiR's epi.2by2
 * (method "cohort.count"). They describe the population the table samples: both arms in
 * proportion to their prevalence, which a randomised trial's arms are not.
 * - afExposed = (RR − 1)/RR, limits (RR_l − 1)/RR_l to (RR_u − 1)/RR_u from the Katz RR interval
 *   without a zero-cell correction (Rothman, Greenland & Lash 2008, ch. 4);
 * - par = m1/T − c/n2 with the delta-method SE of Pirikahu (2016, Massey University thesis; epiR
 *   PARisk.strata.piri, default) or the Wald SE √(m1(T − m1)/T³ + c·d/n2³) (`parCi: 'wald'`);
 * - paf = (ad − bc)/(m1·n2), limits 1 − exp(log(1 − paf) ± z·√((b + paf(a + d))/(T·c)))
 *   (Jewell 2004, Statistics for Epidemiology, §4.7; Walter 1975).
 * @example attributableFractions({ events1: 30, n1: 204, events2: 21, n2: 205 }).paf.estimate // 0.17847919655667144
 */
export function attributableFractions(
  table: TwoByTwo,
  options: { level?: number; parCi?: ParMethod } = {},
): AttributableFractionsResult {
  validateTable(table);
  const { level = 0.95, parCi = 'pirikahu' } = options;
  validateLevel(level);
  if (parCi !== 'pirikahu' && parCi !== 'wald')
    throw new InputError('parCi', parCi, 'pirikahu or wald');
  const z = zCritical(level, normalQuantile);
  const { events1: a, n1, events2: c, n2 } = table;
  const b = n1 - a;
  const d = n2 - c;
  const T = n1 + n2;
  const m1 = a + c;
  const warnings: string[] = [];

  const rr = riskRatio(table, { ci: 'katz', level, correction: 'none' });
  let afExposed = none(level, 'katz-rr');
  if (rr.estimable && rr.estimate! > 0 && Number.isFinite(rr.estimate!)) {
    const af = (x: number) => (x - 1) / x;
    afExposed = {
      estimable: true,
      estimate: af(rr.estimate!),
      ci: { lower: af(rr.ci.lower!), upper: af(rr.ci.upper!), level, method: 'katz-rr' },
    };
  } else {
    warnings.push(
      'a zero cell makes the RR, and so the attributable fraction among the exposed, undefined',
    );
  }

  const parEstimate = m1 / T - c / n2;
  let parSe: number;
  if (parCi === 'wald') {
    parSe = Math.sqrt((m1 * (T - m1)) / T ** 3 + (c * d) / n2 ** 3);
  } else {
    // ∂PAR/∂(a, b, c, d) with PAR = (a + c)/T − c/(c + d), each cell Poisson (Pirikahu 2016)
    const d1 = 1 / T - m1 / T ** 2;
    const d2 = -m1 / T ** 2;
    const d3 = c / n2 ** 2 - m1 / T ** 2 + 1 / T - 1 / n2;
    const d4 = c / n2 ** 2 - m1 / T ** 2;
    parSe = Math.sqrt(d1 * d1 * a + d2 * d2 * b + d3 * d3 * c + d4 * d4 * d);
  }
  const par: AttributableEstimate = {
    estimable: true,
    estimate: parEstimate,
    se: parSe,
    ci: { lower: parEstimate - z * parSe, upper: parEstimate + z * parSe, level, method: parCi },
  };

  let paf = none(level, 'jewell-log');
  if (m1 > 0 && c > 0) {
    const p = (a * d - b * c) / (m1 * n2);
    const se = Math.sqrt((b + p * (a + d)) / (T * c));
    const log = Math.log(1 - p);
    paf = {
      estimable: true,
      estimate: p,
      se,
      ci: {
        lower: 1 - Math.exp(log + z * se),
        upper: 1 - Math.exp(log - z * se),
        level,
        method: 'jewell-log',
      },
    };
  } else {
    warnings.push(
      m1 === 0
        ? 'no events: the population attributable fraction is undefined'
        : 'no events among the unexposed (arm 2): the PAF interval is undefined',
    );
  }
  return freeze({ afExposed, par, paf, warnings });
}
