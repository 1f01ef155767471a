import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escalationEnrolment } from '../../../src/stats/check/escalation-enrolment.js';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../reference/fixtures/escalation_enrolment.json', import.meta.url),
    'utf8',
  ),
) as { cases: { levels: number; groups: number; possible: number[] }[] };

const threePlusThree = (levels: number) => ({ levels, cohort: 3, maxPerDose: 6 });

describe('escalationEnrolment (3+3 totals against a patient-level brute force in Python)', () => {
  for (const c of fixture.cases) {
    it(`${c.groups} group(s) over ${c.levels} dose(s)`, () => {
      const groups = Array.from({ length: c.groups }, () => threePlusThree(c.levels));
      expect(escalationEnrolment(c.possible[0], groups).possible).toEqual(c.possible);
    });
  }

  it('ADSVF-in-IBM: 32 planned is not a number two 3+3 escalations over three doses can treat (30 or 33; up to 36)', () => {
    const r = escalationEnrolment(32, [threePlusThree(3), threePlusThree(3)]);
    expect(r).toMatchObject({
      reachable: false,
      below: 30,
      above: 33,
      min: 6,
      max: 36,
      exceedable: true,
    });
  });

  it('rejects what is not a design', () => {
    expect(() => escalationEnrolment(0, [threePlusThree(3)])).toThrow(/planned/);
    expect(() => escalationEnrolment(10, [])).toThrow(/groups/);
    expect(() => escalationEnrolment(10, [{ levels: 3, cohort: 3, maxPerDose: 2 }])).toThrow(
      /maxPerDose/,
    );
  });
});
