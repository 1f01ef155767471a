import { InputError } from '../../errors.js';
import { normalQuantile, normalSf, tQuantile, tSf } from '../dist/index.js';
import {
  intervalsOverlap,
  parseReported,
  reportedInterval,
  type ReportedValue,
  type ValueInterval,
} from './reported-value.js';

export interface PValueCiInput {
  /** Point estimate as printed (natural scale, e.g. RR 1.67 or MD −16.3). */
  estimate: string | number | ReportedValue;
  lower: string | number | ReportedValue;
  upper: string | number | ReportedValue;
  /** Reported p, e.g. `"0.035"` or `"< 0.0001"`. */
  p: string | number | ReportedValue;
  /** CI level, or null when the source does not state it (then 90/95/99 % are tried). Default 0.95. */
  level?: number | null;
  /** `log` for ratios (RR, OR, HR): the interval was built on the log scale. Default `natural`. */
  scale?: 'natural' | 'log';
  /** Degrees of freedom for a t-based interval; omitted = normal. */
  df?: number;
  /** Levels tried when `level` is null, and reported for all. Default [0.9, 0.95, 0.99]. */
  levels?: number[];
}

export interface PValueAtLevel {
  level: number;
  /** p recomputed from the printed estimate and CI. */
  pRecomputed: number;
  /** Range of p over every estimate and bound that prints as reported. */
  pRange: { lower: number; upper: number };
  consistent: boolean;
}

export interface PValueCiResult {
  /** At the stated level; when it is unknown, at any of the levels tried. */
  consistent: boolean;
  /** At the stated level, or at 95 % when unknown. */
  pRecomputed: number;
  pRange: { lower: number; upper: number };
  levels: PValueAtLevel[];
  /** Levels at which the reported p is consistent. */
  consistentLevels: number[];
  method: string;
}

/**
 * Is a reported p-value consistent with the reported estimate and confidence
 * interval? The SE is recovered from the CI width, SE = (U − L)/(2·q) with
 * q = z or t quantile at (1 + level)/2, then p = 2·P(Z > |E|/SE) (or t with df).
 * Ratios work on the log scale. Rounding of the printed numbers is propagated: p is
 * a range over every estimate and bound that prints as reported, compared with the
 * range the printed p stands for.
 *
 * Reference: Altman DG, Bland JM (2011). How to obtain the P value from a confidence
 * interval. BMJ 343:d2304.
 * @example checkPValueCi({ estimate: '-16.3', lower: '-20.4', upper: '-12.1', p: '< 0.0001', level: null }).consistent // true
 */
export function checkPValueCi(input: PValueCiInput): PValueCiResult {
  const scale = input.scale ?? 'natural';
  const estimate = toReported(input.estimate, 'estimate');
  const lower = toReported(input.lower, 'lower');
  const upper = toReported(input.upper, 'upper');
  const p = toReported(input.p, 'p');
  if (!(p.value >= 0 && p.value <= 1))
    throw new InputError('p', p.text ?? p.value, 'a p-value in [0, 1]');
  if (lower.value > upper.value)
    throw new InputError('lower', lower.value, `a lower bound ≤ the upper bound ${upper.value}`);
  if (input.df !== undefined && !(input.df > 0))
    throw new InputError('df', input.df, 'a positive number');
  const stated = input.level === undefined ? 0.95 : input.level;
  if (stated !== null && !(stated > 0 && stated < 1))
    throw new InputError('level', stated, 'a level in (0, 1)');
  const tried = [
    ...new Set([...(input.levels ?? [0.9, 0.95, 0.99]), ...(stated !== null ? [stated] : [])]),
  ].sort((a, b) => a - b);

  const transform = (x: number): number => (scale === 'log' ? Math.log(x) : x);
  if (scale === 'log') {
    for (const [name, value] of [
      ['estimate', estimate],
      ['lower', lower],
      ['upper', upper],
    ] as const) {
      if (!(value.value > 0))
        throw new InputError(name, value.value, 'a positive ratio on the log scale');
    }
  }
  const box = (reported: ReportedValue): { low: number; high: number } => {
    const interval = reportedInterval(reported);
    // A printed ratio of 0.00 can stand for any tiny positive value: keep log finite.
    const low = scale === 'log' ? Math.max(interval.lower, Number.MIN_VALUE) : interval.lower;
    return { low: transform(low), high: transform(interval.upper) };
  };
  const e = box(estimate);
  const l = box(lower);
  const u = box(upper);
  const pInterval: ValueInterval = reportedInterval(p, 0, 1);

  const twoSidedP = (z: number): number =>
    2 * (input.df === undefined ? normalSf(z) : tSf(z, input.df));
  const quantile = (level: number): number => {
    const prob = (1 + level) / 2;
    return input.df === undefined ? normalQuantile(prob) : tQuantile(prob, input.df);
  };
  const absMin = e.low <= 0 && e.high >= 0 ? 0 : Math.min(Math.abs(e.low), Math.abs(e.high));
  const absMax = Math.max(Math.abs(e.low), Math.abs(e.high));
  const widthMin = Math.max(u.low - l.high, 0);
  const widthMax = u.high - l.low;

  const levels = tried.map((level): PValueAtLevel => {
    const q = quantile(level);
    const width = transform(upper.value) - transform(lower.value);
    const pRecomputed =
      width > 0
        ? twoSidedP((Math.abs(transform(estimate.value)) * 2 * q) / width)
        : absMin > 0
          ? 0
          : 1;
    const zMax = widthMin > 0 ? (absMax * 2 * q) / widthMin : Infinity;
    const zMin = widthMax > 0 ? (absMin * 2 * q) / widthMax : 0;
    const pRange = { lower: twoSidedP(zMax), upper: twoSidedP(zMin) };
    const consistent = intervalsOverlap(
      { ...pRange, lowerClosed: true, upperClosed: true },
      pInterval,
    );
    return { level, pRecomputed, pRange, consistent };
  });
  const consistentLevels = levels.filter((entry) => entry.consistent).map((entry) => entry.level);
  const headline = levels.find((entry) => entry.level === (stated ?? 0.95)) ?? levels[0];
  return {
    consistent: stated === null ? consistentLevels.length > 0 : headline.consistent,
    pRecomputed: headline.pRecomputed,
    pRange: headline.pRange,
    levels,
    consistentLevels,
    method: `${input.df === undefined ? 'normal' : `t (df = ${input.df})`} approximation, SE from CI width on the ${scale} scale (Altman & Bland 2011), rounding propagated`,
  };
}

function toReported(value: string | number | ReportedValue, name: string): ReportedValue {
  try {
    return typeof value === 'object' ? value : parseReported(value);
  } catch {
    throw new InputError(name, value, 'a printed number such as 0.035 or < 0.001');
  }
}
