import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { SurvivalRecord } from './survival-records.js';

export interface KmCurveInput {
  /** Digitised points of one arm's curve: times and S(t) as proportions. */
  time: readonly number[];
  survival: readonly number[];
  /** The number-at-risk table under the plot: times and counts (the first is the arm size). */
  riskTime: readonly number[];
  nRisk: readonly number[];
  /** Total events in the arm, when the paper gives it (improves the last interval). */
  totalEvents?: number;
}

export interface ReconstructedArm {
  /** Pseudo patient-level data: events at the digitised times, censorings at midpoints. */
  records: SurvivalRecord[];
  /** The points after preprocessing, with the events and censorings assigned to each. */
  time: number[];
  survival: number[];
  events: number[];
  censored: number[];
  /** The at-risk entries used (after dropping empty and merging point-less intervals). */
  riskTime: number[];
  nRisk: number[];
  warnings: string[];
}

/** R's round(x) (half to even, IEC 60559), which the published algorithm relies on. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Counts of `values` in the bins of `breaks`, as R's hist(values, breaks, plot = FALSE)$counts:
 * right-closed bins (b_j, b_{j+1}], the first closed on the left too, with hist's fuzz of
 * 1e-7 × median bin width so values at a break fall in the bin it closes.
 */
function histCounts(values: readonly number[], breaks: readonly number[]): number[] {
  const widths = breaks
    .slice(1)
    .map((b, i) => b - breaks[i])
    .sort((a, b) => a - b);
  const m = widths.length;
  const median = m % 2 === 1 ? widths[(m - 1) / 2] : (widths[m / 2 - 1] + widths[m / 2]) / 2;
  const fuzz = 1e-7 * median;
  const fuzzy = breaks.map((b, i) => (i === 0 ? b - fuzz : b + fuzz));
  const counts = new Array<number>(m).fill(0);
  for (const v of values) {
    for (let j = 0; j < m; j++) {
      if (v > fuzzy[j] && v <= fuzzy[j + 1]) {
        counts[j]++;
        break;
      }
    }
  }
  return counts;
}

const MAX_ADJUSTMENTS = 10000;

/**
 * Reconstructs pseudo patient-level data of one arm from a digitised Kaplan–Meier curve and
 * the number-at-risk table (Guyot et al. 2012): within each at-risk interval the number
 * censored is first guessed from the drop in S, spread evenly over the interval, and adjusted
 * until the numbers at risk match the table; events at each point are n̂ₖ(1 − Sₖ/Ŝ_last),
 * rounded; the last interval takes the average censoring rate, then the total events when
 * given. Points are preprocessed as IPDfromKM does: sorted, S made non-increasing, one
 * point per time (the lowest); at-risk times past the last point or with 0 at risk dropped,
 * and an at-risk interval holding no point merged into the next. Events are never negative
 * (a digitised S above the running estimate gives 0).
 *
 * Reference: Guyot P, Ades AE, Ouwens MJNM, Welton NJ. Enhanced secondary analysis of
 * survival data: reconstructing the data from published Kaplan–Meier survival curves. BMC Med
 * Res Methodol 2012;12:9 (the algorithm of its Additional file 1).
 * @example reconstructKm({ time: [0, 1, 2], survival: [1, 0.8, 0.6], riskTime: [0], nRisk: [10] }).records.length // 10
 */
export function reconstructKm(input: KmCurveInput): ReconstructedArm {
  const warnings: string[] = [];
  const {
    time: rawTime,
    survival: rawSurv,
    riskTime: rawRiskTime,
    nRisk: rawRisk,
    totalEvents,
  } = input;
  if (rawTime.length !== rawSurv.length || rawTime.length < 2)
    throw new InputError(
      'time',
      rawTime.length,
      'at least two digitised points, as many times as survival values',
    );
  if (rawRiskTime.length !== rawRisk.length || rawRisk.length === 0)
    throw new InputError(
      'riskTime',
      rawRiskTime.length,
      'an at-risk table with as many times as counts',
    );
  rawTime.forEach((t, i) => {
    if (!Number.isFinite(t) || t < 0) throw new InputError(`time[${i}]`, t, 'a finite time ≥ 0');
    if (!(rawSurv[i] >= 0 && rawSurv[i] <= 1))
      throw new InputError(
        `survival[${i}]`,
        rawSurv[i],
        'a proportion in [0, 1] (divide percentages by 100)',
      );
  });
  rawRisk.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 0) throw new InputError(`nRisk[${i}]`, n, 'a whole number ≥ 0');
    if (!Number.isFinite(rawRiskTime[i]))
      throw new InputError(`riskTime[${i}]`, rawRiskTime[i], 'a finite time');
    if (i > 0 && !(rawRiskTime[i] > rawRiskTime[i - 1]))
      throw new InputError(`riskTime[${i}]`, rawRiskTime[i], 'at-risk times in increasing order');
    if (i > 0 && n > rawRisk[i - 1])
      throw new InputError(
        `nRisk[${i}]`,
        n,
        `at most the previous number at risk (${rawRisk[i - 1]})`,
      );
  });
  if (totalEvents !== undefined && !(Number.isInteger(totalEvents) && totalEvents >= 0))
    throw new InputError('totalEvents', totalEvents, 'a whole number ≥ 0');

  // Preprocess: sort by time (higher S first at equal times), running minimum, last point per time.
  const order = rawTime
    .map((_, i) => i)
    .sort((a, b) => rawTime[a] - rawTime[b] || rawSurv[b] - rawSurv[a]);
  const sortedT = order.map((i) => rawTime[i]);
  const sortedS: number[] = [];
  order.forEach((i, k) =>
    sortedS.push(k === 0 ? rawSurv[i] : Math.min(sortedS[k - 1], rawSurv[i])),
  );
  if (order.some((i, k) => k > 0 && rawSurv[i] > sortedS[k - 1]))
    warnings.push('digitised survival rose somewhere: made non-increasing (running minimum)');
  const tS: number[] = [];
  const S: number[] = [];
  sortedT.forEach((t, k) => {
    if (k + 1 < sortedT.length && sortedT[k + 1] === t) return;
    tS.push(t);
    S.push(sortedS[k]);
  });
  const npoints = tS.length;
  // At-risk intervals (1-based indices into the points, as the published code).
  let tRisk: number[] = [];
  let nRisk: number[] = [];
  let lower: number[] = [];
  rawRiskTime.forEach((t, i) => {
    const first = tS.findIndex((x) => x >= t);
    if (first < 0 || rawRisk[i] <= 0) return;
    tRisk.push(t);
    nRisk.push(rawRisk[i]);
    lower.push(first + 1);
  });
  if (lower.length === 0)
    throw new InputError(
      'nRisk',
      rawRisk.join(', '),
      'an at-risk count > 0 at or before the last digitised point',
    );
  const keep = lower.map((l, i) => lower.indexOf(l, i + 1) < 0);
  if (keep.some((k) => !k))
    warnings.push('at-risk intervals without a digitised point were merged into the next');
  tRisk = tRisk.filter((_, i) => keep[i]);
  nRisk = nRisk.filter((_, i) => keep[i]);
  lower = lower.filter((_, i) => keep[i]);
  if (lower[0] !== 1 || S[0] !== 1)
    warnings.push(
      'the curve does not start at the first at-risk time with S = 1: the first point is taken as the start',
    );
  const nint = lower.length;
  const upper = [...lower.slice(1).map((l) => l - 1), npoints];
  const L = (i: number): number => lower[i - 1];
  const U = (i: number): number => upper[i - 1];
  const tAt = (k: number): number => tS[k - 1];
  const sAt = (k: number): number => S[k - 1];

  const nCensor = new Array<number>(nint + 1).fill(0);
  const nHat = new Array<number>(npoints + 2).fill(nRisk[0] + 1);
  const cen = new Array<number>(npoints + 1).fill(0);
  const d = new Array<number>(npoints + 1).fill(0);
  const kmHat = new Array<number>(npoints + 1).fill(1);
  const lastI = new Array<number>(nint + 1).fill(1);
  const risk = [0, ...nRisk];
  const events = (nHatK: number, k: number, last: number): number =>
    nHatK > 0 && kmHat[last] !== 0
      ? Math.max(0, roundHalfEven(nHatK * (1 - sAt(k) / kmHat[last])))
      : 0;
  /** Spreads `count` censorings evenly over (t_from, t_breaksTo) into the points from `from` on. */
  const spread = (count: number, from: number, breaksTo: number): void => {
    const values = Array.from(
      { length: count },
      (_, j) => tAt(from) + ((j + 1) * (tAt(breaksTo) - tAt(from))) / (count + 1),
    );
    const breaks = Array.from({ length: breaksTo - from + 1 }, (_, j) => tAt(from + j));
    histCounts(values, breaks).forEach((c, j) => {
      cen[from + j] = c;
    });
  };
  let guard = 0;
  for (let i = 1; i <= nint - 1; i++) {
    nCensor[i] = roundHalfEven((risk[i] * sAt(L(i + 1))) / sAt(L(i)) - risk[i + 1]);
    let last = lastI[i];
    while (nHat[L(i + 1)] > risk[i + 1] || (nHat[L(i + 1)] < risk[i + 1] && nCensor[i] > 0)) {
      if (++guard > MAX_ADJUSTMENTS) {
        warnings.push(
          `the censoring adjustment did not settle in interval ${i}: stopped after ${MAX_ADJUSTMENTS} rounds`,
        );
        break;
      }
      if (nCensor[i] <= 0) {
        for (let k = L(i); k <= U(i); k++) cen[k] = 0;
        nCensor[i] = 0;
      }
      if (nCensor[i] > 0) spread(nCensor[i], L(i), L(i + 1));
      nHat[L(i)] = risk[i];
      last = lastI[i];
      for (let k = L(i); k <= U(i); k++) {
        if (i === 1 && k === L(i)) {
          d[k] = 0;
          kmHat[k] = 1;
        } else {
          d[k] = events(nHat[k], k, last);
          kmHat[k] = nHat[k] > 0 ? kmHat[last] * (1 - d[k] / nHat[k]) : kmHat[last];
        }
        nHat[k + 1] = nHat[k] - d[k] - cen[k];
        if (d[k] !== 0) last = k;
      }
      nCensor[i] += nHat[L(i + 1)] - risk[i + 1];
    }
    if (nHat[L(i + 1)] < risk[i + 1]) risk[i + 1] = nHat[L(i + 1)];
    lastI[i + 1] = last;
  }
  // Last interval: the average censoring rate of the earlier ones.
  nCensor[nint] =
    nint > 1
      ? Math.min(
          roundHalfEven(
            (nCensor.slice(1, nint).reduce((a, b) => a + b, 0) * (tAt(U(nint)) - tAt(L(nint)))) /
              (tAt(U(nint - 1)) - tAt(L(1))),
          ),
          risk[nint],
        )
      : 0;
  const spreadLast = (): void => {
    if (nCensor[nint] <= 0) {
      for (let k = L(nint); k <= U(nint) - 1; k++) cen[k] = 0;
      nCensor[nint] = 0;
    }
    if (nCensor[nint] > 0 && U(nint) > L(nint)) spread(nCensor[nint], L(nint), U(nint));
  };
  const fillLast = (clampLastRisk: boolean): void => {
    nHat[L(nint)] = risk[nint];
    let last = lastI[nint];
    for (let k = L(nint); k <= U(nint); k++) {
      d[k] = events(nHat[k], k, last);
      kmHat[k] = nHat[k] > 0 ? kmHat[last] * (1 - d[k] / nHat[k]) : kmHat[last];
      if (clampLastRisk || k !== U(nint)) {
        nHat[k + 1] = nHat[k] - d[k] - cen[k];
        if (nHat[k + 1] < 0) {
          nHat[k + 1] = 0;
          cen[k] = nHat[k] - d[k];
        }
      }
      if (d[k] !== 0) last = k;
    }
  };
  spreadLast();
  fillLast(true);
  if (totalEvents !== undefined) {
    const sum = (to: number): number => d.slice(1, to + 1).reduce((a, b) => a + b, 0);
    let sumdL = 0;
    if (nint > 1) {
      sumdL = sum(U(nint - 1));
      if (sumdL >= totalEvents) {
        for (let k = L(nint); k <= U(nint); k++) d[k] = 0;
        for (let k = L(nint); k <= U(nint) - 1; k++) cen[k] = 0;
        for (let k = L(nint) + 1; k <= U(nint) + 1; k++) nHat[k] = risk[nint];
        if (sumdL > totalEvents)
          warnings.push(
            `the curve implies ${sumdL} events before the last at-risk time, more than the ${totalEvents} given`,
          );
      }
    }
    if (sumdL < totalEvents || nint === 1) {
      let sumd = sum(U(nint));
      let rounds = 0;
      while (sumd > totalEvents || (sumd < totalEvents && nCensor[nint] > 0)) {
        if (++rounds > MAX_ADJUSTMENTS) {
          warnings.push('the total-events adjustment did not settle: stopped');
          break;
        }
        nCensor[nint] += sumd - totalEvents;
        spreadLast();
        fillLast(false);
        sumd = sum(U(nint));
      }
      if (sumd !== totalEvents)
        warnings.push(
          `reconstructed ${sumd} events, not the ${totalEvents} given (the curve and the total disagree)`,
        );
    }
  }
  // Pseudo-IPD: events at the points, censorings at midpoints, the rest censored at the end.
  const n0 = risk[1];
  const records: SurvivalRecord[] = [];
  for (let k = 1; k <= npoints; k++)
    for (let j = 0; j < d[k]; j++) records.push({ time: tAt(k), event: true });
  for (let k = 1; k <= npoints - 1; k++)
    for (let j = 0; j < cen[k]; j++)
      records.push({ time: (tAt(k) + tAt(k + 1)) / 2, event: false });
  if (records.length > n0)
    warnings.push(
      `${records.length} patients reconstructed, more than the ${n0} at risk at the start`,
    );
  while (records.length < n0) records.push({ time: tAt(npoints), event: false });
  return freeze({
    records: records.slice(0, Math.max(n0, records.length)),
    time: tS,
    survival: S,
    events: d.slice(1, npoints + 1),
    censored: cen.slice(1, npoints + 1),
    riskTime: tRisk,
    nRisk,
    warnings,
  });
}
