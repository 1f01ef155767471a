import { grim } from '../stats/check/grim.js';
import { grimmer } from '../stats/check/grimmer.js';
import { numberPattern, readNumber } from './scan-number.js';
import { spanAt } from './sentences.js';
import type { Candidate, ExtractContext } from './types.js';

/** Words saying the values are whole numbers per participant. */
const INTEGER_SCALE =
  /\b(?:scores?|scale|échelle|items?|points|count|counts|number of|nombre de|Likert|IBMFRS|ALSFRS|MRC|EDSS|MMSE|PHQ-9|CDASI|NRS|rating|cotation)\b/i;
/** Words saying they are not (measured quantities, model-based or averaged means). */
const NOT_INTEGER =
  /%|\b(?:kg|cm|mm|m|ml|mL|mg|g|ng|µg|mmol|mmHg|years?|ans|âge|age|aged|BMI|IMC|weight|poids|height|taille|distance|metres?|meters?|mètres|seconds?|hours?|heures|days?|jours|months?|mois|weeks?|semaines|least[- ]squares|LS|adjusted|ajustée?s?|estimated|estimée?s?|model|modèle|rate|taux|ratio|relative|relative|per cent|percent|pourcentage|HAQ(?:-DI)?|VAS|EVA|per item|par item|mean item|moyenne des items)\b/i;

/**
 * Means with an SD and a sample size, checked with GRIM and GRIMMER — but only when
 * the sentence names an integer score or count and nothing that makes the values
 * non-integer (a unit, an age, a model-based mean): a mean of kilograms or an LS-mean
 * cannot be GRIM-tested. Forms: "mean (SD) 27.4 (4.6)", "27.4 ± 4.6", "mean 5.19
 * (SD 1.60)", "moyenne 3,44 (ET 2,47)", with "n = 18", "in 18 patients" in the sentence.
 * @example extractMeans(context('The mean (SD) IBMFRS score was 5.19 (1.60) in 28 patients.'))[0].verdict // 'inconsistent'
 */
export function extractMeans(context: ExtractContext): Candidate[] {
  const { text, locale, sentences } = context;
  const N = numberPattern(locale);
  const mean = locale === 'fr' ? '(?:moyenne|moyen)' : '(?:mean|average)';
  const sd = locale === 'fr' ? '(?:ET|DS|SD|écart[- ]type)' : '(?:SD|s\\.d\\.)';
  const forms = [
    // mean (SD) M (S)
    `${mean}\\s*[(\\[]\\s*${sd}\\s*[)\\]][^\\d\\u2212()]{0,40}?(${N})\\s*[(\\[]\\s*(${N})\\s*[)\\]]`,
    // mean M (SD S) / mean M (SD = S)
    `${mean}[^\\d\\u2212()]{0,40}?(${N})\\s*[(\\[]\\s*${sd}\\s*[=:]?\\s*(${N})\\s*[)\\]]`,
    // M ± S
    `(${N})\\s*±\\s*(${N})`,
  ];
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const form of forms) {
    for (const m of text.matchAll(new RegExp(form, 'giu'))) {
      if (seen.has(m.index)) continue;
      seen.add(m.index);
      const rawM = m[1];
      const rawS = m[2];
      const start = m.index;
      const end = m.index + m[0].length;
      const sentence = spanAt(sentences, start) ?? { start: 0, end: text.length };
      const words = text.slice(sentence.start, sentence.end);
      const base = {
        kind: 'mean' as const,
        start,
        end,
        priority: 2,
        check: 'GRIM / GRIMMER (integer data)',
      };
      const meanValue = readNumber(rawM, locale);
      const sdValue = readNumber(rawS, locale);
      const numbers: Record<string, unknown> = {
        mean: meanValue.value,
        sd: sdValue.value,
        meanDecimals: meanValue.decimals,
      };
      if (/\b(?:SE|SEM|s\.e\.|standard error|erreur standard|IQR|range|CI|IC)\b/.test(words)) {
        out.push({
          ...base,
          verdict: 'not-checked',
          reason: 'the spread may be a standard error, range or interval, not an SD',
          numbers,
        });
        continue;
      }
      const sizes = [
        ...words.matchAll(
          /\b[nN]\s*=\s*(\d+)\b(?![.,]\d)|\b(?:in|of|among|chez|sur|de)\s+(\d+)\s+(?:patients|participants|subjects|children|adults|enfants|adultes|sujets|malades)\b/g,
        ),
      ].map((s) => Number(s[1] ?? s[2]));
      const distinct = [...new Set(sizes)];
      if (distinct.length !== 1) {
        out.push({
          ...base,
          verdict: 'not-checked',
          reason:
            distinct.length === 0
              ? 'no sample size in the sentence'
              : `several sample sizes in the sentence (${distinct.join(', ')}): which one applies is unclear`,
          numbers,
        });
        continue;
      }
      const n = distinct[0];
      numbers.n = n;
      if (!INTEGER_SCALE.test(words) || NOT_INTEGER.test(words)) {
        out.push({
          ...base,
          verdict: 'not-checked',
          reason:
            'the values are not known to be whole numbers (no integer score named, or a unit / model-based mean)',
          numbers,
        });
        continue;
      }
      const g = grim(meanValue, n);
      numbers.grim = { consistent: g.consistent, informative: g.informative, totals: g.totals };
      if (!g.informative) {
        out.push({
          ...base,
          verdict: 'not-checked',
          reason: `GRIM cannot detect anything here: n = ${n} ≥ 10^${meanValue.decimals}, every mean with ${meanValue.decimals} decimals is possible`,
          numbers,
        });
        continue;
      }
      if (!g.consistent) {
        out.push({
          ...base,
          check: 'GRIM (integer data)',
          verdict: 'inconsistent',
          reason: `no whole total of ${n} scores gives a mean of ${meanValue.text} (GRIM)`,
          numbers,
        });
        continue;
      }
      if (n < 2) {
        out.push({
          ...base,
          check: 'GRIM (integer data)',
          verdict: 'consistent',
          reason: `the mean ${meanValue.text} is possible for ${n} whole scores`,
          numbers,
        });
        continue;
      }
      const gm = grimmer(meanValue, sdValue, n);
      numbers.grimmer = { consistent: gm.consistent, reason: gm.reason };
      const why = {
        grim: 'the mean fails GRIM',
        'sd-range': 'no whole sum of squares fits the SD',
        parity: 'the sums of squares that fit the SD have the wrong parity',
      } as const;
      out.push(
        gm.consistent
          ? {
              ...base,
              verdict: 'consistent',
              reason: `mean ${meanValue.text} and SD ${sdValue.text} are possible together for ${n} whole scores (GRIM and GRIMMER)`,
              numbers,
            }
          : {
              ...base,
              verdict: 'inconsistent',
              reason: `mean ${meanValue.text} and SD ${sdValue.text} are impossible together for ${n} whole scores: ${why[gm.reason!]} (GRIMMER)`,
              numbers,
            },
      );
    }
  }
  return out;
}
