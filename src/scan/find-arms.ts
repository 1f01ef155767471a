import { spanAt } from './sentences.js';
import type { ExtractContext } from './types.js';

/** An arm size stated in the text: "sirolimus (n = 22)", "22 in the placebo group", "22 per arm". */
export interface StatedArm {
  /** The label as printed ("sirolimus", "150 mg"), or `per arm` for "k per arm". */
  label: string;
  /** Lower-case word(s) used to recognise the arm elsewhere in the text. */
  key: string;
  n: number;
  start: number;
  end: number;
  /** Whether the sentence describes a subset (per-protocol, completers, …). */
  subset: boolean;
}

/** Words that mark a sentence (from that word on) as describing a subset of the randomised participants. */
export const SUBSET_WORDS =
  /\b(?:per[- ]protocol|completers?|completed|evaluable|analy[sz]ed|analysable|analysés?|analysées?|lost to follow[- ]up|perdus? de vue|withdrew|withdrawn|discontinued|arrêt|subgroups?|sous[- ]groupes?|subset|modified intention|mITT|safety population|population de tolérance|ayant terminé)\b/i;

// Words skipped when reading an arm label backwards ("the placebo group (n = 23)"), and words that mean "not an arm label".
const SKIP =
  /^(?:the|a|an|of|to|with|for|le|la|les|du|des|de|au|aux|group|groups|arm|arms|groupe|groupes|bras|receiving|recevant|et|and|or|ou|vs|versus)$/i;
const REJECT =
  /^(?:in|dans|patients?|participants?|subjects?|children|adults?|enfants?|adultes?|assigned|randomi[sz]ed|randomisé(?:e|s|es)?|allocated|included|inclus|enrolled|treated|traités?|were|was|is|are|été|ont|sont|total|all|each|cohort|cohorte|population|analysis|analyse|sample|échantillon)$/i;

/**
 * Arm sizes stated anywhere in the text. A "(n = k)" directly after a percentage in
 * the same clause is the count behind that percentage, not an arm, and is skipped.
 * @example findArms(context('Patients were randomised to sirolimus (n = 22) or placebo (n = 22).')).map((a) => a.key) // ['sirolimus', 'placebo']
 */
export function findArms(context: ExtractContext): StatedArm[] {
  const { text, sentences } = context;
  const arms: StatedArm[] = [];
  const subsetFrom = (offset: number): boolean => {
    const sentence = spanAt(sentences, offset) ?? { start: 0, end: text.length };
    const before = text.slice(sentence.start, offset);
    return SUBSET_WORDS.test(before);
  };
  // "label (n = k)", "label n = k", "label: n = k"
  const labelled = /[([,:]?\s*\b[nN]\s*=\s*(\d+)\b(?!\s*[.,]\d)/g;
  for (let match = labelled.exec(text); match; match = labelled.exec(text)) {
    const at = match.index;
    const clauseStart = Math.max(lastBoundary(text, at), at - 60);
    const before = text.slice(clauseStart, at);
    if (/%/.test(before)) continue; // "18 % of … (n = 4)": a count
    const words = before
      .replace(/[([:,]\s*$/, '')
      .trim()
      .split(/\s+/)
      .filter((word) => word !== '');
    const label = labelWords(words);
    if (!label) continue;
    arms.push({
      label,
      key: label.toLowerCase(),
      n: Number(match[1]),
      start: at + match[0].indexOf(match[0].trim()[0]),
      end: at + match[0].length,
      subset: subsetFrom(at),
    });
  }
  // "22 in the sirolimus group", "22 dans le groupe placebo"
  const inGroup =
    /\b(\d+)\s+(?:patients?\s+|participants?\s+)?(?:in|dans)\s+(?:the|le)\s+(?:(\p{L}[\p{L}\d-]*)\s+(?:group|arm)|(?:groupe|bras)\s+(\p{L}[\p{L}\d-]*))\b/giu;
  for (let match = inGroup.exec(text); match; match = inGroup.exec(text)) {
    const before = text.slice(
      Math.max(lastBoundary(text, match.index), match.index - 40),
      match.index,
    );
    if (/%\s*$|\(\s*$/.test(before)) continue;
    const label = match[2] ?? match[3];
    arms.push({
      label,
      key: label.toLowerCase(),
      n: Number(match[1]),
      start: match.index,
      end: match.index + match[0].length,
      subset: subsetFrom(match.index),
    });
  }
  // "22 per arm", "22 par groupe", "n = 22 per arm"
  const perArm =
    /\b(?:[nN]\s*=\s*)?(\d+)\s+(?:patients?\s+|participants?\s+)?(?:per|par|in each|dans chaque)\s+(?:arm|group|bras|groupe)\b/g;
  for (let match = perArm.exec(text); match; match = perArm.exec(text)) {
    arms.push({
      label: 'per arm',
      key: 'per arm',
      n: Number(match[1]),
      start: match.index,
      end: match.index + match[0].length,
      subset: subsetFrom(match.index),
    });
  }
  // A "per arm" phrase may also have matched as "label n = k": keep one.
  return arms
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((arm, i, all) => i === 0 || !(all[i - 1].end > arm.start && all[i - 1].n === arm.n));
}

/** Arms whose key appears in `window` (as a word, case-insensitive); labels of one word or a dose. */
export function armsNamedIn(arms: readonly StatedArm[], window: string): StatedArm[] {
  const lower = window.toLowerCase();
  const keys = new Map<string, StatedArm>();
  for (const arm of arms) {
    if (arm.subset || arm.key === 'per arm') continue;
    const pattern = new RegExp(`(?<![\\p{L}\\d.,])${escapeRegExp(arm.key)}(?![\\p{L}\\d])`, 'u');
    if (pattern.test(lower)) {
      const seen = keys.get(arm.key);
      // The same label with two sizes is ambiguous: drop it.
      if (seen && seen.n !== arm.n) keys.set(arm.key, { ...seen, n: -1 });
      else if (!seen) keys.set(arm.key, arm);
    }
  }
  return [...keys.values()].filter((arm) => arm.n > 0);
}

function labelWords(words: string[]): string | undefined {
  // A dose label: "150 mg", "0.5 mg/kg"
  const last = words.slice(-2).join(' ');
  if (/^\d+(?:[.,]\d+)?\s?(?:mg|mg\/kg|µg|g|mL|ml)$/i.test(last)) return last;
  if (/^\d+(?:[.,]\d+)?(?:mg|mg\/kg|µg)$/i.test(words.at(-1) ?? '')) return words.at(-1);
  for (let i = words.length - 1; i >= 0 && i >= words.length - 3; i--) {
    const word = words[i].replace(/^[("'«]+|[)"'»,;:]+$/g, '');
    if (word === '' || SKIP.test(word)) continue;
    if (REJECT.test(word)) return undefined;
    if (/^\p{L}[\p{L}-]{2,}$/u.test(word)) return word;
    return undefined;
  }
  return undefined;
}

function lastBoundary(text: string, before: number): number {
  const slice = text.slice(0, before);
  const found = Math.max(
    slice.lastIndexOf(';'),
    slice.lastIndexOf('. '),
    slice.lastIndexOf('\n'),
    slice.lastIndexOf(', '),
  );
  return found < 0 ? 0 : found + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
