import { SUBSET_WORDS, findArms, type StatedArm } from './find-arms.js';
import { numberPattern, readNumber } from './scan-number.js';
import type { Candidate, ExtractContext, Span } from './types.js';

const PEOPLE =
  '(?:patients|participants|subjects|children|adults|volunteers|enfants|adultes|sujets|malades|volontaires|individuals|personnes)';
const RANDOMISED =
  '(?:randomi[sz]ed|randomly\\s+(?:assigned|allocated)|allocated|enrolled|included|inclus|incluses|randomisés|randomisées|tirés au sort|répartis)';

/**
 * Arm sizes that should add up to a randomised total: "44 participants were randomised:
 * sirolimus (n = 22), placebo (n = 22)", "75 randomised: 150 mg n = 15, 600 mg n = 37,
 * placebo n = 23", "44 participants … 22 per arm". Arms are read from the sentence of
 * the total and the next one, and never from a sentence (from the word on) about a
 * subset (per-protocol, completers, analysed, withdrawn): "n = 44 … per-protocol
 * n = 38" is not a mismatch. "k per arm" needs the number of arms ("1:1", "two
 * groups"); without it the total must be a multiple of k.
 * @example extractArmSizes(context('44 patients were randomised: sirolimus (n = 22) and placebo (n = 21).'))[0].verdict // 'inconsistent'
 */
export function extractArmSizes(context: ExtractContext): Candidate[] {
  const { text, locale, sentences } = context;
  const N = numberPattern(locale);
  const arms = findArms(context);
  const totals = [
    new RegExp(
      `(${N})\\s+(?:[\\p{L}-]+\\s+){0,3}?${PEOPLE}\\b[^.;:]{0,40}?\\b(?:were\\s+|have been\\s+|ont été\\s+|été\\s+)?${RANDOMISED}`,
      'giu',
    ),
    new RegExp(
      `\\b${RANDOMISED}\\s*(?:[:=]\\s*|\\s+)(?:a total of\\s+|au total\\s+)?(${N})\\b(?!\\s*(?:mg|%|years?|ans))`,
      'giu',
    ),
    new RegExp(`\\b(?:a total of|au total|total of)\\s+(${N})\\s+${PEOPLE}`, 'giu'),
  ];
  const out: Candidate[] = [];
  const used = new Set<number>();
  for (const pattern of totals) {
    for (const m of text.matchAll(pattern)) {
      const raw = m[1];
      const at = m.index + m[0].indexOf(raw);
      if (used.has(at)) continue;
      const total = readNumber(raw, locale);
      if (total.decimals > 0 || total.value < 2) continue;
      const sentenceIndex = sentences.findIndex((span) => span.start <= at && at < span.end);
      if (sentenceIndex < 0) continue;
      const sentence = sentences[sentenceIndex];
      if (SUBSET_WORDS.test(text.slice(sentence.start, at))) continue; // the total itself is a subset
      used.add(at);
      const scope: Span[] = [sentence, sentences[sentenceIndex + 1]].filter(
        (span): span is Span => span !== undefined,
      );
      const inScope = arms.filter(
        (arm) =>
          !arm.subset &&
          arm.start > at &&
          scope.some((span) => span.start <= arm.start && arm.start < span.end),
      );
      // Arms in the next sentence only count when that sentence lists two or more.
      const inFirst = inScope.filter((arm) => arm.start < sentence.end);
      const chosen = inFirst.length > 0 ? inFirst : inScope.length >= 2 ? inScope : [];
      const judged = judgeArms(total.value, chosen, text.slice(sentence.start, scope.at(-1)!.end));
      if (!judged) continue;
      out.push({
        kind: 'arm-sizes',
        start: at,
        end: at + raw.length,
        priority: 5,
        check: 'arm sizes add up to the total',
        ...judged,
      });
    }
  }
  return out;
}

function judgeArms(
  total: number,
  arms: StatedArm[],
  scope: string,
): Pick<Candidate, 'verdict' | 'reason' | 'numbers'> | undefined {
  const perArm = arms.filter((arm) => arm.key === 'per arm');
  const named = arms.filter((arm) => arm.key !== 'per arm');
  if (perArm.length > 0) {
    const k = perArm[0].n;
    const count = armCount(scope);
    const numbers = { total, perArm: k, arms: count };
    if (count !== undefined) {
      return k * count === total
        ? { verdict: 'consistent', reason: `${count} arms × ${k} = ${total}`, numbers }
        : {
            verdict: 'inconsistent',
            reason: `${count} arms × ${k} = ${k * count}, not the ${total} stated`,
            numbers,
          };
    }
    return total % k === 0
      ? {
          verdict: 'consistent',
          reason: `${total} = ${total / k} arms × ${k} (number of arms not stated)`,
          numbers,
        }
      : {
          verdict: 'inconsistent',
          reason: `${total} is not a whole number of arms of ${k}`,
          numbers,
        };
  }
  if (named.length < 2) return undefined;
  const sum = named.reduce((acc, arm) => acc + arm.n, 0);
  const numbers = { total, arms: named.map((arm) => ({ label: arm.label, n: arm.n })), sum };
  const list = named.map((arm) => `${arm.label} ${arm.n}`).join(' + ');
  return sum === total
    ? { verdict: 'consistent', reason: `${list} = ${total}`, numbers }
    : { verdict: 'inconsistent', reason: `${list} = ${sum}, not the ${total} randomised`, numbers };
}

/** Number of arms stated in the text: "1:1" → 2, "1:1:1" → 3, "two groups", "deux bras". */
function armCount(scope: string): number | undefined {
  const ratio = /\b\d(?::\d){1,4}\b/.exec(scope);
  if (ratio) return ratio[0].split(':').length;
  const words: Record<string, number> = {
    two: 2,
    three: 3,
    four: 4,
    deux: 2,
    trois: 3,
    quatre: 4,
    '2': 2,
    '3': 3,
    '4': 4,
  };
  const named =
    /\b(two|three|four|deux|trois|quatre|[234])\s+(?:arms|groups|bras|groupes|parallel groups)\b/i.exec(
      scope,
    );
  return named ? words[named[1].toLowerCase()] : undefined;
}
