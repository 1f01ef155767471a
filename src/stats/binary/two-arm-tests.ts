import { normalSf } from '../dist/index.js';
import { defineMethods, type MethodEntry, type MethodId } from '../method-registry.js';
import { barnardExact } from './barnard-exact.js';
import { boschlooExact } from './boschloo-exact.js';
import { chiSquareTest } from './chi-square-test.js';
import { fisherExact } from './fisher-exact.js';
import { midPTest } from './mid-p-test.js';
import type { Alternative } from '../types.js';
import type { TwoByTwo } from './table.js';

/**
 * Which p a two-arm test is asked for: two-sided, or one-sided in the direction the data
 * point (arm 1 above arm 2 when p1 ≥ p2), as papers that print a one-sided p mean it.
 */
export type TestSides = 'two-sided' | 'one-sided';

/** What `compareProportions` reports for a test run on request (`props --test <id>`). */
export interface TwoArmTestDetail {
  name: string;
  p: number;
  /** The observed statistic, where the test has one. */
  statistic?: number;
  alternative?: Alternative;
  /** Unconditional tests: the common proportion π at which p is maximal, and how it was found. */
  nuisance?: number;
  method?: string;
}

/** A registry entry of `TWO_ARM_TESTS`: `run` gives p, or null when the test is undefined for the table. */
export interface TwoArmTest
  extends MethodEntry<string, (table: TwoByTwo, sides: TestSides) => number | null> {
  /** Costs O(n1·n2) per nuisance value: searched only for small tables. */
  readonly costly: boolean;
  /** Whether it has a one-sided version (else `run(table, 'one-sided')` is null). */
  readonly oneSided: boolean;
  /**
   * Tests `props` runs only when asked (`--test <id>`): the field of `tests` in its result
   * (`props --json`) and the computation, one-sided for `less`/`greater` where `oneSided`.
   * Entries without it (Fisher, χ², χ² with Yates) are always reported; Wald z is searched by
   * the fingerprint only.
   */
  readonly onRequest?: {
    readonly resultKey: string;
    readonly detail: (table: TwoByTwo, alternative: Alternative) => TwoArmTestDetail;
  };
}

const direction = (table: TwoByTwo): 'greater' | 'less' =>
  table.events1 / table.n1 >= table.events2 / table.n2 ? 'greater' : 'less';
const halve = (p: number | null | undefined, sides: TestSides): number | null =>
  p === null || p === undefined ? null : sides === 'two-sided' ? p : p / 2;

/**
 * Unpooled Wald z-test of p1 − p2: z = (p1 − p2)/√(p1q1/n1 + p2q2/n2); null when that SE is 0.
 * @example waldZTest({ events1: 10, n1: 20, events2: 6, n2: 20 }) // 0.18724904412337648
 */
export function waldZTest(table: TwoByTwo): number | null {
  const p1 = table.events1 / table.n1;
  const p2 = table.events2 / table.n2;
  const se = Math.sqrt((p1 * (1 - p1)) / table.n1 + (p2 * (1 - p2)) / table.n2);
  return se > 0 ? 2 * normalSf(Math.abs(p1 - p2) / se) : null;
}

/**
 * Tests for a two-arm binary outcome, in the order the fingerprint search prefers them (the
 * usual choices of papers first). One-sided versions of the χ² and Wald tests are half the
 * two-sided p; Fisher, Barnard and Boschloo have exact one-sided versions.
 */
export const TWO_ARM_TESTS = defineMethods('two-arm test', [
  {
    id: 'chisq',
    label: 'Pearson chi-square',
    costly: false,
    oneSided: true,
    formula: 'X² = Σ (O − E)²/E on 1 df',
    reference: 'Pearson K. Philos Mag 1900;50:157–175; as R chisq.test(correct = FALSE)',
    run: (table, sides) => halve(chiSquareTest(table, { correct: false })?.p, sides),
  },
  {
    id: 'fisher',
    label: 'Fisher exact',
    costly: false,
    oneSided: true,
    formula:
      'sum of the probabilities of tables with these margins no more probable than the observed (two-sided)',
    reference: 'Fisher RA. J R Stat Soc 1922;85:87–94; as R fisher.test',
    run: (table, sides) =>
      fisherExact(table, { alternative: sides === 'two-sided' ? 'two-sided' : direction(table) })
        .test.p,
  },
  {
    id: 'chisq-yates',
    label: 'chi-square with Yates correction',
    costly: false,
    oneSided: true,
    formula: 'X² = Σ (|O − E| − min(½, |O − E|))²/E on 1 df',
    reference: 'Yates F. J R Stat Soc Suppl 1934;1:217–235; as R chisq.test(correct = TRUE)',
    run: (table, sides) => halve(chiSquareTest(table, { correct: true })?.p, sides),
  },
  {
    id: 'wald-z',
    label: 'Wald z (unpooled)',
    costly: false,
    oneSided: true,
    formula: 'z = (p1 − p2) / √(p1(1 − p1)/n1 + p2(1 − p2)/n2)',
    reference: 'Agresti A. Categorical Data Analysis, 3rd ed., 2013, §3.1',
    run: (table, sides) => halve(waldZTest(table), sides),
  },
  {
    id: 'midp',
    label: 'Fisher mid-p',
    costly: false,
    oneSided: false,
    formula: 'Fisher two-sided p minus half the probability of the observed table',
    reference: 'Lancaster HO. JASA 1961;56:223–234',
    run: (table, sides) => (sides === 'two-sided' ? midPTest(table).p : null),
    onRequest: { resultKey: 'midp', detail: (table) => midPTest(table) },
  },
  {
    id: 'barnard',
    label: 'Barnard exact (unconditional)',
    costly: true,
    oneSided: true,
    formula: 'sup over the nuisance π of P(score statistic at least as extreme), unconditional',
    reference:
      'Barnard GA. Nature 1945;156:177; Suissa S, Shuster JJ. J R Stat Soc A 1985;148:317–327',
    run: (table, sides) =>
      barnardExact(table, { alternative: sides === 'two-sided' ? 'two-sided' : direction(table) })
        .p,
    onRequest: {
      resultKey: 'barnard',
      detail: (table, alternative) => barnardExact(table, { alternative }),
    },
  },
  {
    id: 'barnard-unpooled',
    label: 'Barnard exact, unpooled statistic',
    costly: true,
    oneSided: true,
    formula: 'sup over the nuisance π of P(unpooled Wald z at least as extreme), unconditional',
    reference:
      'Barnard GA. Nature 1945;156:177; Mehrotra DV, Chan ISF, Berger RL. Biometrics 2003;59:441–450; as scipy.stats.barnard_exact(pooled = False)',
    run: (table, sides) =>
      barnardExact(table, {
        alternative: sides === 'two-sided' ? 'two-sided' : direction(table),
        pooled: false,
      }).p,
    onRequest: {
      resultKey: 'barnardUnpooled',
      detail: (table, alternative) => barnardExact(table, { alternative, pooled: false }),
    },
  },
  {
    id: 'boschloo',
    label: 'Boschloo exact (unconditional)',
    costly: true,
    oneSided: true,
    formula: 'sup over the nuisance π of P(Fisher p at least as small), unconditional',
    reference: 'Boschloo RD. Stat Neerl 1970;24:1–35',
    run: (table, sides) =>
      boschlooExact(table, { alternative: sides === 'two-sided' ? 'two-sided' : direction(table) })
        .p,
    onRequest: {
      resultKey: 'boschloo',
      detail: (table, alternative) => boschlooExact(table, { alternative }),
    },
  },
] as const satisfies readonly TwoArmTest[]);

export type TwoArmTestId = MethodId<typeof TWO_ARM_TESTS>;

type OnRequestEntry = Extract<(typeof TWO_ARM_TESTS.entries)[number], { onRequest: object }>;
/** Ids of the tests `props` runs on request (`--test`). */
export type OnRequestTestId = OnRequestEntry['id'];
/** The on-request entries, in registry order: `props --test` choices. */
export const ON_REQUEST_TESTS: readonly OnRequestEntry[] = TWO_ARM_TESTS.entries.filter(
  (entry): entry is OnRequestEntry => 'onRequest' in entry,
);
