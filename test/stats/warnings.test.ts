import { describe, expect, it } from 'vitest';
import { readSources } from '../support/layer-rules.js';
import { riskRatio } from '../../src/stats/binary/risk-ratio.js';
import { riskDifference } from '../../src/stats/binary/risk-difference.js';
import { oddsRatio } from '../../src/stats/binary/odds-ratio.js';
import { binaryEffectSizes } from '../../src/stats/meta/binary-effect-sizes.js';
import { metaAnalysis } from '../../src/stats/meta/meta-analysis.js';
import { peto } from '../../src/stats/meta/peto.js';
import { proportionCi } from '../../src/stats/proportion/proportion-ci.js';
import { WARNINGS, warning, type Warning } from '../../src/stats/warnings.js';

const same = (r: { warnings: string[]; codedWarnings?: Warning[] }): void => {
  expect(r.codedWarnings?.map((w) => w.message)).toEqual(r.warnings);
};

describe('warnings catalogue (src/stats/warnings.ts)', () => {
  it('every code has a template that writes a sentence', () => {
    for (const code of Object.keys(WARNINGS)) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(warning('zero-cell-corrected', { correction: 0.5, measure: 'RR' })).toEqual({
      code: 'zero-cell-corrected',
      message: 'a cell is zero: 0.5 was added to all four cells for the RR and its interval',
    });
    expect(warning('single-study').message).toMatch(/k = 1/);
  });

  it('results carry the same warnings with codes (binary, proportion, meta)', () => {
    const rr = riskRatio({ events1: 5, n1: 56, events2: 0, n2: 29 });
    expect(rr.codedWarnings.map((w) => w.code)).toEqual(['zero-cell-corrected']);
    same(rr);
    const koopman = riskRatio({ events1: 0, n1: 10, events2: 0, n2: 10 }, { ci: 'koopman' });
    expect(koopman.codedWarnings.map((w) => w.code)).toEqual(['no-events-either-arm']);
    same(koopman);
    const or = oddsRatio({ events1: 5, n1: 56, events2: 0, n2: 29 }, { ci: 'exact' });
    expect(or.codedWarnings.map((w) => w.code)).toEqual(['estimate-infinite']);
    same(or);
    const rd = riskDifference({ events1: 0, n1: 10, events2: 0, n2: 20 }, { ci: 'wald' });
    expect(rd.codedWarnings.map((w) => w.code)).toEqual(['interval-zero-width']);
    const wald = proportionCi(1, 10, { method: 'wald' });
    expect(wald.codedWarnings?.map((w) => w.code)).toEqual(['interval-clipped']);
    same(wald);
    const studies = [
      { study: 'a', events1: 4, n1: 50, events2: 10, n2: 50 },
      { study: 'b', events1: 0, n1: 40, events2: 5, n2: 40 },
      { study: 'c', events1: 6, n1: 60, events2: 9, n2: 60 },
    ];
    const effects = binaryEffectSizes(studies, 'OR');
    expect(effects.codedWarnings?.map((w) => w.code)).toEqual(['studies-zero-cell-corrected']);
    const fit = metaAnalysis(effects, { method: 'DL' });
    same(fit);
    expect(fit.codedWarnings.map((w) => w.code)).toContain('studies-zero-cell-corrected');
    // Peto uses no correction: it drops that warning by its code.
    expect(peto(studies).warnings).toEqual([]);
  });

  it('no code outside the catalogue reacts to a warning by its text', () => {
    const offenders = readSources(process.cwd(), 'src').flatMap((file) =>
      [
        ...file.text.matchAll(
          /warnings\.(?:filter|some|find|every)\(\(?(\w+)\)? => !?\1\.(?:startsWith|includes|endsWith|match)\(/g,
        ),
      ].map((m) => `${file.path}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
