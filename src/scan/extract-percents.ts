import { percentCounts } from '../stats/check/percent-counts.js';
import { armsNamedIn, findArms, type StatedArm } from './find-arms.js';
import { groupSizes, referenceScope, referredGroup } from './group-sizes.js';
import { judgePercent } from './judge-percent.js';
import { numberPattern, readNumber, type ScannedNumber } from './scan-number.js';
import type { Candidate, ExtractContext } from './types.js';

// Nouns after "x % of N" that make N a quantity, not a number of people.
const UNITS =
  /^(?:mg|g|kg|µg|mcg|ml|mL|l|mmol|µmol|ng|cm|mm|m|km|h|hours?|heures?|min|minutes?|s|sec|seconds?|days?|jours?|weeks?|semaines?|months?|mois|years?|ans|années?|points?|mmHg|UI|IU|U|fois|times|%)$/i;

/**
 * Percentages with their counts: "k/n (x %)", "x % (k/n)", "k of n … (x %)", "k sur n",
 * "x % of N", "Sur N …, x %", "k (x %)" (checked against an arm named next to it,
 * otherwise not checked but with the denominators that fit), "x % … (n = k)" (not
 * checked: k may be the count or the group size), and a bare "x %" of an arm whose
 * size is stated elsewhere ("45 % of sirolimus-treated patients" with "sirolimus (n = 22)").
 * @example extractPercents(context('10/22 (45%)'))[0].verdict // 'consistent'
 */
export function extractPercents(context: ExtractContext): Candidate[] {
  const { text, locale } = context;
  const N = numberPattern(locale);
  const INT = '(?<![\\w.,])\\d+(?![\\w]|[.,]\\d)';
  const PCT = `(${N})\\s*%`;
  const out: Candidate[] = [];
  const num = (raw: string): ScannedNumber => readNumber(raw, locale);
  const arms = findArms(context);
  const of = locale === 'fr' ? '(?:sur|parmi|de|des)' : '(?:of|out of|among)';

  const add = (
    start: number,
    end: number,
    priority: number,
    check: string,
    judged: Pick<Candidate, 'verdict' | 'reason' | 'numbers'>,
  ): void => {
    out.push({ kind: 'percent', start, end, priority, check, ...judged });
  };
  const judgeCount = (percent: ScannedNumber, k: number, n: number) => {
    const judged = judgePercent(percent, k, n);
    return { verdict: judged.verdict, reason: judged.reason, numbers: { ...judged.numbers } };
  };

  // k/n (x %)
  for (const m of text.matchAll(
    new RegExp(`(${INT})\\s*/\\s*(${INT})\\s*[(\\[]\\s*${PCT}\\s*[)\\]]`, 'g'),
  )) {
    const percent = num(m[3]);
    add(
      m.index,
      m.index + m[0].length,
      1,
      'percent ↔ count (k/n)',
      judgeCount(percent, Number(m[1]), Number(m[2])),
    );
  }
  // x % (k/n)
  for (const m of text.matchAll(
    new RegExp(`${PCT}\\s*[(\\[]\\s*(${INT})\\s*/\\s*(${INT})\\s*[)\\];,]`, 'g'),
  )) {
    const percent = num(m[1]);
    add(
      m.index,
      m.index + m[0].length,
      1,
      'percent ↔ count (k/n)',
      judgeCount(percent, Number(m[2]), Number(m[3])),
    );
  }
  // k of n … (x %)
  for (const m of text.matchAll(
    new RegExp(
      `(${INT})\\s+${of}\\s+(?:thes+|les\\s+|ces\\s+)?(${INT})(?:[\\s-]+\\p{L}[\\p{L}-]*){0,4}?\\s*[(\\[]\\s*${PCT}\\s*[)\\]]`,
      'gu',
    ),
  )) {
    const percent = num(m[3]);
    add(
      m.index,
      m.index + m[0].length,
      1,
      'percent ↔ count (k of n)',
      judgeCount(percent, Number(m[1]), Number(m[2])),
    );
  }
  // k (x %) of n
  for (const m of text.matchAll(
    new RegExp(
      `(${INT})\\s*[(\\[]\\s*${PCT}\\s*[)\\]]\\s+${of}\\s+(?:the\\s+|les\\s+|ces\\s+)?(${INT})(?![\\d])`,
      'gu',
    ),
  )) {
    const percent = num(m[2]);
    add(
      m.index,
      m.index + m[0].length,
      1,
      'percent ↔ count (k of n)',
      judgeCount(percent, Number(m[1]), Number(m[3])),
    );
  }
  // x % of N people
  const ofN =
    locale === 'fr'
      ? `(?:des|de|parmi\\s+les|d['’]une?\\s+(?:\\p{L}+\\s+){1,3}?de)`
      : `(?:of(?:\\s+the|\\s+all)?|among(?:\\s+the)?)`;
  for (const m of text.matchAll(
    new RegExp(`${PCT}\\s+${ofN}\\s+(${N})\\s+(\\p{L}[\\p{L}-]*)`, 'gu'),
  )) {
    if (UNITS.test(m[3])) continue;
    const n = num(m[2]);
    if (n.decimals > 0 || n.value < 1) continue;
    add(
      m.index,
      m.index + m[0].length,
      2,
      'percent of a stated denominator',
      percentOf(num(m[1]), n.value),
    );
  }
  // Sur N patients …, x %   /   Among the N patients …, x %
  const lead =
    locale === 'fr'
      ? '(?:Sur|Parmi)\\s+(?:les\\s+|ces\\s+)?'
      : '(?:Among|Of)\\s+(?:the\\s+|these\\s+)?';
  for (const m of text.matchAll(
    new RegExp(
      `\\b${lead}(${N})\\s+(\\p{L}[\\p{L}-]*)[^%.;:\\d]{0,120}?,\\s*(?:(${INT})\\s*[(\\[]\\s*)?${PCT}`,
      'gu',
    ),
  )) {
    if (UNITS.test(m[2])) continue;
    const n = num(m[1]);
    if (n.decimals > 0 || n.value < 1) continue;
    if (m[3] !== undefined) {
      // "Of 120 studies, 22 (18 %) …": the count and its percentage of N
      const at = m.index + m[0].lastIndexOf(m[3]);
      add(
        at,
        m.index + m[0].length + (/^\s*[)\]]/.test(text.slice(m.index + m[0].length)) ? 1 : 0),
        1,
        'percent ↔ count (k of a stated N)',
        judgeCount(num(m[4]), Number(m[3]), n.value),
      );
      continue;
    }
    const at = m.index + m[0].lastIndexOf(m[4]);
    add(
      at,
      m.index + m[0].length,
      2,
      'percent of a stated denominator',
      percentOf(num(m[4]), n.value),
    );
  }
  // x % d'entre eux / of them / des enfants — and "Parmi eux, x %": the group named before
  const them =
    locale === 'fr'
      ? `(?:d['’]entre\\s+(?:eux|elles)|des\\s+(?:patients|enfants|participants|adultes|malades|sujets|jeunes|personnes|vétérans))`
      : `(?:of\\s+(?:them|these|those|the\\s+(?:patients|children|participants|adults|subjects))|of\\s+(?:patients|participants))`;
  const themLead =
    locale === 'fr'
      ? '(?:Parmi\\s+(?:eux|elles|ceux-ci|celles-ci))'
      : '(?:Among\\s+(?:them|these)|Of\\s+(?:them|these))';
  const anaphoric = [
    new RegExp(`${PCT}\\s+${them}(?![\\p{L}])`, 'gu'),
    new RegExp(`${themLead}\\s*,\\s*${PCT}`, 'gu'),
  ];
  for (const pattern of anaphoric) {
    for (const m of text.matchAll(pattern)) {
      const percent = num(m[1]);
      const at = m.index + m[0].indexOf(m[1]);
      const pronoun = /entre|eux|elles|them|these|those|ceux|celles/i.test(m[0]);
      const following = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const restricted =
        /^\s*(?:sous|ayant|avec|qui|traités?|traitées?|recevant|atteints?|who|with|on|receiving|treated|that|in the|dans le|du groupe)\b/i.test(
          following,
        );
      const { group, candidates, why } = referredGroup(context, at, { pronoun });
      if (group && restricted) {
        add(m.index, m.index + m[0].length, 2, 'percent of the group named before', {
          verdict: 'not-checked',
          reason: `"${m[0].trim()}${following.split(/[,.;]/)[0].replace(/\s+\S*$/, '')}" is a subset of the ${group.n} named before: its size is not stated`,
          numbers: { percent: percent.value, decimals: percent.decimals, candidates },
        });
      } else if (group) {
        const judged = percentOf(percent, group.n);
        add(m.index, m.index + m[0].length, 2, 'percent of the group named before', {
          ...judged,
          reason: `${judged.reason} (the group of ${group.n} named in the same passage)`,
          numbers: { ...judged.numbers, groupStart: group.start },
        });
      } else {
        // Unresolved: any other reading of the same figure ("(n = k)" after it) goes first.
        add(m.index, m.index + m[0].length, 5, 'percent of the group named before', {
          verdict: 'not-checked',
          reason:
            candidates.length === 0
              ? `"${m[0].trim()}": no group size stated in the passage`
              : `"${m[0].trim()}": the group is ambiguous (${candidates.join(' or ')}${why ? `; ${why}` : ''})`,
          numbers: { percent: percent.value, decimals: percent.decimals, candidates },
        });
      }
    }
  }
  // (x % versus y %) with two groups named in the passage, in that order
  for (const m of text.matchAll(
    new RegExp(`${PCT}\\s*(?:versus|vs\\.?|contre|compared with|against)\\s*${PCT}`, 'gu'),
  )) {
    const scope = referenceScope(context, m.index);
    const sizes = groupSizes(context, { start: scope.start, end: m.index });
    const distinct = [...new Map(sizes.map((size) => [size.n, size])).values()];
    if (distinct.length !== 2) continue;
    const second = m.index + m[0].lastIndexOf(m[2]);
    const pairs: [string, number, number, number][] = [
      [m[1], distinct[0].n, m.index, m.index + m[0].indexOf('%') + 1],
      [m[2], distinct[1].n, second, m.index + m[0].length],
    ];
    for (const [raw, n, start, end] of pairs) {
      const judged = percentOf(num(raw), n);
      add(start, end, 2, 'paired shares of two groups named before (in order)', {
        ...judged,
        reason: `${judged.reason} (groups of ${distinct[0].n} and ${distinct[1].n}, in the order named)`,
      });
    }
  }
  // k (x %)
  for (const m of text.matchAll(new RegExp(`(${INT})\\s*[(\\[]\\s*${PCT}\\s*[)\\]]`, 'g'))) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/[/]\s*$|(?:of|sur|parmi)\s+$/.test(before)) continue;
    const k = Number(m[1]);
    // "in 2019 (45 %)": a year, not a count
    if (
      k >= 1900 &&
      k <= 2100 &&
      /\b(?:in|en|since|depuis|from|de|until|by|year|année)\s+$/i.test(before)
    )
      continue;
    const percent = num(m[2]);
    const end = m.index + m[0].length;
    const arm = namedArm(arms, text, end);
    if (arm) {
      add(
        m.index,
        end,
        3,
        `percent ↔ count, arm size stated elsewhere (${arm.label}, n = ${arm.n})`,
        armJudgement(judgeCount(percent, k, arm.n), arm),
      );
      continue;
    }
    add(m.index, end, 3, 'percent ↔ count (denominator not stated)', {
      verdict: 'not-checked',
      reason: `no denominator next to ${k} (${percent.value} %): ${describeDenominators(percent, k)}`,
      numbers: {
        count: k,
        percent: percent.value,
        decimals: percent.decimals,
        denominators: fittingDenominators(percent, k),
      },
    });
  }
  // x % … (n = k)
  for (const m of text.matchAll(
    new RegExp(`${PCT}[^()%.;\\d]{0,80}?[(\\[]\\s*[nN]\\s*=\\s*(${INT})\\s*[)\\]]`, 'g'),
  )) {
    const percent = num(m[1]);
    const k = Number(m[2]);
    const asGroup = percentCounts(percent, Math.max(k, 1));
    const arm = namedArm(arms, text, m.index + m[0].indexOf('%') + 1);
    if (arm && arm.n >= k) {
      add(
        m.index,
        m.index + m[0].length,
        4,
        `percent ↔ count, arm size stated elsewhere (${arm.label}, n = ${arm.n})`,
        armJudgement(judgeCount(percent, k, arm.n), arm),
      );
      continue;
    }
    add(m.index, m.index + m[0].length, 4, 'percent with "(n = k)" (count or group size?)', {
      verdict: 'not-checked',
      reason: `"(n = ${k})" may be the count or the group size: as a count, ${describeDenominators(percent, k)}; as a group size, ${asGroup.consistent ? `${asGroup.counts.join(' or ')}/${k}` : 'no count fits'}`,
      numbers: {
        percent: percent.value,
        decimals: percent.decimals,
        n: k,
        denominatorsIfCount: fittingDenominators(percent, k),
        countsIfGroupSize: asGroup.counts,
      },
    });
  }
  // x % of an arm stated elsewhere
  for (const m of text.matchAll(new RegExp(PCT, 'g'))) {
    const end = m.index + m[0].length;
    const arm = namedArm(arms, text, end);
    if (!arm) continue;
    const percent = num(m[1]);
    if (percent.value > 100) continue;
    add(
      m.index,
      end,
      6,
      `percent of an arm whose size is stated elsewhere (${arm.label}, n = ${arm.n})`,
      armJudgement(percentOf(percent, arm.n), arm),
    );
  }
  return out;
}

/** The one arm named in the clause right after a percentage ("… (11 %) in the 150 mg group", "45 % of sirolimus-treated"). */
function namedArm(arms: readonly StatedArm[], text: string, from: number): StatedArm | undefined {
  if (arms.length === 0) return undefined;
  const rest = text.slice(from, from + 70);
  const stop = rest.search(/[;.!?]\s|\d\s*%|\bvs\.?\b|\bversus\b|\bcompared\b|\bcontre\b|,\s/);
  const window = stop < 0 ? rest : rest.slice(0, stop);
  if (
    !/^\s*\)?\s*(?:of|in|among|with|on|receiving|des|du|de|dans|chez|parmi|sous|avec)\b/i.test(
      window,
    )
  )
    return undefined;
  const named = armsNamedIn(arms, window);
  return named.length === 1 ? named[0] : undefined;
}

function armJudgement(
  judged: { verdict: Candidate['verdict']; reason: string; numbers: Record<string, unknown> },
  arm: StatedArm,
) {
  return {
    verdict: judged.verdict,
    reason: `${judged.reason} (denominator: the ${arm.label} arm, n = ${arm.n}, stated elsewhere in the text)`,
    numbers: {
      ...judged.numbers,
      arm: { label: arm.label, n: arm.n, start: arm.start, end: arm.end },
    },
  };
}

/** "x % of N": some whole count of N must print as x. */
function percentOf(
  percent: ScannedNumber,
  n: number,
): Pick<Candidate, 'verdict' | 'reason' | 'numbers'> {
  if (percent.value > 100)
    return {
      verdict: 'not-checked',
      reason: `${percent.value} % is over 100 %: not a share of ${n}`,
      numbers: { percent: percent.value, n },
    };
  const fit = percentCounts(percent, n);
  if (fit.consistent) {
    return {
      verdict: 'consistent',
      reason: `${percent.value} % of ${n} = ${fit.counts.map((k) => `${k}/${n}`).join(' or ')}`,
      numbers: { percent: percent.value, decimals: percent.decimals, n, fittingCounts: fit.counts },
    };
  }
  const low = Math.floor((percent.value * n) / 100);
  const near = [low, low + 1]
    .filter((k) => k >= 0 && k <= n)
    .map((k) => `${k}/${n} = ${((100 * k) / n).toFixed(percent.decimals + 1)} %`);
  return {
    verdict: 'inconsistent',
    reason: `no whole count of ${n} gives ${percent.value} % (${near.join(', ')})`,
    numbers: { percent: percent.value, decimals: percent.decimals, n, fittingCounts: [] },
  };
}

/** Denominators n ≥ k for which k/n prints as the percentage (at most 1000 listed). */
export function fittingDenominators(percent: ScannedNumber, k: number): number[] {
  if (percent.value <= 0) return [];
  const half = 0.5 * 10 ** -percent.decimals;
  const low = Math.max(k, 1, Math.floor((100 * k) / (percent.value + half)));
  const high =
    percent.value - half > 0 ? Math.ceil((100 * k) / (percent.value - half)) : low + 1000;
  const ns: number[] = [];
  for (let n = low; n <= Math.min(high, low + 1000); n++)
    if (percentCounts(percent, n).counts.includes(k)) ns.push(n);
  return ns;
}

function describeDenominators(percent: ScannedNumber, k: number): string {
  const ns = fittingDenominators(percent, k);
  if (ns.length === 0) return `no denominator gives ${k} as ${percent.value} %`;
  if (ns.length <= 6) return `${k}/n prints as ${percent.value} % for n = ${ns.join(', ')}`;
  return `${k}/n prints as ${percent.value} % for n = ${ns[0]} to ${ns.at(-1)}`;
}
