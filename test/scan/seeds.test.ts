import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/scan/scan-text.js';
import type { ScanFinding } from '../../src/scan/types.js';

/**
 * `scanText` over the bundled seed documents (documents/, copied from the seeds), with
 * the findings known from the project's published-figures notes: every count the notes
 * derive from a printed percentage and denominator, the HLA-DRB1*11:01 "60 %" of 11
 * that no integer fits, the verbal fractions, and the figures whose denominator is not
 * stated (which must stay "not checked").
 */
const root = join(import.meta.dirname, '..', '..', 'documents');
const scan = (file: string) =>
  scanText(
    readFileSync(join(root, file), 'utf8'),
    file.endsWith('.md') ? { format: 'markdown' } : {},
  );
const find = (findings: ScanFinding[], text: string, line?: number): ScanFinding => {
  const found = findings.filter(
    (finding) => finding.text.includes(text) && (line === undefined || finding.line === line),
  );
  expect(found, `finding "${text}"${line ? ` at line ${line}` : ''}`).toHaveLength(1);
  return found[0];
};

describe('documents/sources.json', () => {
  it('lists every bundled document with its source', () => {
    const sources = JSON.parse(readFileSync(join(root, 'sources.json'), 'utf8')) as {
      documents: { file: string; seed: string; source: string }[];
    };
    expect(sources.documents.map((d) => d.seed).sort()).toEqual([
      '000_7f1aab254a78ffb9.txt',
      '001_ea095bdf8575ac95.txt',
      '002_b139911626a559f5.txt',
      '003_17014567b68ad426.txt',
      '004_fbc039b08947dea3.txt',
    ]);
    for (const document of sources.documents) {
      expect(document.source.length).toBeGreaterThan(20);
      expect(readFileSync(join(root, document.file), 'utf8').length).toBeGreaterThan(1000);
    }
  });
});

describe('seed-000 (Rapami final results, Institut de Myologie)', () => {
  const result = scan('rapami-final-results.txt');
  it('finds "18 % … (n = 4)" and leaves it unjudged, with 22 as the only denominator that fits', () => {
    const finding = find(result.findings, '18%');
    expect(finding.verdict).toBe('not-checked');
    expect(finding.numbers.denominatorsIfCount).toEqual([22]);
    expect(finding.line).toBe(18);
  });
  it('does not judge "45 % … compared with 27 %": the arm sizes are not in this text', () => {
    expect(
      result.findings.some(
        (finding) => finding.text.includes('45%') || finding.text.includes('27%'),
      ),
    ).toBe(false);
    expect(result.summary.inconsistent).toBe(0);
  });
  it('takes neither the dose "2 mg/day", the ages "45 and 80" nor the years for figures', () => {
    expect(result.findings).toHaveLength(1);
  });
});

describe('seed-001 (AFM-Téléthon, Avancées 2025)', () => {
  const result = scan('afm-avancees-2025-myopathies-inflammatoires.md');
  const counts = (text: string, line?: number): unknown =>
    find(result.findings, text, line).numbers.fittingCounts;
  it('reads French conventions', () => {
    expect(result.locale).toBe('fr');
  });
  it('flags HLA-DRB1*11:01 "60 %" of 11: 6/11 = 54.5 %, 7/11 = 63.6 %', () => {
    const finding = find(result.findings, "60% d'entre eux");
    expect(finding.verdict).toBe('inconsistent');
    expect(finding.numbers).toMatchObject({ n: 11, fittingCounts: [] });
    // and Satirer's 77 % (below): the only two inconsistencies of seed 001
    expect(result.summary.inconsistent).toBe(2);
  });
  it('flags Satirer 2024 "77 %" progression-free survival of « sept enfants »: no Kaplan–Meier value on 7 prints as 77 %', () => {
    const found = result.findings.filter((f) => f.kind === 'survival-percent');
    expect(found.map((f) => [f.text, f.verdict, f.line])).toEqual([
      ['100 %', 'consistent', 1425],
      ['77 %', 'inconsistent', 1425],
    ]);
    expect(found[1].reason).toContain('nearest 75.0 % and 80.0 %');
    expect(found[1].reason).toContain(
      'either the number at the start is not 7 or the figure is wrong',
    );
  });
  it('derives the counts of the published-figures notes', () => {
    expect(counts('3,5%')).toEqual([10]); // NDUFA11, 287
    expect(counts('70%')).toEqual([69]); // coeliac autoantibodies, 99
    expect(counts('22% d')).toEqual([44, 45]); // 202 Chinese adults
    expect(counts('52%')).toEqual([202, 203, 204, 205]); // 391 UK patients
    expect(counts('30%', 1503)).toEqual([112, 113, 114, 115]); // herbal supplements, 379
    expect(counts('41 %')).toEqual([9]); // Solignac 2024, 22 children
    expect(counts('27% des enfants')).toEqual([6]);
    expect(counts('81% des patients')).toEqual([17]); // tofacitinib, 21
  });
  it('pairs the veterans shares with 732 IBM and 1 215 control veterans, in order', () => {
    const table: [string, number, number][] = [
      ['49,5 %', 362, 732],
      ['6,6 %', 80, 1215],
      ['23,2 %', 170, 732],
      ['15,8 %', 192, 1215],
      ['38,4 %', 281, 732],
      ['2,8 %', 34, 1215],
      ['57,5%', 421, 732],
      ['15,4%', 187, 1215],
      ['61,9%', 453, 732],
      ['48,4%', 588, 1215],
    ];
    for (const [text, count, n] of table) {
      const finding = find(result.findings, text);
      expect(finding.verdict).toBe('consistent');
      expect(finding.numbers).toMatchObject({ n, fittingCounts: [count] });
    }
  });
  it('reads the verbal fractions: "la moitié" of 55 only through rounding, "près du quart" of 191 hedged', () => {
    expect(find(result.findings, 'la moitié des enfants')).toMatchObject({
      verdict: 'rounding',
      numbers: { n: 55, exact: 27.5 },
    });
    expect(find(result.findings, 'près du quart')).toMatchObject({
      verdict: 'not-checked',
      numbers: { n: 191, exact: 47.75 },
    });
  });
  it('leaves unjudged the shares whose denominator the text does not give', () => {
    expect(find(result.findings, '64% des enfants').verdict).toBe('not-checked'); // children on steroids at baseline
    expect(find(result.findings, '81% des participants').verdict).toBe('not-checked'); // per dazukibart dose
    expect(find(result.findings, "31% d'entre eux").verdict).toBe('not-checked'); // of the supplement users
    expect(find(result.findings, '60% des participants').verdict).toBe('not-checked'); // RAY121: arm sizes not given
  });
});

describe('seeds 002–004', () => {
  it('judges nothing as inconsistent in the registry record, the review summary and the CEREVANCE recommendations', () => {
    for (const file of [
      'nct05032131-adsvf-in-ibm.txt',
      'revue-therapies-ciblees-myopathies.txt',
      'cerevance-sirolimus-pti-2021.txt',
    ]) {
      const result = scan(file);
      expect(result.summary.inconsistent, file).toBe(0);
      // Doses (2 mg/m²/j, 0.5 mg), troughs (4–14 ng/ml), ranges (45 to 80 years) are not figures to check.
      expect(
        result.findings.filter((finding) => finding.verdict !== 'not-checked'),
        file,
      ).toEqual([]);
    }
  });
});
