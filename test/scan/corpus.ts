import type { FindingKind, ScanVerdict } from '../../src/scan/types.js';

/**
 * A test corpus for `trialstat scan`: short passages in the style of trial abstracts,
 * English and French, written for this test (not the seeds). Each lists every
 * finding expected, in order: a fragment of the figure's text, its kind and verdict,
 * and whether it is a planted error. `missed` counts planted errors the scanner is
 * known not to see (numbers written in words), so that recall is honest.
 */
export interface CorpusExpectation {
  find: string;
  kind: FindingKind;
  verdict: ScanVerdict;
  planted?: boolean;
}

export interface CorpusPassage {
  id: string;
  locale: 'en' | 'fr';
  text: string;
  expect: CorpusExpectation[];
  /** Planted errors the scanner does not detect (and why). */
  missed?: { count: number; why: string };
  /** What the passage tests. */
  about: string;
}

export const CORPUS: readonly CorpusPassage[] = [
  // ── percentages ──────────────────────────────────────────────────────────
  {
    id: 'en-kn-planted',
    locale: 'en',
    about: 'k/n (x %) with one wrong percentage',
    text: 'Serious adverse events occurred in 10/22 (45%) patients on sirolimus and 6/22 (32%) on placebo.',
    expect: [
      { find: '10/22 (45%)', kind: 'percent', verdict: 'consistent' },
      { find: '6/22 (32%)', kind: 'percent', verdict: 'inconsistent', planted: true },
    ],
  },
  {
    id: 'en-pct-kn',
    locale: 'en',
    about: 'x % (k/n)',
    text: 'Complete response was achieved in 41% (9/22) of children and partial response in 18% (4/22).',
    expect: [
      { find: '41% (9/22)', kind: 'percent', verdict: 'consistent' },
      { find: '18% (4/22)', kind: 'percent', verdict: 'consistent' },
    ],
  },
  {
    id: 'en-truncated',
    locale: 'en',
    about: 'a truncated percentage is "rounding", not an error',
    text: 'Treatment was completed by 18 of 22 patients (81%).',
    expect: [{ find: '18 of 22 patients (81%)', kind: 'percent', verdict: 'rounding' }],
  },
  {
    id: 'en-k-of-n-planted',
    locale: 'en',
    about: 'k of n (x %), planted',
    text: 'Dose reductions were needed in 7 of 30 participants (27%).',
    expect: [
      {
        find: '7 of 30 participants (27%)',
        kind: 'percent',
        verdict: 'inconsistent',
        planted: true,
      },
    ],
  },
  {
    id: 'en-pct-of-n',
    locale: 'en',
    about: 'x % of N, one impossible',
    text: 'Anti-NDUFA11 antibodies were found in 3.5% of 287 patients and the variant in 60% of 11 controls.',
    expect: [
      { find: '3.5% of 287', kind: 'percent', verdict: 'consistent' },
      { find: '60% of 11', kind: 'percent', verdict: 'inconsistent', planted: true },
    ],
  },
  {
    id: 'en-two-denominators',
    locale: 'en',
    about: 'tricky: percentages of different denominators in one sentence',
    text: 'Diabetes was more frequent in IBM (49.5% of 732 veterans) than in controls (6.6% of 1,215 veterans).',
    expect: [
      { find: '49.5% of 732', kind: 'percent', verdict: 'consistent' },
      { find: '6.6% of 1,215', kind: 'percent', verdict: 'consistent' },
    ],
  },
  {
    id: 'en-arm-elsewhere-planted',
    locale: 'en',
    about:
      'k (x %) of an arm whose size is stated in an earlier sentence (the dazukibart SAE case)',
    text: 'Participants received dazukibart 150 mg (n = 15), 600 mg (n = 37) or placebo (n = 23). Serious adverse events occurred in 4 (11%) in the 150 mg group and 1 (4%) in the placebo group.',
    expect: [
      { find: '4 (11%)', kind: 'percent', verdict: 'inconsistent', planted: true },
      { find: '1 (4%)', kind: 'percent', verdict: 'consistent' },
    ],
  },
  {
    id: 'en-bare-pct-arms',
    locale: 'en',
    about: 'bare percentages of arms sized elsewhere',
    text: 'Patients were randomly assigned to sirolimus (n = 22) or placebo (n = 22). Serious adverse events occurred in 45% of sirolimus-treated patients, compared with 27% of placebo-treated patients.',
    expect: [
      { find: '45%', kind: 'percent', verdict: 'consistent' },
      { find: '27%', kind: 'percent', verdict: 'consistent' },
    ],
  },
  {
    id: 'en-n-equals-count',
    locale: 'en',
    about: '"x % … (n = k)" is listed, not judged',
    text: 'Treatment was stopped for 18% of participants in the sirolimus group (n = 4).',
    expect: [{ find: '18%', kind: 'percent', verdict: 'not-checked' }],
  },
  {
    id: 'en-k-pct-no-denominator',
    locale: 'en',
    about: 'k (x %) with no denominator anywhere',
    text: 'Nausea was reported by 4 (18%) patients.',
    expect: [{ find: '4 (18%)', kind: 'percent', verdict: 'not-checked' }],
  },
  {
    id: 'en-lead-denominator',
    locale: 'en',
    about: '"Of N …, k (x %)" uses the N that opens the sentence',
    text: 'Of 120 studies, 22 (18%) were run in France.',
    expect: [{ find: '22 (18%)', kind: 'percent', verdict: 'consistent' }],
  },
  {
    id: 'en-k-pct-of-n-planted',
    locale: 'en',
    about: 'k (x %) of n, planted; a year before a percentage is not a count',
    text: 'Enrolment closed in 2019 (45%). In all, 3 (70%) of 4 patients responded.',
    expect: [{ find: '3 (70%) of 4', kind: 'percent', verdict: 'inconsistent', planted: true }],
  },
  // ── estimates ────────────────────────────────────────────────────────────
  {
    id: 'en-hr-p',
    locale: 'en',
    about: 'HR with CI and p (log scale)',
    text: 'The hazard ratio for death was 0.72 (95% CI 0.61 to 0.85; p < 0.001).',
    expect: [{ find: 'hazard ratio for death was 0.72', kind: 'estimate', verdict: 'consistent' }],
  },
  {
    id: 'en-rr-planted',
    locale: 'en',
    about: 'RR with a p that does not follow from its CI',
    text: 'The risk ratio was 1.5 [0.9; 2.5], p = 0.01.',
    expect: [
      {
        find: 'risk ratio was 1.5 [0.9; 2.5], p = 0.01',
        kind: 'estimate',
        verdict: 'inconsistent',
        planted: true,
      },
    ],
  },
  {
    id: 'en-md-unknown-level',
    locale: 'en',
    about: 'tricky: CI of unknown level, p checked at 90/95/99 %',
    text: 'At week 12 the placebo-adjusted difference was −16.3 (−20.4 to −12.1), p < 0.0001.',
    expect: [
      { find: 'placebo-adjusted difference was −16.3', kind: 'estimate', verdict: 'consistent' },
    ],
  },
  {
    id: 'en-outside-ci',
    locale: 'en',
    about: 'estimate outside its own CI',
    text: 'The odds ratio was 2.8 (95% CI 1.1 to 2.4).',
    expect: [
      { find: 'odds ratio was 2.8', kind: 'estimate', verdict: 'inconsistent', planted: true },
    ],
  },
  {
    id: 'en-symmetry',
    locale: 'en',
    about: 'CI symmetry without p: symmetric HR judged, asymmetric RR only listed',
    text: 'Mortality: HR 0.72 (0.61–0.85). Relapse: RR 1.20 (0.80–2.50).',
    expect: [
      { find: 'HR 0.72 (0.61–0.85)', kind: 'estimate', verdict: 'consistent' },
      { find: 'RR 1.20 (0.80–2.50)', kind: 'estimate', verdict: 'not-checked' },
    ],
  },
  // ── test statistics ──────────────────────────────────────────────────────
  {
    id: 'en-t-planted',
    locale: 'en',
    about: 'statcheck t example',
    text: 'Walking distance improved (t(28) = 2.20, p = .03).',
    expect: [
      {
        find: 't(28) = 2.20, p = .03',
        kind: 'test-statistic',
        verdict: 'inconsistent',
        planted: true,
      },
    ],
  },
  {
    id: 'en-f-chi',
    locale: 'en',
    about: 'F and χ² that agree with p',
    text: 'Groups differed, F(2, 57) = 4.10, p = .02, and the proportions too, χ²(1) = 3.84, p = .05.',
    expect: [
      { find: 'F(2, 57) = 4.10', kind: 'test-statistic', verdict: 'consistent' },
      { find: 'χ²(1) = 3.84', kind: 'test-statistic', verdict: 'consistent' },
    ],
  },
  {
    id: 'en-r-decision',
    locale: 'en',
    about: 'r with a decision error',
    text: 'Strength correlated with walking distance, r(40) = .25, p = .03.',
    expect: [
      {
        find: 'r(40) = .25, p = .03',
        kind: 'test-statistic',
        verdict: 'inconsistent',
        planted: true,
      },
    ],
  },
  {
    id: 'en-z',
    locale: 'en',
    about: 'z statistic',
    text: 'The trend test gave z = 2.58, p = .01.',
    expect: [{ find: 'z = 2.58, p = .01', kind: 'test-statistic', verdict: 'consistent' }],
  },
  // ── means ────────────────────────────────────────────────────────────────
  {
    id: 'en-grim-planted',
    locale: 'en',
    about: 'GRIM on an integer score',
    text: 'The mean (SD) IBMFRS score was 5.19 (1.60) in 28 patients.',
    expect: [{ find: '5.19 (1.60)', kind: 'mean', verdict: 'inconsistent', planted: true }],
  },
  {
    id: 'en-grimmer-planted',
    locale: 'en',
    about: 'GRIMMER: mean possible, SD not',
    text: 'The MRC sum score was 3.44 ± 2.47 (n = 18).',
    expect: [{ find: '3.44 ± 2.47', kind: 'mean', verdict: 'inconsistent', planted: true }],
  },
  {
    id: 'en-grimmer-ok',
    locale: 'en',
    about: 'GRIM/GRIMMER consistent',
    text: 'The mean (SD) number of relapses was 5.21 (1.6) in 28 patients.',
    expect: [{ find: '5.21 (1.6)', kind: 'mean', verdict: 'consistent' }],
  },
  {
    id: 'en-non-integer',
    locale: 'en',
    about: 'tricky: means of measured quantities are not GRIM-tested',
    text: 'Mean weight was 72.35 ± 11.20 kg (n = 28) and mean age 54.3 ± 8.1 years.',
    expect: [
      { find: '72.35 ± 11.20', kind: 'mean', verdict: 'not-checked' },
      { find: '54.3 ± 8.1', kind: 'mean', verdict: 'not-checked' },
    ],
  },
  // ── arm sizes ────────────────────────────────────────────────────────────
  {
    id: 'en-arms-planted',
    locale: 'en',
    about: 'arm sizes that do not add up',
    text: 'In total, 44 patients were randomised to sirolimus (n = 22) or placebo (n = 21).',
    expect: [{ find: '44', kind: 'arm-sizes', verdict: 'inconsistent', planted: true }],
  },
  {
    id: 'en-per-arm',
    locale: 'en',
    about: 'k per arm with a 1:1 ratio',
    text: 'Overall, 44 participants were randomised 1:1, 22 per arm.',
    expect: [{ find: '44', kind: 'arm-sizes', verdict: 'consistent' }],
  },
  {
    id: 'en-per-protocol',
    locale: 'en',
    about: 'tricky: n = 44 followed by a per-protocol subset',
    text: 'A total of 44 patients were randomised (n = 22 per arm). The per-protocol population included 38 patients (n = 19 and n = 19).',
    expect: [{ find: '44', kind: 'arm-sizes', verdict: 'consistent' }],
  },
  {
    id: 'en-words-missed',
    locale: 'en',
    about: 'known miss: a total written in words',
    text: 'Forty patients were randomised, 22 per arm.',
    expect: [],
    missed: { count: 1, why: 'the total is written in words' },
  },
  // ── verbal fractions and sums ────────────────────────────────────────────
  {
    id: 'en-fractions',
    locale: 'en',
    about: 'verbal fractions: exact, rounded, hedged',
    text: 'Half of the 55 children reached remission, a quarter of 44 adults relapsed and nearly a third of 191 adults waited over a year.',
    expect: [
      { find: 'Half of the 55', kind: 'verbal-fraction', verdict: 'rounding' },
      { find: 'a quarter of 44', kind: 'verbal-fraction', verdict: 'consistent' },
      { find: 'nearly a third of 191', kind: 'verbal-fraction', verdict: 'not-checked' },
    ],
  },
  {
    id: 'en-sum-planted',
    locale: 'en',
    about: 'shares of one group that do not sum to 100 %',
    text: 'Of the 40 patients, 55% were men and 40% women.',
    expect: [
      { find: '55%', kind: 'percent', verdict: 'consistent' },
      {
        find: '55% were men and 40% women',
        kind: 'percent-sum',
        verdict: 'inconsistent',
        planted: true,
      },
    ],
  },
  {
    id: 'en-sum-ok',
    locale: 'en',
    about: 'shares that sum to 100 %',
    text: 'The cohort was 62.5% female and 37.5% male.',
    expect: [{ find: '62.5% female and 37.5% male', kind: 'percent-sum', verdict: 'consistent' }],
  },
  {
    id: 'en-dates-doses',
    locale: 'en',
    about: 'tricky: dates, ages, doses, ranges and troughs are not figures',
    text: 'Between 12 March 2015 and 30 June 2017, 44 participants aged 45–80 years received sirolimus 2 mg/day; trough levels were 4–14 ng/mL (target 5.2 to 13.9).',
    expect: [],
  },
  {
    id: 'en-words-pct-missed',
    locale: 'en',
    about: 'known miss: a denominator written in words',
    text: 'Complete response was seen in 73% of the twelve children.',
    expect: [],
    missed: { count: 1, why: 'the denominator is written in words' },
  },
  // ── French ───────────────────────────────────────────────────────────────
  {
    id: 'fr-kn',
    locale: 'fr',
    about: 'k/n (x %) in French',
    text: 'Des événements indésirables graves sont survenus chez 10/22 (45 %) patients sous sirolimus contre 6/22 (27 %) sous placebo.',
    expect: [
      { find: '10/22 (45 %)', kind: 'percent', verdict: 'consistent' },
      { find: '6/22 (27 %)', kind: 'percent', verdict: 'consistent' },
    ],
  },
  {
    id: 'fr-rr-planted',
    locale: 'fr',
    about: 'RR with decimal commas and a wrong p',
    text: 'Le risque relatif était de 1,50 (IC 95 % 1,10–2,05) ; p=0,38.',
    expect: [
      {
        find: 'risque relatif était de 1,50',
        kind: 'estimate',
        verdict: 'inconsistent',
        planted: true,
      },
    ],
  },
  {
    id: 'fr-or',
    locale: 'fr',
    about: 'OR with "IC 95 %" and "p=0,01"',
    text: "L'odds ratio ajusté était de 2,1 (IC 95 % 1,2–3,7) ; p=0,01.",
    expect: [{ find: 'odds ratio ajusté était de 2,1', kind: 'estimate', verdict: 'consistent' }],
  },
  {
    id: 'fr-fractions',
    locale: 'fr',
    about: 'verbal fractions in French',
    text: "Près du quart de 191 adultes ont attendu plus d'un an. La moitié des 40 enfants ont répondu.",
    expect: [
      { find: 'Près du quart de 191', kind: 'verbal-fraction', verdict: 'not-checked' },
      { find: 'La moitié des 40', kind: 'verbal-fraction', verdict: 'consistent' },
    ],
  },
  {
    id: 'fr-parmi-planted',
    locale: 'fr',
    about: '"Parmi les N …, x %", impossible',
    text: 'Parmi les 11 patients, 60 % portaient le variant HLA-DRB1*11:01.',
    expect: [{ find: '60 %', kind: 'percent', verdict: 'inconsistent', planted: true }],
  },
  {
    id: 'fr-thin-space',
    locale: 'fr',
    about: 'thousands with a narrow no-break space',
    text: 'Sur 1\u202f215 vétérans, 6,6 % étaient diabétiques.',
    expect: [{ find: '6,6 %', kind: 'percent', verdict: 'consistent' }],
  },
  {
    id: 'fr-t-planted',
    locale: 'fr',
    about: 'statcheck t with decimal commas',
    text: 'La distance de marche a augmenté (t(28) = 2,20 ; p = 0,03).',
    expect: [
      { find: 't(28) = 2,20', kind: 'test-statistic', verdict: 'inconsistent', planted: true },
    ],
  },
  {
    id: 'fr-arms',
    locale: 'fr',
    about: 'arm sizes labelled by dose add up',
    text: 'Au total, 75 patients ont été randomisés : dazukibart 150 mg n = 15, 600 mg n = 37, placebo n = 23.',
    expect: [{ find: '75', kind: 'arm-sizes', verdict: 'consistent' }],
  },
  {
    id: 'fr-grimmer-planted',
    locale: 'fr',
    about: 'GRIMMER in French',
    text: 'Le score moyen (ET) était de 3,44 (2,47) chez 18 patients.',
    expect: [{ find: '3,44 (2,47)', kind: 'mean', verdict: 'inconsistent', planted: true }],
  },
  {
    id: 'fr-sum',
    locale: 'fr',
    about: 'shares of men and women in French',
    text: "La cohorte comptait 61 % d'hommes et 39 % de femmes.",
    expect: [
      { find: "61 % d'hommes et 39 % de femmes", kind: 'percent-sum', verdict: 'consistent' },
    ],
  },
  {
    id: 'fr-per-protocol',
    locale: 'fr',
    about: 'tricky: per-protocol subset after the randomised total',
    text: "44 patients ont été randomisés (22 par bras) ; l'analyse per protocole a porté sur 38 patients (n = 19 et n = 19).",
    expect: [{ find: '44', kind: 'arm-sizes', verdict: 'consistent' }],
  },
  {
    id: 'fr-des-n',
    locale: 'fr',
    about: '"x % des N"',
    text: 'Au total, 3,5 % des 287 patients étaient positifs.',
    expect: [{ find: '3,5 % des 287', kind: 'percent', verdict: 'consistent' }],
  },
  // ── Kaplan–Meier percentages of small series ────────────────────────────
  {
    id: 'en-km-planted',
    locale: 'en',
    about: 'a survival percentage no Kaplan–Meier estimate on 9 patients can take',
    text: 'Nine patients received the transplant. Overall survival was 89% at one year and 79% at three years.',
    expect: [
      { find: '89%', kind: 'survival-percent', verdict: 'consistent' },
      { find: '79%', kind: 'survival-percent', verdict: 'inconsistent', planted: true },
    ],
  },
  {
    id: 'fr-km-censored',
    locale: 'fr',
    about: 'reachable only with censoring (68,6 % = 6/7 × 4/5) is consistent, not an error',
    text: 'Sept enfants ont été traités.\n\nLa survie sans événement à cinq ans est de 68,6 %.',
    expect: [{ find: '68,6 %', kind: 'survival-percent', verdict: 'consistent' }],
  },
  {
    id: 'en-km-large-or-ambiguous',
    locale: 'en',
    about: 'survival in a large group is not judged; two group sizes say nothing',
    text: 'Of 120 patients, progression-free survival at two years was 77%. Among 8 adults and 6 children, survival was 77%.',
    expect: [{ find: '77%', kind: 'survival-percent', verdict: 'not-checked' }],
  },
];
