import { formatNumber } from '../format/number.js';
import { checkTestStatistic, type StatisticKind } from '../stats/check/check-test-statistic.js';
import { numberPattern, readNumber, readRelation } from './scan-number.js';
import type { Candidate, ExtractContext } from './types.js';

/**
 * Test statistics in the statcheck style, with their p: "t(28) = 2.20, p = .03",
 * "F(2, 57) = 4.10, p < .05", "χ²(1) = 3.84, p = 0,05", "r(40) = .31, p = .045",
 * "z = 2.33, p = .02". Each is checked with `checkTestStatistic` (statcheck's rules:
 * the statistic stands for its rounding interval; a decision error is an
 * inconsistency that moves p across 0.05).
 * @example extractTestStatistics(context('t(28) = 2.20, p = .03'))[0].verdict // 'inconsistent'
 */
export function extractTestStatistics(context: ExtractContext): Candidate[] {
  const { text, locale } = context;
  const N = numberPattern(locale);
  const REL = '(<=|>=|[=<>≤≥])';
  const DF = '(\\d+(?:[.,]\\d+)?)';
  const tail = `\\s*${REL}\\s*(${N})\\s*[,;]\\s*(?:two-sided\\s+|bilatéral\\s+)?[pP]\\s*${REL}\\s*(${N})`;
  const forms: { test: StatisticKind; pattern: string; dfs: 0 | 1 | 2 }[] = [
    { test: 't', pattern: `(?<![\\p{L}\\d])t\\s*\\(\\s*${DF}\\s*\\)${tail}`, dfs: 1 },
    {
      test: 'F',
      pattern: `(?<![\\p{L}\\d])F\\s*\\(\\s*${DF}\\s*[,;]\\s*${DF}\\s*\\)${tail}`,
      dfs: 2,
    },
    {
      test: 'chisq',
      pattern: `(?:χ|chi|Chi|X)\\s*(?:²|2|\\^2|-square[d]?)\\s*\\(\\s*${DF}(?:\\s*[,;]\\s*[nN]\\s*=\\s*\\d+)?\\s*\\)${tail}`,
      dfs: 1,
    },
    { test: 'r', pattern: `(?<![\\p{L}\\d])r\\s*\\(\\s*${DF}\\s*\\)${tail}`, dfs: 1 },
    { test: 'z', pattern: `(?<![\\p{L}\\d])[zZ]${tail}`, dfs: 0 },
    { test: 'Q', pattern: `(?<![\\p{L}\\d])Q\\s*\\(\\s*${DF}\\s*\\)${tail}`, dfs: 1 },
  ];
  const out: Candidate[] = [];
  for (const form of forms) {
    for (const m of text.matchAll(new RegExp(form.pattern, 'gu'))) {
      const groups = m.slice(1);
      const dfs = groups.slice(0, form.dfs).map((raw) => Number(raw.replace(',', '.')));
      const [statRel, rawStat, pRel, rawP] = groups.slice(form.dfs);
      const statistic = { ...readNumber(rawStat, locale), relation: readRelation(statRel) };
      const p = { ...readNumber(rawP, locale), relation: readRelation(pRel) };
      const label = `${form.test === 'chisq' ? 'χ²' : form.test}${dfs.length ? `(${dfs.join(', ')})` : ''} ${statRel} ${rawStat}, p ${pRel} ${rawP}`;
      const base = {
        kind: 'test-statistic' as const,
        start: m.index,
        end: m.index + m[0].length,
        priority: 1,
        check: `statistic ↔ p (statcheck rules, ${form.test})`,
      };
      const numbers: Record<string, unknown> = {
        test: form.test,
        statistic: statistic.value,
        df: dfs[0],
        df2: dfs[1],
        p: p.value,
        pRelation: p.relation,
      };
      try {
        const result = checkTestStatistic({
          test: form.test,
          statistic,
          df: dfs[0],
          df2: dfs[1],
          p,
        });
        Object.assign(numbers, {
          pRecomputed: result.pRecomputed,
          pRange: result.pRange,
          decisionError: result.decisionError,
        });
        const recomputed = `recomputed p = ${formatNumber(result.pRecomputed, { digits: 2 })}`;
        if (result.consistent)
          out.push({ ...base, verdict: 'consistent', reason: `${label}: ${recomputed}`, numbers });
        else
          out.push({
            ...base,
            verdict: 'inconsistent',
            reason: `${label}: ${recomputed} (range ${formatNumber(result.pRange.lower, { digits: 2 })}–${formatNumber(result.pRange.upper, { digits: 2 })})${result.decisionError ? ', and the conclusion at α = 0.05 changes (decision error)' : ''}`,
            numbers,
          });
      } catch (error) {
        out.push({
          ...base,
          verdict: 'not-checked',
          reason: `not a valid ${form.test} statistic: ${(error as Error).message}`,
          numbers,
        });
      }
    }
  }
  return out;
}
