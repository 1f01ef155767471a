import { referredGroup } from './group-sizes.js';
import { numberPattern, readNumber } from './scan-number.js';
import type { Candidate, ExtractContext } from './types.js';

const FRACTIONS: Record<string, [number, number]> = {
  half: [1, 2],
  third: [1, 3],
  quarter: [1, 4],
  fifth: [1, 5],
  tenth: [1, 10],
  'two-thirds': [2, 3],
  'two thirds': [2, 3],
  'three-quarters': [3, 4],
  'three quarters': [3, 4],
  moitié: [1, 2],
  tiers: [1, 3],
  quart: [1, 4],
  cinquième: [1, 5],
  dixième: [1, 10],
  'deux tiers': [2, 3],
  'trois quarts': [3, 4],
};

/**
 * Verbal fractions of a stated number: "half of 55", "a third of the 27 patients",
 * "près du quart de 191", "la moitié des 40 enfants". Said exactly, the fraction of N
 * must be a whole count (half of 44 = 22: consistent; half of 55 = 27.5: only through
 * rounding). With a hedge ("about", "nearly", "près de", "environ", "plus de") it is
 * not checked, and the count it points to is given.
 * @example extractVerbalFractions(context('Half of 55 patients responded.'))[0].verdict // 'rounding'
 */
export function extractVerbalFractions(context: ExtractContext): Candidate[] {
  const { text, locale } = context;
  const N = numberPattern(locale);
  const pattern =
    locale === 'fr'
      ? new RegExp(
          `(?<![\\p{L}])((?:près\\s+d[eu'’]|presque|environ|plus\\s+d[eu'’]|moins\\s+d[eu'’]|un\\s+peu\\s+plus\\s+d[eu'’]|quasiment|pratiquement)\\s*)?(?:la\\s+|le\\s+|un\\s+|du\\s+|de\\s+la\\s+|d['’]un\\s+)?(moitié|deux\\s+tiers|trois\\s+quarts|tiers|quart|cinquième|dixième)\\s+(?:de|des|d['’])\\s*(?:ces\\s+|les\\s+|nos\\s+)?(${N})(?![\\d])`,
          'giu',
        )
      : new RegExp(
          `(?<![\\p{L}])((?:about|nearly|almost|approximately|roughly|around|over|more than|less than|fewer than|just over|just under|some)\\s+)?(?:a\\s+|one[-\\s])?(half|two[-\\s]thirds|three[-\\s]quarters|third|quarter|fifth|tenth)\\s+of\\s+(?:the\\s+|these\\s+|all\\s+|our\\s+)?(${N})(?![\\d])`,
          'giu',
        );
  const out: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    const [, hedge, word, raw] = m;
    const n = readNumber(raw, locale);
    if (n.decimals > 0 || n.value < 2) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s*(?:mg|g|kg|ml|%|years?|ans|days?|jours|months?|mois)\b/i.test(after)) continue;
    const [a, b] =
      FRACTIONS[
        word
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .replace('two thirds', 'two-thirds')
          .replace('three quarters', 'three-quarters')
      ] ?? FRACTIONS[word.toLowerCase().replace(/\s+/g, ' ')];
    const exact = (a * n.value) / b;
    const numbers = { fraction: `${a}/${b}`, n: n.value, exact, hedged: Boolean(hedge) };
    const base = {
      kind: 'verbal-fraction' as const,
      start: m.index + (m[0].length - m[0].trimStart().length),
      end: m.index + m[0].length,
      priority: 3,
      check: 'verbal fraction of a stated number',
    };
    if (hedge) {
      out.push({
        ...base,
        verdict: 'not-checked',
        reason: `a hedged fraction ("${hedge.trim()}"): ${a}/${b} of ${n.value} = ${round(exact)}, i.e. about ${Math.round(exact)}`,
        numbers,
      });
    } else if (Number.isInteger(exact)) {
      out.push({
        ...base,
        verdict: 'consistent',
        reason: `${a}/${b} of ${n.value} = ${exact}`,
        numbers,
      });
    } else {
      out.push({
        ...base,
        verdict: 'rounding',
        reason: `${a}/${b} of ${n.value} = ${round(exact)}, not a whole count: "${word}" must stand for ${Math.floor(exact)} or ${Math.ceil(exact)}`,
        numbers,
      });
    }
  }
  // "près du quart d'entre eux", "la moitié des enfants", "a third of them": the group named in the passage
  const anaphoric =
    locale === 'fr'
      ? /(?<![\p{L}])((?:près\s+d[eu'’]|presque|environ|plus\s+d[eu'’]|moins\s+d[eu'’]|quasiment|pratiquement|seul(?:ement)?)\s*)?(?:la\s+|le\s+|un\s+|du\s+|de\s+la\s+|d['’]un\s+)?(moitié|deux\s+tiers|trois\s+quarts|tiers|quart)\s+(?:d['’]entre\s+(?:eux|elles)|des\s+(?:patients|enfants|participants|adultes|malades|personnes))(?![\p{L}])/giu
      : /(?<![\p{L}])((?:about|nearly|almost|approximately|roughly|around|over|more than|less than|only)\s+)?(?:a\s+|one[-\s])?(half|two[-\s]thirds|three[-\s]quarters|third|quarter)\s+of\s+(?:them|these|the\s+(?:patients|children|participants|adults))(?![\p{L}])/giu;
  for (const m of text.matchAll(anaphoric)) {
    const [, hedge, word] = m;
    const [a, b] =
      FRACTIONS[
        word
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .replace('two thirds', 'two-thirds')
          .replace('three quarters', 'three-quarters')
      ];
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const base = {
      kind: 'verbal-fraction' as const,
      start,
      end: m.index + m[0].length,
      priority: 3,
      check: 'verbal fraction of the group named before',
    };
    const { group, candidates, why } = referredGroup(context, start, {
      pronoun: /entre|them|these/i.test(m[0]),
    });
    if (!group) {
      out.push({
        ...base,
        verdict: 'not-checked',
        reason: candidates.length
          ? `the group is ambiguous (${candidates.join(' or ')}${why ? `; ${why}` : ''})`
          : 'no group size stated in the passage',
        numbers: { fraction: `${a}/${b}`, candidates },
      });
      continue;
    }
    const exact = (a * group.n) / b;
    const numbers = {
      fraction: `${a}/${b}`,
      n: group.n,
      exact,
      hedged: Boolean(hedge && !/^seul|^only/i.test(hedge)),
    };
    if (numbers.hedged)
      out.push({
        ...base,
        verdict: 'not-checked',
        reason: `a hedged fraction ("${hedge.trim()}") of the ${group.n} named in the passage: ${round(exact)}, i.e. about ${Math.round(exact)}`,
        numbers,
      });
    else if (Number.isInteger(exact))
      out.push({
        ...base,
        verdict: 'consistent',
        reason: `${a}/${b} of the ${group.n} named in the passage = ${exact}`,
        numbers,
      });
    else
      out.push({
        ...base,
        verdict: 'rounding',
        reason: `${a}/${b} of the ${group.n} named in the passage = ${round(exact)}, not a whole count: "${word}" must stand for ${Math.floor(exact)} or ${Math.ceil(exact)}`,
        numbers,
      });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
