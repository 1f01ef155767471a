import { InputError } from '../../errors.js';
import type { StudyEffect } from './effect-sizes.js';
import { logDeterminant } from './weighted-fit.js';

/** One moderator of a meta-regression: a study-level column (`StudyEffect.extra`). */
export interface ModeratorSpec {
  column: string;
  /** Default: `numeric` when every present value is a number, else `categorical`. */
  type?: 'numeric' | 'categorical';
  /** Categorical only: the reference level (default the first level in sorted order, as R's factor). */
  reference?: string;
}

export interface ModeratorTerm {
  column: string;
  type: 'numeric' | 'categorical';
  /** Categorical: every level, reference first; numeric: null. */
  levels: string[] | null;
  reference: string | null;
  /** Indices of this term's columns in the design matrix. */
  columns: number[];
}

export interface ModeratorDesign {
  /** k × p model matrix, one row per kept study. */
  X: number[][];
  /** Column names as R's model.matrix: `intrcpt`, the numeric column, `<column><level>` per non-reference level. */
  names: string[];
  terms: ModeratorTerm[];
  intercept: boolean;
  /** The studies kept (all moderators present), in input order. */
  studies: StudyEffect[];
  /** Studies left out for a missing moderator value (metafor drops them too, with a warning). */
  dropped: { study: string; reason: string }[];
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const isMissing = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && (v.trim() === '' || v.trim().toUpperCase() === 'NA'));
const isNumeric = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMBER.test(v));

/**
 * Builds the model matrix of a meta-regression from study-level columns, as R's
 * `model.matrix(~ a + factor(b))` with treatment contrasts: an intercept column of 1s
 * (unless `intercept: false`), one column per numeric moderator, and for a categorical
 * moderator one 0/1 column per level other than the reference (all levels when it is the
 * first term of a model without intercept, as R does). Levels sort numerically when every
 * level is a number, otherwise by code point (deterministic on every machine; R sorts by
 * locale, so name `reference` where that matters). Studies with a missing value are dropped.
 * @example moderatorDesign(studies, [{ column: 'alloc' }]).names // ['intrcpt', 'allocrandom', 'allocsystematic'] (dat.bcg)
 */
export function moderatorDesign(
  studies: readonly StudyEffect[],
  moderators: readonly ModeratorSpec[],
  options: { intercept?: boolean } = {},
): ModeratorDesign {
  const { intercept = true } = options;
  if (!intercept && moderators.length === 0)
    throw new InputError(
      'moderators',
      'none',
      'at least one moderator when the model has no intercept',
    );
  const seen = new Set<string>();
  for (const m of moderators) {
    if (seen.has(m.column)) throw new InputError('moderators', m.column, 'each moderator once');
    seen.add(m.column);
  }
  for (const m of moderators) {
    if (studies.length > 0 && studies.every((s) => isMissing(s.extra?.[m.column])))
      throw new InputError(
        'moderator',
        m.column,
        'a column with a value for at least one study (no study has one)',
      );
  }
  const dropped: ModeratorDesign['dropped'] = [];
  const kept = studies.filter((s) => {
    const missing = moderators.find((m) => isMissing(s.extra?.[m.column]));
    if (missing)
      dropped.push({ study: s.study, reason: `no value for moderator "${missing.column}"` });
    return !missing;
  });
  const names: string[] = intercept ? ['intrcpt'] : [];
  const terms: ModeratorTerm[] = [];
  const columns: number[][] = intercept ? [kept.map(() => 1)] : [];
  for (const [index, m] of moderators.entries()) {
    const values = kept.map((s) => s.extra![m.column]);
    const type = m.type ?? (values.every(isNumeric) ? 'numeric' : 'categorical');
    if (type === 'numeric') {
      const bad = kept.find((s) => !isNumeric(s.extra![m.column]));
      if (bad)
        throw new InputError(
          `moderator ${m.column} (${bad.study})`,
          bad.extra![m.column],
          'a number (or declare the moderator categorical)',
        );
      if (m.reference !== undefined)
        throw new InputError(
          `moderator ${m.column}`,
          m.reference,
          'a reference level only for a categorical moderator',
        );
      terms.push({
        column: m.column,
        type,
        levels: null,
        reference: null,
        columns: [names.length],
      });
      names.push(m.column);
      columns.push(values.map(Number));
      continue;
    }
    const text = values.map((v) => String(v).trim());
    let levels = [...new Set(text)];
    levels = levels.every((l) => NUMBER.test(l))
      ? levels.sort((a, b) => Number(a) - Number(b))
      : levels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (m.reference !== undefined) {
      if (!levels.includes(m.reference))
        throw new InputError(
          `moderator ${m.column} reference`,
          m.reference,
          `one of its levels: ${levels.join(', ')}`,
        );
      levels = [m.reference, ...levels.filter((l) => l !== m.reference)];
    }
    if (levels.length < 2)
      throw new InputError(
        `moderator ${m.column}`,
        levels[0],
        'at least two levels for a categorical moderator',
      );
    const full = !intercept && index === 0;
    const coded = full ? levels : levels.slice(1);
    terms.push({
      column: m.column,
      type,
      levels,
      reference: full ? null : levels[0],
      columns: coded.map((_, j) => names.length + j),
    });
    for (const level of coded) {
      names.push(`${m.column}${level}`);
      columns.push(text.map((t) => (t === level ? 1 : 0)));
    }
  }
  const X = kept.map((_, i) => columns.map((c) => c[i]));
  const p = names.length;
  if (kept.length < p)
    throw new InputError(
      'moderators',
      names.join(', '),
      `at most k = ${kept.length} model coefficients (studies with all moderators present)`,
    );
  // Collinear columns (a constant numeric moderator, a level present in no study, …) make X'X singular.
  const xtx = names.map((_, r) =>
    names.map((__, c) => X.reduce((s, row) => s + row[r] * row[c], 0)),
  );
  const scale = xtx.map((row, i) => Math.sqrt(row[i]) || 1);
  const scaled = xtx.map((row, r) => row.map((v, c) => v / (scale[r] * scale[c])));
  if (!(logDeterminant(scaled) > Math.log(1e-12)))
    throw new InputError(
      'moderators',
      names.join(', '),
      'moderators that are not collinear (the model matrix is rank deficient)',
    );
  return { X, names, terms, intercept, studies: kept, dropped };
}

/**
 * A model-matrix row for given moderator values (a number for a numeric moderator, a level
 * for a categorical one), coded as the fitted design, for predictions.
 * @example moderatorRow(fit.design, { ablat: 30 }) // [1, 30]
 */
export function moderatorRow(
  design: { names: readonly string[]; terms: readonly ModeratorTerm[]; intercept: boolean },
  values: Readonly<Record<string, number | string>>,
): number[] {
  const row = new Array<number>(design.names.length).fill(0);
  if (design.intercept) row[0] = 1;
  for (const name of Object.keys(values)) {
    if (!design.terms.some((t) => t.column === name))
      throw new InputError(
        'prediction',
        name,
        `a moderator of the model (${design.terms.map((t) => t.column).join(', ')})`,
      );
  }
  for (const term of design.terms) {
    const value = values[term.column];
    if (value === undefined)
      throw new InputError('prediction', term.column, 'a value for every moderator');
    if (term.type === 'numeric') {
      if (!isNumeric(value)) throw new InputError(`prediction ${term.column}`, value, 'a number');
      row[term.columns[0]] = Number(value);
      continue;
    }
    const level = String(value).trim();
    if (!term.levels!.includes(level))
      throw new InputError(
        `prediction ${term.column}`,
        level,
        `one of its levels: ${term.levels!.join(', ')}`,
      );
    const coded = term.reference === null ? term.levels! : term.levels!.slice(1);
    const j = coded.indexOf(level);
    if (j >= 0) row[term.columns[j]] = 1;
  }
  return row;
}
