import { messages, warning, type Warning } from '../warnings.js';
import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { checkValue, studyLabel, type EffectSizes, type StudyEffect } from './effect-sizes.js';

/** A two-arm binary study: events/total in the experimental (1) and control (2) arm. */
export interface BinaryStudy {
  study?: string;
  events1: number;
  n1: number;
  events2: number;
  n2: number;
  extra?: Readonly<Record<string, string | number>>;
}

export interface BinaryEffectOptions {
  /** Added to every cell of the tables it applies to. Default 0.5. */
  correction?: number;
  /** `only0` (default): tables with a zero cell; `all`: every table; `if0all`: all tables if any has a zero; `none`. */
  correctTo?: 'only0' | 'all' | 'if0all' | 'none';
  /** Drop studies with no events in either arm (or all events in both). Default true for RR/OR, false for RD. */
  dropDoubleZero?: boolean;
}

/**
 * Per-study log risk ratio, log odds ratio or risk difference with large-sample variances,
 * as metafor `escalc("RR" | "OR" | "RD", add = 1/2, to = "only0")`:
 *   RR: yi = log((a/n1)/(c/n2)),  vi = 1/a − 1/n1 + 1/c − 1/n2
 *   OR: yi = log(ad/(bc)),        vi = 1/a + 1/b + 1/c + 1/d
 *   RD: yi = a/n1 − c/n2,         vi = p1(1−p1)/n1 + p2(1−p2)/n2
 * with `correction` added to all four cells of a table that has a zero cell (so n grows by
 * 2 × correction). Double-zero studies carry no information on RR/OR and are dropped, with a
 * warning (Sweeting et al. 2004, Stat Med 23:1351; Viechtbauer 2010, J Stat Softw 36(3) §3).
 * @example binaryEffectSizes([{ events1: 4, n1: 123, events2: 11, n2: 139 }], 'RR').studies[0].yi // -0.8893113339202054
 */
export function binaryEffectSizes(
  studies: readonly BinaryStudy[],
  measure: 'RR' | 'OR' | 'RD',
  options: BinaryEffectOptions = {},
): EffectSizes {
  const { correction = 0.5, correctTo = 'only0', dropDoubleZero = measure !== 'RD' } = options;
  checkValue('correction', correction, { min: 0 });
  if (!['RR', 'OR', 'RD'].includes(measure))
    throw new InputError('measure', measure, 'RR, OR or RD');
  const warnings: Warning[] = [];
  const dropped: EffectSizes['dropped'] = [];
  const out: StudyEffect[] = [];
  const tables = studies.map((s, i) => {
    const label = studyLabel(s.study, i);
    const n1 = checkValue(`${label}: n1`, s.n1, { integer: true, positive: true });
    const n2 = checkValue(`${label}: n2`, s.n2, { integer: true, positive: true });
    const a = checkValue(`${label}: events1`, s.events1, { integer: true, min: 0 });
    const c = checkValue(`${label}: events2`, s.events2, { integer: true, min: 0 });
    if (a > n1) throw new InputError(`${label}: events1`, a, `at most n1 = ${n1}`);
    if (c > n2) throw new InputError(`${label}: events2`, c, `at most n2 = ${n2}`);
    return { label, a, b: n1 - a, c, d: n2 - c, s };
  });
  const hasZero = (t: (typeof tables)[number]): boolean =>
    t.a === 0 || t.b === 0 || t.c === 0 || t.d === 0;
  const anyZero = tables.some(hasZero);
  const corrected: string[] = [];
  for (const t of tables) {
    if (dropDoubleZero && ((t.a === 0 && t.c === 0) || (t.b === 0 && t.d === 0))) {
      const what =
        t.a === 0 ? 'no events in either arm' : 'all participants with events in both arms';
      dropped.push({ study: t.label, reason: `${what}: no information on ${measure}` });
      continue;
    }
    const add =
      correctTo === 'all' ||
      (correctTo === 'only0' && hasZero(t)) ||
      (correctTo === 'if0all' && anyZero)
        ? correction
        : 0;
    if (add > 0 && hasZero(t)) corrected.push(t.label);
    const [a, b, c, d] = [t.a + add, t.b + add, t.c + add, t.d + add];
    const n1 = a + b;
    const n2 = c + d;
    let yi: number;
    let vi: number;
    if (measure === 'RR') {
      yi = Math.log(a / n1) - Math.log(c / n2);
      vi = 1 / a - 1 / n1 + 1 / c - 1 / n2;
    } else if (measure === 'OR') {
      yi = Math.log((a * d) / (b * c));
      vi = 1 / a + 1 / b + 1 / c + 1 / d;
    } else {
      const p1 = a / n1;
      const p2 = c / n2;
      yi = p1 - p2;
      vi = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
    }
    if (!Number.isFinite(yi) || !(vi > 0)) {
      dropped.push({
        study: t.label,
        reason: `${measure} not estimable without a continuity correction (zero cell)`,
      });
      continue;
    }
    out.push({
      study: t.label,
      yi,
      vi,
      ni: t.s.n1 + t.s.n2,
      ...(t.s.extra ? { extra: t.s.extra } : {}),
    });
  }
  if (corrected.length > 0) {
    warnings.push(warning('studies-zero-cell-corrected', { correction, studies: corrected }));
  }
  for (const d of dropped) warnings.push(warning('study-dropped', d));
  return freeze({
    measure,
    studies: out,
    dropped,
    warnings: messages(warnings),
    codedWarnings: warnings,
  });
}
