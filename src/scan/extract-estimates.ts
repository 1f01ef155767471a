import { formatNumber } from '../format/number.js';
import { ciSymmetry } from '../stats/check/ci-symmetry.js';
import { checkPValueCi } from '../stats/check/p-value-from-ci.js';
import { numberPattern, readNumber, readRelation } from './scan-number.js';
import type { Candidate, ExtractContext } from './types.js';

/** Named measures, longest first, with the scale their intervals are built on. */
const MEASURES: readonly { pattern: string; measure: string; scale: 'natural' | 'log' }[] = [
  {
    pattern: 'standardi[sz]ed mean difference|différence moyenne standardisée|SMD',
    measure: 'SMD',
    scale: 'natural',
  },
  { pattern: 'incidence rate ratio|rate ratio|IRR', measure: 'IRR', scale: 'log' },
  {
    pattern: 'adjusted hazard ratio|hazard ratio|rapport de risques instantanés|a?HR',
    measure: 'HR',
    scale: 'log',
  },
  {
    pattern: 'adjusted odds ratio|odds[- ]ratio|rapport de cotes|a?OR',
    measure: 'OR',
    scale: 'log',
  },
  {
    pattern: 'risk ratio|relative risk|risque relatif|rapport de risques?|RR',
    measure: 'RR',
    scale: 'log',
  },
  { pattern: 'risk difference|différence de risques?|RD', measure: 'RD', scale: 'natural' },
  {
    pattern:
      'mean difference|différence moyenne|(?:placebo-)?adjusted difference|difference|différence|MD',
    measure: 'MD',
    scale: 'natural',
  },
];

/**
 * Estimates with confidence intervals, and p when printed: "HR 0.72 (0.61–0.85)",
 * "RR 1.5 [0.9; 2.5]", "MD −16.3 (95 % CI −20.4 to −12.1), p < 0.0001", "OR 2,1 (IC 95 %
 * 1,2–3,4) ; p=0,01". Checks, in order: the estimate lies inside its interval; p
 * agrees with the estimate and interval (Altman & Bland, log scale for ratios), at
 * the stated level or, when none is stated, at 90, 95 or 99 % (and the result says
 * which); without p, whether the interval is symmetric on the measure's scale
 * (`ciSymmetry`). An asymmetric interval is not an error (exact, score or profile
 * intervals are asymmetric): it is reported as not checked, with the reading.
 * @example extractEstimates(context('HR 0.72 (0.61–0.85)'))[0].verdict // 'consistent'
 */
export function extractEstimates(context: ExtractContext): Candidate[] {
  const { text, locale } = context;
  const N = numberPattern(locale);
  const REL = '(<=|>=|[=<>≤≥])';
  const names = MEASURES.map((entry) => entry.pattern).join('|');
  const level = `(?:(\\d{2}(?:[.,]\\d)?)\\s*%\\s*(?:CI|IC|confidence interval|intervalle de confiance|CrI)|(?:CI|IC|CrI)\\s*(?:à\\s*)?(\\d{2}(?:[.,]\\d)?)\\s*%|(?:CI|IC))?`;
  const separator = `\\s*(?:to|à|–|—|-|;|,|\\s)\\s*`;
  const pValue = `[pP]\\s*${REL}\\s*(${N})`;
  const pattern = new RegExp(
    `(?<![\\p{L}])(${names})(?![\\p{L}])(?:[\\s,:=]|\\b(?:of|was|de|était|était de)\\b|\\d+\\s?mg\\b|[^()\\[\\];.\\d\\u2212\\-]){0,40}?(${N})\\s*(?:%|points?|mg|ml)?\\s*[(\\[]\\s*${level}\\s*[:,]?\\s*(${N})${separator}(${N})\\s*(?:[;,]\\s*${pValue}\\s*)?[)\\]](?:\\s*[,;]?\\s*${pValue})?`,
    'gu',
  );
  const out: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    const [, name, rawE, lvl1, lvl2, rawL, rawU, relIn, rawPIn, relOut, rawPOut] = m;
    const entry = MEASURES.find((candidate) =>
      new RegExp(`^(?:${candidate.pattern})$`, 'iu').test(name),
    )!;
    // Abbreviations must be in capitals ("OR", not "or"; "HR", not "hr").
    if (
      /^(?:a?HR|a?OR|RR|RD|MD|SMD|IRR)$/i.test(name) &&
      name !== name.toUpperCase() &&
      !/^a/.test(name)
    )
      continue;
    const e = readNumber(rawE, locale);
    const lower = readNumber(rawL, locale);
    const upper = readNumber(rawU, locale);
    const stated = lvl1 ?? lvl2;
    const ciLevel = stated !== undefined ? Number(stated.replace(',', '.')) / 100 : null;
    const rawP = rawPIn ?? rawPOut;
    const p =
      rawP !== undefined
        ? { ...readNumber(rawP, locale), relation: readRelation(relIn ?? relOut) }
        : undefined;
    const base = {
      kind: 'estimate' as const,
      start: m.index,
      end: m.index + m[0].length,
      priority: 1,
    };
    const numbers: Record<string, unknown> = {
      measure: entry.measure,
      estimate: e.value,
      lower: lower.value,
      upper: upper.value,
      level: ciLevel,
      scale: entry.scale,
      ...(p ? { p: p.value, pRelation: p.relation } : {}),
    };
    if (lower.value > upper.value || (entry.scale === 'log' && !(lower.value > 0 && e.value > 0))) {
      out.push({
        ...base,
        check: 'estimate and CI',
        verdict: 'not-checked',
        reason: 'the interval could not be read unambiguously (bounds reversed, or a ratio ≤ 0)',
        numbers,
      });
      continue;
    }
    const symmetry = ciSymmetry(e, lower, upper);
    numbers.symmetry = symmetry;
    if (!symmetry.inside) {
      out.push({
        ...base,
        check: 'estimate inside its CI',
        verdict: 'inconsistent',
        reason: `${entry.measure} ${e.text} lies outside its own interval ${lower.text} to ${upper.text}`,
        numbers,
      });
      continue;
    }
    const levelNote =
      ciLevel === null
        ? 'level not stated: 90, 95 and 99 % tried'
        : `${Math.round(ciLevel * 1000) / 10} % CI`;
    if (p && p.value >= 0 && p.value <= 1) {
      const result = checkPValueCi({
        estimate: e,
        lower,
        upper,
        p,
        level: ciLevel,
        scale: entry.scale,
      });
      numbers.pCheck = {
        consistent: result.consistent,
        pRecomputed: result.pRecomputed,
        pRange: result.pRange,
        consistentLevels: result.consistentLevels,
        method: result.method,
      };
      const shownP = `p ${p.relation} ${p.text}`;
      const recomputed = `recomputed p = ${formatP(result.pRecomputed)}`;
      if (result.consistent) {
        const levels =
          ciLevel === null
            ? ` (fits at ${result.consistentLevels.map((x) => `${Math.round(x * 100)} %`).join(', ')})`
            : '';
        out.push({
          ...base,
          check: `p ↔ CI (${levelNote}, ${entry.scale} scale)`,
          verdict: 'consistent',
          reason: `${shownP} agrees with ${entry.measure} ${e.text} (${lower.text} to ${upper.text}): ${recomputed}${levels}`,
          numbers,
        });
      } else {
        out.push({
          ...base,
          check: `p ↔ CI (${levelNote}, ${entry.scale} scale)`,
          verdict: 'inconsistent',
          reason: `${shownP} does not follow from ${entry.measure} ${e.text} (${lower.text} to ${upper.text}): ${recomputed}, range ${formatP(result.pRange.lower)}–${formatP(result.pRange.upper)}${ciLevel === null ? ' at 95 %, and no level tried fits' : ''}`,
          numbers,
        });
      }
      continue;
    }
    const expected = entry.scale === 'log' ? symmetry.log : symmetry.linear;
    const scaleName = entry.scale === 'log' ? 'log' : 'linear';
    if (expected) {
      out.push({
        ...base,
        check: `CI symmetry (${scaleName} scale)`,
        verdict: 'consistent',
        reason: `${entry.measure} ${e.text} is at the centre of ${lower.text} to ${upper.text} on the ${scaleName} scale, as a Wald interval is (no p printed; ${levelNote})`,
        numbers,
      });
    } else {
      const other =
        entry.scale === 'log'
          ? symmetry.linear
            ? 'it is symmetric on the linear scale instead: a ratio interval computed on the wrong scale?'
            : 'it is symmetric on neither scale: an exact, score or profile interval, or a typo'
          : symmetry.log
            ? 'it is symmetric on the log scale instead: a back-transformed interval?'
            : 'it is symmetric on neither scale: a non-Wald interval, or a typo';
      out.push({
        ...base,
        check: `CI symmetry (${scaleName} scale)`,
        verdict: 'not-checked',
        reason: `no p printed, and the interval is not symmetric about ${e.text} on the ${scaleName} scale: ${other}`,
        numbers,
      });
    }
  }
  return out;
}

function formatP(p: number): string {
  return formatNumber(p, { digits: 2 });
}
