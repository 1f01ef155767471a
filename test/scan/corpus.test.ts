import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/scan/scan-text.js';
import { CORPUS } from './corpus.js';

/** Lowest precision and recall accepted on the corpus (flagging "inconsistent" = a positive). */
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.85;

describe('scan corpus (test/scan/corpus.ts)', () => {
  it('has at least 30 passages in English and French, with planted errors of every kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((passage) => passage.locale === 'fr').length).toBeGreaterThanOrEqual(8);
    const plantedKinds = new Set(
      CORPUS.flatMap((passage) => passage.expect.filter((e) => e.planted).map((e) => e.kind)),
    );
    expect([...plantedKinds].sort()).toEqual([
      'arm-sizes',
      'estimate',
      'mean',
      'percent',
      'percent-sum',
      'survival-percent',
      'test-statistic',
    ]);
    expect(new Set(CORPUS.map((passage) => passage.id)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((passage) => [passage.id, passage] as const))('%s', (_id, passage) => {
    const result = scanText(passage.text);
    expect(result.locale).toBe(passage.locale);
    const got = result.findings.map((finding) => ({
      text: finding.text,
      kind: finding.kind,
      verdict: finding.verdict,
    }));
    expect(got.length, `${passage.about}: ${JSON.stringify(got)}`).toBe(passage.expect.length);
    passage.expect.forEach((expected, i) => {
      expect(got[i].text, passage.about).toContain(expected.find);
      expect(
        { kind: got[i].kind, verdict: got[i].verdict },
        `${passage.about}: "${got[i].text}" — ${result.findings[i].reason}`,
      ).toEqual({ kind: expected.kind, verdict: expected.verdict });
      // Offsets point at the figure in the source.
      expect(passage.text.slice(result.findings[i].start, result.findings[i].end)).toBe(
        result.findings[i].text,
      );
    });
  });

  it(`reaches precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL} on planted errors`, () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    let judgedRight = 0;
    let judged = 0;
    for (const passage of CORPUS) {
      const findings = scanText(passage.text).findings;
      for (const finding of findings) {
        const expected = passage.expect.find(
          (e) => finding.text.includes(e.find) && e.kind === finding.kind,
        );
        if (finding.verdict === 'inconsistent') {
          if (expected?.planted) truePositives++;
          else falsePositives++;
        }
        if (finding.verdict !== 'not-checked') {
          judged++;
          if (expected && expected.verdict === finding.verdict) judgedRight++;
        }
      }
      for (const expected of passage.expect.filter((e) => e.planted)) {
        const caught = findings.some(
          (finding) =>
            finding.text.includes(expected.find) &&
            finding.kind === expected.kind &&
            finding.verdict === 'inconsistent',
        );
        if (!caught) falseNegatives++;
      }
      falseNegatives += passage.missed?.count ?? 0;
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    // Printed in the test output, as the issue asks.
    console.log(
      `scan corpus: ${CORPUS.length} passages; planted errors caught ${truePositives}/${truePositives + falseNegatives}; false alarms ${falsePositives}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; judged verdicts right ${judgedRight}/${judged}`,
    );
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
