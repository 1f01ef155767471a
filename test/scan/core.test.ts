import { describe, expect, it } from 'vitest';
import { detectLocale } from '../../src/scan/scan-locale.js';
import { numberPattern, readNumber } from '../../src/scan/scan-number.js';
import { documentText, guessFormat } from '../../src/scan/document-text.js';
import { paragraphSpans, sentenceSpans, spanAt } from '../../src/scan/sentences.js';
import { judgePercent } from '../../src/scan/judge-percent.js';
import { parseReported } from '../../src/stats/check/reported-value.js';

const numbers = (text: string, locale: 'en' | 'fr'): string[] =>
  [...text.matchAll(new RegExp(numberPattern(locale), 'g'))].map((m) => m[0]);

describe('detectLocale', () => {
  it('reads French conventions', () => {
    expect(detectLocale('HR 0,72 (IC 95 % 0,61–0,85), p=0,038')).toBe('fr');
    expect(
      detectLocale('Parmi les 99 patients atteints de myosite, 70 % avaient un auto-anticorps.'),
    ).toBe('fr');
  });
  it('reads English conventions', () => {
    expect(detectLocale('HR 0.72 (95% CI 0.61 to 0.85) in the 1,215 veterans')).toBe('en');
  });
});

describe('numberPattern / readNumber', () => {
  it('reads English numbers, thousands commas and leading-dot p-values', () => {
    expect(numbers('1,215 veterans, p = .03, −16.3 and 0.61-0.85', 'en')).toEqual([
      '1,215',
      '.03',
      '−16.3',
      '0.61',
      '0.85',
    ]);
    expect(readNumber('1,215', 'en').value).toBe(1215);
    expect(readNumber('−16.3', 'en')).toMatchObject({ value: -16.3, decimals: 1 });
    expect(readNumber('.030', 'en')).toMatchObject({ value: 0.03, decimals: 3 });
  });
  it('never reads a decimal comma as a thousands group in English text', () => {
    expect(numbers('p=0,038', 'en')).toEqual([]);
  });
  it('reads French numbers: decimal comma, thin / no-break / plain space groups, Unicode minus', () => {
    expect(numbers('3,5 % de 1\u202f215 et 1 200 ; −0,5 et 2.5mg', 'fr')).toEqual([
      '3,5',
      '1\u202f215',
      '1 200',
      '−0,5',
    ]);
    expect(readNumber('1\u00a0215', 'fr').value).toBe(1215);
    expect(readNumber('1 200', 'fr').value).toBe(1200);
    expect(readNumber('−0,50', 'fr')).toMatchObject({ value: -0.5, decimals: 2 });
  });
  it('keeps en dash ranges as two numbers, not a negative one', () => {
    expect(numbers('aged 18–36', 'en')).toEqual(['18', '36']);
    expect(readNumber(numbers('0.61–0.85', 'en')[1], 'en').value).toBe(0.85);
  });
});

describe('guessFormat / documentText', () => {
  it('guesses formats', () => {
    expect(guessFormat('<p>HR 0.72</p>')).toBe('html');
    expect(guessFormat('# Results\n\n- **45 %** of patients\n- 27 %')).toBe('markdown');
    expect(guessFormat('Plain text. 45 % of 22.')).toBe('text');
  });
  it('turns HTML into text, decodes entities, drops script and style, and maps back to source offsets', () => {
    const source =
      '<html><style>p{}</style><script>var x = "45%";</script><p>45&nbsp;% of <b>22</b> &amp; 3&#8201;%</p></html>';
    const doc = documentText(source, 'html');
    expect(doc.text).toBe('\n45\u00a0% of 22 & 3\u2009%\n\n');
    expect(doc.text).not.toContain('var');
    const at = doc.text.indexOf('22');
    expect(source.slice(doc.map[at], doc.mapEnd[at + 1])).toBe('22');
    const nbsp = doc.text.indexOf('\u00a0');
    expect(source.slice(doc.map[nbsp], doc.mapEnd[nbsp])).toBe('&nbsp;');
  });
  it('drops Markdown emphasis and heading hashes', () => {
    const doc = documentText('## Safety\n**45 %** of *22*', 'markdown');
    expect(doc.text).toBe('Safety\n45 % of 22');
    expect(doc.map[doc.text.indexOf('45')]).toBe('## Safety\n**'.length);
  });
});

describe('sentenceSpans', () => {
  const split = (text: string): string[] =>
    sentenceSpans(text).map((span) => text.slice(span.start, span.end));
  it('does not end sentences at et al., vs., e.g. or decimals', () => {
    expect(split('Smith et al. found 2.5 mg vs. 3.5 mg. Then 3 more, e.g. Dr. Who.')).toEqual([
      'Smith et al. found 2.5 mg vs. 3.5 mg.',
      'Then 3 more, e.g. Dr. Who.',
    ]);
  });
  it('starts sentences at paragraphs and bullets, not at wrapped lines', () => {
    expect(split('One line\nwrapped here.\n\nTwo\n- bullet one\n- bullet two')).toEqual([
      'One line\nwrapped here.',
      'Two',
      '- bullet one',
      '- bullet two',
    ]);
  });
  it('finds the span at an offset', () => {
    const spans = paragraphSpans('a\nb\n\nc');
    expect(spans).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 6 },
    ]);
    expect(spanAt(spans, 5)).toEqual({ start: 5, end: 6 });
  });
});

describe('judgePercent', () => {
  it('separates rounding to nearest, truncation and errors', () => {
    expect(judgePercent(parseReported('45'), 10, 22).verdict).toBe('consistent');
    expect(judgePercent(parseReported('81'), 18, 22)).toMatchObject({
      verdict: 'rounding',
      numbers: { rounding: 'truncated' },
    });
    expect(judgePercent(parseReported('19'), 4, 22).verdict).toBe('inconsistent'); // 18.2 % rounded up is not a habit
    expect(judgePercent(parseReported('80'), 5, 4).verdict).toBe('inconsistent');
    // 12.5 % printed as 13 % or 12 %: rounding half either way.
    expect(judgePercent(parseReported('13'), 1, 8).verdict).toBe('consistent');
    expect(judgePercent(parseReported('12'), 1, 8).verdict).toBe('consistent');
  });
});
