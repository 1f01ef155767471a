/**
 * The warnings catalogue: every coded warning a result can carry, with its message template
 * (as vega-lite's log/message.ts). Results keep `warnings: string[]` (the messages, a `--json`
 * contract) and carry the same warnings with their codes in `codedWarnings`, so code that
 * reacts to a warning tests its code, never its text.
 *
 * @example warning('zero-cell-corrected', { correction: 0.5, measure: 'RR' })
 * // { code: 'zero-cell-corrected', message: 'a cell is zero: 0.5 was added to all four cells for the RR and its interval' }
 */
export const WARNINGS = {
  // Two-arm binary (src/stats/binary)
  'no-events-either-arm': (p: { measure: string; notEstimable?: boolean }) =>
    `no events in either arm: the ${p.measure} is not identifiable from the data${p.notEstimable ? ': not estimable' : ''}`,
  'all-events-both-arms': (p: { measure: string; notEstimable?: boolean }) =>
    `every patient in both arms had the event: the ${p.measure} is not identifiable from the data${p.notEstimable ? ': not estimable' : ''}`,
  'zero-cell-corrected': (p: { correction: number; measure: string }) =>
    `a cell is zero: ${p.correction} was added to all four cells for the ${p.measure} and its interval`,
  'zero-cell-not-estimable': (p: { method: string; measure: string }) =>
    `a zero cell makes the ${p.method} ${p.measure} undefined without a correction: not estimable`,
  'estimate-zero': (p: { measure: string; why: string }) =>
    `${p.why}: the ${p.measure} estimate is 0`,
  'estimate-infinite': (p: { measure: string; why: string }) =>
    `${p.why}: the ${p.measure} estimate and upper limit are infinite`,
  'interval-zero-width': (p: { method: string; why: string; use: string }) =>
    `the ${p.method} interval has zero width (${p.why}): use ${p.use}`,
  'interval-clipped': (p: { method: string; lower: number; upper: number; range: string }) =>
    `the ${p.method} interval (${p.lower}, ${p.upper}) extends beyond ${p.range} and was clipped`,
  'mh-no-events-every-stratum': (p: { measure: string }) =>
    `Mantel–Haenszel ${p.measure}: no events in one arm of every stratum: not estimable`,
  // τ² and meta-analysis (src/stats/meta)
  'tau2-not-estimable': (p: { k: number }) =>
    `τ² cannot be estimated from k = ${p.k} studies; τ² set to 0`,
  'tau2-at-boundary': (p: { method: string }) =>
    `τ² estimated at the boundary 0 (${p.method}): random-effects result equals the common-effect result`,
  'tau2-not-converged': (p: { method: string; detail: string }) => `${p.method}: ${p.detail}`,
  'tau2-local-maximum': (p: { method: string }) =>
    `${p.method}: Fisher scoring may have stopped at a local maximum (higher likelihood at τ² = 0); τ² set to 0`,
  'single-study': () =>
    'only one study (k = 1): the pooled estimate is that study’s estimate; τ² and heterogeneity cannot be estimated',
  'test-needs-k2': (p: { test: string }) =>
    `test "${p.test}" needs k ≥ 2 (t with k − 1 = 0 df); normal (z) inference used`,
  'hk-factor-floored': (p: { q: number }) =>
    `Hartung–Knapp factor ${p.q.toPrecision(4)} < 1 replaced by 1 (never narrower than the unadjusted CI)`,
  'pi-needs-more-studies': (p: { type: string; k: number; df: number }) =>
    `prediction interval "${p.type}" needs k ≥ ${p.k} (t with ${p.df} df); not given`,
  'studies-zero-cell-corrected': (p: { correction: number; studies: readonly string[] }) =>
    `${p.correction} added to every cell of ${p.studies.length} table(s) with a zero cell: ${p.studies.join(', ')}`,
  'study-dropped': (p: { study: string; reason: string }) => `${p.study} dropped: ${p.reason}`,
  'studies-zero-count-corrected': (p: { correction: number; studies: readonly string[] }) =>
    `${p.correction} added to the event counts of ${p.studies.length} stud${p.studies.length === 1 ? 'y' : 'ies'} with a zero count: ${p.studies.join(', ')}`,
  /** A warning from a part of the toolkit not yet given its own code. */
  other: (p: { message: string }) => p.message,
} as const;

export type WarningCode = keyof typeof WARNINGS;
type Params<C extends WarningCode> = Parameters<(typeof WARNINGS)[C]>;

/** A coded warning: what results carry in `codedWarnings`. */
export interface Warning {
  code: WarningCode;
  message: string;
}

/** Builds a coded warning from the catalogue. */
export function warning<C extends WarningCode>(code: C, ...params: Params<C>): Warning {
  const template = WARNINGS[code] as (p?: unknown) => string;
  return { code, message: template(params[0]) };
}

/** Wraps uncoded messages (from functions not yet coded) as `other`. */
export function uncoded(messages: readonly string[]): Warning[] {
  return messages.map((message) => ({ code: 'other', message }));
}

/** The messages of coded warnings, for the `warnings: string[]` field. */
export function messages(warnings: readonly Warning[]): string[] {
  return warnings.map((w) => w.message);
}
