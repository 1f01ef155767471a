import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { BinaryEstimate } from './binary-estimate.js';

/** One side of an NNT interval: from `lower` to `upper` patients (upper may be Infinity). */
export interface NntRange {
  lower: number;
  upper: number;
}

export interface NntResult {
  measure: 'NNT';
  /** `NNTB` (arm 1 better), `NNTH` (arm 1 worse), or `none` when the RD is exactly 0. */
  kind: 'NNTB' | 'NNTH' | 'none';
  /** 1/|RD|; Infinity when the RD is 0. */
  estimate: number;
  ci: {
    level: number;
    method: string;
    /** The RD interval includes 0: the NNT interval is disconnected (NNTB x to ∞ to NNTH y). */
    disconnected: boolean;
    /** Benefit part of the interval (null when the RD interval excludes benefit). */
    nntb: NntRange | null;
    /** Harm part of the interval (null when the RD interval excludes harm). */
    nnth: NntRange | null;
  };
  warnings: string[];
}

/**
 * Number needed to treat from a risk difference and its interval (Altman 1998, BMJ 317:1309–1312).
 * With harmful events (default; e.g. death), benefit means arm 1 has fewer events: b = −RD;
 * with `events: 'beneficial'` (e.g. response) b = RD. NNT = 1/|b|. The interval inverts the
 * RD limits: if the benefit interval (bL, bU) excludes 0 the NNT interval is 1/bU to 1/bL on one
 * side; if it includes 0 the interval is disconnected: NNTB 1/bU to ∞ to NNTH 1/|bL|.
 * @example numberNeededToTreat(riskDifference({ events1: 10, n1: 100, events2: 20, n2: 100 })).estimate // 10
 */
export function numberNeededToTreat(
  rd: BinaryEstimate,
  options: { events?: 'harmful' | 'beneficial' } = {},
): NntResult {
  const { events = 'harmful' } = options;
  if (rd.measure !== 'RD' || rd.estimate === null || rd.ci.lower === null || rd.ci.upper === null) {
    throw new InputError('rd', rd.measure, 'an estimable risk difference');
  }
  if (events !== 'harmful' && events !== 'beneficial')
    throw new InputError('events', events, 'harmful or beneficial');
  const sign = events === 'harmful' ? -1 : 1;
  const b = sign * rd.estimate;
  const [bL, bU] = sign === 1 ? [rd.ci.lower, rd.ci.upper] : [-rd.ci.upper, -rd.ci.lower];
  const warnings: string[] = [];
  const kind = b > 0 ? 'NNTB' : b < 0 ? 'NNTH' : 'none';
  if (kind === 'none') warnings.push('the risk difference is 0: the NNT is infinite');
  const inv = (x: number) => (x === 0 ? Infinity : 1 / Math.abs(x));
  let nntb: NntRange | null = null;
  let nnth: NntRange | null = null;
  const disconnected = bL < 0 && bU > 0;
  if (bL >= 0) nntb = { lower: inv(bU), upper: inv(bL) };
  else if (bU <= 0) nnth = { lower: inv(bL), upper: inv(bU) };
  else {
    nntb = { lower: inv(bU), upper: Infinity };
    nnth = { lower: inv(bL), upper: Infinity };
  }
  return freeze({
    measure: 'NNT' as const,
    kind,
    estimate: inv(b),
    ci: {
      level: rd.ci.level,
      method: `altman (from the ${rd.ci.method} RD interval)`,
      disconnected,
      nntb,
      nnth,
    },
    warnings,
  });
}
