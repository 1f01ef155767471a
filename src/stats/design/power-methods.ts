import {
  chiSquareQuantile,
  fQuantile,
  noncentralChiSquareSf,
  noncentralFSf,
  normalCdf,
  normalQuantile,
  normalSf,
  tQuantile,
} from '../dist/index.js';
import { InputError } from '../../errors.js';
import { defineMethods, type MethodEntry, type MethodId } from '../method-registry.js';
import { farringtonManningPower } from './farrington-manning-power.js';
import type { PowerDomain } from './solve-power.js';
import { tostRatioPower, type TostDesign } from './tost-ratio-power.js';
import { welchPower, type PowerAlternative } from './welch-power.js';

/** A number a power calculation takes (and may solve for). */
export interface PowerParameter {
  /** Key in the values and the CLI flag (`--name`). */
  readonly name: string;
  readonly description: string;
  readonly domain: PowerDomain;
  /** Used when left out; a parameter with a default is solved for only when asked (`solve`). */
  readonly default?: number;
  /** A default computed from the other values (after the plain defaults), e.g. θ2 = 1/θ1. */
  readonly defaultOf?: (values: Record<string, number>) => number;
  /** Bracket searched when solving for it (R pwr's uniroot interval); none: not solvable. */
  readonly search?:
    | readonly [number, number]
    | ((values: Record<string, number>, choices: Record<string, string>) => [number, number]);
  /** A sample size: report the smallest whole size (a multiple of the step) reaching the power. */
  readonly size?: true | ((choices: Record<string, string>) => number);
}

/** A named option with fixed values (the alternative, a design). */
export interface PowerChoice {
  readonly name: string;
  readonly description: string;
  readonly values: readonly string[];
  readonly default: string;
}

/** An entry of `POWER_METHODS`: `run` is the power at complete, checked values. */
export interface PowerMethodEntry
  extends MethodEntry<
    string,
    (values: Record<string, number>, choices: Record<string, string>) => number
  > {
  readonly parameters: readonly PowerParameter[];
  readonly choices: readonly PowerChoice[];
  /** Cross-parameter checks (beyond each domain) on the given values. */
  readonly check?: (values: Record<string, number>, choices: Record<string, string>) => void;
  /** Arguments after `trialstat power <id>` for the help text and the JSON-schema test. */
  readonly example: readonly string[];
}

const ALTERNATIVE: PowerChoice = {
  name: 'alternative',
  description: 'two-sided, less or greater (the direction of the effect under H1)',
  values: ['two-sided', 'less', 'greater'],
  default: 'two-sided',
};

const alpha = (value = 0.05): PowerParameter => ({
  name: 'alpha',
  description: 'significance level',
  domain: 'unit',
  default: value,
  search: [1e-10, 1 - 1e-10],
});

/** pwr's brackets for a standardized effect: (0, 10] two-sided, [−10, 5] less, [−5, 10] greater. */
const effectSearch = (
  _values: Record<string, number>,
  choices: Record<string, string>,
): [number, number] =>
  choices.alternative === 'two-sided'
    ? [1e-10, 10]
    : choices.alternative === 'less'
      ? [-10, 5]
      : [-5, 10];

/** Power of a z-test of a standardized shift e√n (pwr.norm.test, pwr.p.test). */
function zPower(shift: number, level: number, alternative: string): number {
  if (alternative === 'two-sided') {
    const z = normalQuantile(level / 2, 0, 1, { lowerTail: false });
    return normalSf(z - Math.abs(shift)) + normalCdf(-z - Math.abs(shift));
  }
  const z = normalQuantile(level, 0, 1, { lowerTail: false });
  return alternative === 'greater' ? normalSf(z - shift) : normalCdf(-z - shift);
}

/** pwr.r.test: Fisher's z of r with the bias term r/(2(n − 1)) against the critical r of the t-test. */
function correlationPower(r: number, n: number, level: number, alternative: string): number {
  const tail = (rr: number, a: number) => {
    const t = tQuantile(a, n - 2, { lowerTail: false });
    const rc = Math.sqrt((t * t) / (t * t + n - 2));
    return { zr: Math.atanh(rr) + rr / (2 * (n - 1)), zrc: Math.atanh(rc) };
  };
  if (alternative === 'two-sided') {
    const { zr, zrc } = tail(Math.abs(r), level / 2);
    return normalCdf((zr - zrc) * Math.sqrt(n - 3)) + normalCdf((-zr - zrc) * Math.sqrt(n - 3));
  }
  const { zr, zrc } = tail(alternative === 'less' ? -r : r, level);
  return normalCdf((zr - zrc) * Math.sqrt(n - 3));
}

/** Power of an F test at noncentrality λ: P(F′(df1, df2, λ) > F(1 − α, df1, df2)). */
function fTestPower(level: number, df1: number, df2: number, ncp: number): number {
  return noncentralFSf(fQuantile(level, df1, df2, { lowerTail: false }), df1, df2, ncp);
}

const TOST_DESIGN_CHOICE: PowerChoice = {
  name: 'design',
  description: '2x2 crossover, parallel groups or paired (n is the total number of subjects)',
  values: ['2x2', 'parallel', 'paired'],
  default: '2x2',
};

function tostEntry(method: 'exact' | 'nct') {
  return {
    id: method === 'exact' ? 'tost-ratio' : 'tost-ratio-nct',
    label:
      method === 'exact'
        ? "TOST for a ratio of means (log scale), exact power by Owen's Q"
        : 'TOST for a ratio of means (log scale), noncentral-t approximation',
    formula:
      method === 'exact'
        ? 'σ = √log(1 + CV²), se = σ√(b/n); power = ∫₀^{(δ1−δ2)/2t} [Φ(δ1 − ts) − Φ(δ2 + ts)] f_S(s) ds, δi = (log θ0 − log θi)/se, S = √(χ²ν/ν)'
        : 'power = P(T′(ν, δ2) < −t(1−α, ν)) − P(T′(ν, δ1) ≤ t(1−α, ν)), δi = (log θ0 − log θi)/se, se = √log(1 + CV²) √(b/n)',
    reference:
      method === 'exact'
        ? 'Owen DB, Biometrika 1965;52:437–446; Phillips KF, J Pharmacokinet Biopharm 1990;18:137–144; as PowerTOST power.TOST(method = "exact")'
        : 'Schuirmann DJ, J Pharmacokinet Biopharm 1987;15:657–680; as PowerTOST power.TOST(method = "nct")',
    parameters: [
      {
        name: 'theta0',
        description: 'true ratio of means (test/reference)',
        domain: 'positive',
        default: 0.95,
        search: (v: Record<string, number>) => [
          v.theta1 * (1 + 1e-9),
          Math.sqrt(v.theta1 * v.theta2),
        ],
      },
      { name: 'theta1', description: 'lower equivalence limit', domain: 'positive', default: 0.8 },
      {
        name: 'theta2',
        description: 'upper equivalence limit (default 1/theta1)',
        domain: 'positive',
        defaultOf: (v: Record<string, number>) => 1 / v.theta1,
      },
      {
        name: 'cv',
        description: 'coefficient of variation (within-subject for 2x2 and paired)',
        domain: 'positive',
        search: [1e-4, 10],
      },
      {
        name: 'n',
        description: 'total number of subjects',
        domain: 'positive',
        search: (_v: Record<string, number>, c: Record<string, string>) => [
          c.design === 'paired' ? 2 : 3,
          1e7,
        ],
        size: (c: Record<string, string>) => (c.design === 'paired' ? 1 : 2),
      },
      alpha(),
    ],
    choices: [TOST_DESIGN_CHOICE],
    check: (v: Record<string, number>, c: Record<string, string>) => {
      if (v.theta1 !== undefined && v.theta2 !== undefined && !(v.theta2 > v.theta1))
        throw new InputError('theta2', v.theta2, `an upper limit above theta1 (${v.theta1})`);
      if (v.n !== undefined && !(v.n > (c.design === 'paired' ? 1 : 2)))
        throw new InputError('n', v.n, 'a size giving at least 1 degree of freedom');
    },
    run: (v: Record<string, number>, c: Record<string, string>) =>
      tostRatioPower(
        {
          theta0: v.theta0,
          theta1: v.theta1,
          theta2: v.theta2,
          cv: v.cv,
          n: v.n,
          alpha: v.alpha,
        },
        c.design as TostDesign,
        method,
      ),
    example:
      method === 'exact'
        ? ['--cv', '0.3', '--theta2', '1.25', '--power', '0.8']
        : ['--cv', '0.3', '--theta2', '1.25', '--n', '40'],
  } as const satisfies PowerMethodEntry;
}

/**
 * Power calculations beyond `power means|props|margin|survival`, each a power function of named
 * parameters: any one of them (or the power) is solved for by solvePower. The pwr family is
 * pwr.norm.test, pwr.p.test, pwr.r.test, pwr.chisq.test, pwr.anova.test and pwr.f2.test
 * (Cohen 1988, Statistical Power Analysis for the Behavioral Sciences, 2nd ed.).
 */
export const POWER_METHODS = defineMethods('power', [
  {
    id: 'norm',
    label: 'z-test of a mean with known variance (pwr.norm.test)',
    formula: 'power = Φ(d√n − z(1−α/2)) + Φ(−d√n − z(1−α/2)) two-sided; Φ(d√n − z(1−α)) greater',
    reference: 'Cohen J (1988), ch. 2; as R pwr::pwr.norm.test',
    parameters: [
      {
        name: 'd',
        description: 'standardized difference (μ − μ0)/σ',
        domain: 'real',
        search: effectSearch,
      },
      {
        name: 'n',
        description: 'sample size',
        domain: 'positive',
        search: [1 + 1e-10, 1e9],
        size: true,
      },
      alpha(),
    ],
    choices: [ALTERNATIVE],
    run: (v, c) => zPower(v.d * Math.sqrt(v.n), v.alpha, c.alternative),
    example: ['--d', '0.3', '--power', '0.8'],
  },
  {
    id: 'p',
    label: "one proportion, arcsine test (Cohen's h; pwr.p.test)",
    formula: 'h = 2 asin √p − 2 asin √p0; power = Φ(h√n − z(1−α/2)) + Φ(−h√n − z(1−α/2)) two-sided',
    reference: 'Cohen J (1988), ch. 6; as R pwr::pwr.p.test',
    parameters: [
      {
        name: 'h',
        description: "Cohen's h, 2 asin √p − 2 asin √p0",
        domain: 'real',
        search: effectSearch,
      },
      {
        name: 'n',
        description: 'sample size',
        domain: 'positive',
        search: [2 + 1e-10, 1e9],
        size: true,
      },
      alpha(),
    ],
    choices: [ALTERNATIVE],
    run: (v, c) => zPower(v.h * Math.sqrt(v.n), v.alpha, c.alternative),
    example: ['--h', '0.2', '--n', '60', '--alternative', 'greater'],
  },
  {
    id: 'r',
    label: 'correlation, Fisher z approximation (pwr.r.test)',
    formula:
      'r_c = √(t²/(t² + n − 2)), t = t(1−α/2, n − 2); power = Φ((z_r − z_c)√(n − 3)) + Φ((−z_r − z_c)√(n − 3)), z_r = atanh r + r/(2(n − 1)), z_c = atanh r_c',
    reference: 'Cohen J (1988), ch. 3; as R pwr::pwr.r.test',
    parameters: [
      {
        name: 'r',
        description: 'true correlation',
        domain: 'real',
        search: (_v, c) =>
          c.alternative === 'two-sided' ? [1e-10, 1 - 1e-10] : [-1 + 1e-10, 1 - 1e-10],
      },
      {
        name: 'n',
        description: 'sample size (≥ 4)',
        domain: 'positive',
        search: [4 + 1e-10, 1e9],
        size: true,
      },
      alpha(),
    ],
    choices: [ALTERNATIVE],
    check: (v) => {
      if (v.r !== undefined && !(Math.abs(v.r) < 1))
        throw new InputError('r', v.r, 'a correlation in (−1, 1)');
      if (v.n !== undefined && !(v.n >= 4)) throw new InputError('n', v.n, 'at least 4');
    },
    run: (v, c) => correlationPower(v.r, v.n, v.alpha, c.alternative),
    example: ['--r', '0.3', '--power', '0.8'],
  },
  {
    id: 'chisq',
    label: 'chi-square test, noncentral χ² (pwr.chisq.test)',
    formula: 'power = P(χ²′(df, λ = n w²) > χ²(1−α, df))',
    reference: 'Cohen J (1988), ch. 7; as R pwr::pwr.chisq.test',
    parameters: [
      { name: 'w', description: "Cohen's w", domain: 'positive', search: [1e-10, 1e9 + 1e-10] },
      {
        name: 'n',
        description: 'total number of observations',
        domain: 'positive',
        search: [1 + 1e-10, 1e9],
        size: true,
      },
      { name: 'df', description: 'degrees of freedom', domain: 'positive', search: [1, 100] },
      alpha(),
    ],
    choices: [],
    run: (v) =>
      noncentralChiSquareSf(
        chiSquareQuantile(v.alpha, v.df, { lowerTail: false }),
        v.df,
        v.n * v.w * v.w,
      ),
    example: ['--w', '0.3', '--df', '2', '--power', '0.8'],
  },
  {
    id: 'anova',
    label: 'balanced one-way ANOVA, noncentral F (pwr.anova.test)',
    formula: 'power = P(F′(k − 1, k(n − 1), λ = k n f²) > F(1−α, k − 1, k(n − 1)))',
    reference: 'Cohen J (1988), ch. 8; as R pwr::pwr.anova.test',
    parameters: [
      { name: 'k', description: 'number of groups', domain: 'positive', search: [2 + 1e-10, 100] },
      {
        name: 'n',
        description: 'observations per group',
        domain: 'positive',
        search: [2 + 1e-10, 1e9],
        size: true,
      },
      { name: 'f', description: "Cohen's f", domain: 'positive', search: [1e-7, 1e7] },
      alpha(),
    ],
    choices: [],
    check: (v) => {
      if (v.k !== undefined && !(v.k >= 2)) throw new InputError('k', v.k, 'at least 2 groups');
      if (v.n !== undefined && !(v.n >= 2)) throw new InputError('n', v.n, 'at least 2 per group');
    },
    run: (v) => fTestPower(v.alpha, v.k - 1, (v.n - 1) * v.k, v.k * v.n * v.f * v.f),
    example: ['--k', '4', '--f', '0.25', '--power', '0.8'],
  },
  {
    id: 'f2',
    label: 'multiple regression F test (pwr.f2.test)',
    formula: 'power = P(F′(u, v, λ = f²(u + v + 1)) > F(1−α, u, v))',
    reference: 'Cohen J (1988), ch. 9; as R pwr::pwr.f2.test',
    parameters: [
      {
        name: 'u',
        description: 'numerator df (tested predictors)',
        domain: 'positive',
        search: [1 + 1e-10, 100],
      },
      {
        name: 'v',
        description: 'denominator df (n − u − 1)',
        domain: 'positive',
        search: [1 + 1e-10, 1e9],
        size: true,
      },
      { name: 'f2', description: "Cohen's f²", domain: 'positive', search: [1e-7, 1e7] },
      alpha(),
    ],
    choices: [],
    run: (v) => fTestPower(v.alpha, v.u, v.v, v.f2 * (v.u + v.v + 1)),
    example: ['--u', '3', '--f2', '0.15', '--power', '0.8'],
  },
  {
    id: 'welch',
    label: "Welch's t-test with unequal SDs, analytic (Satterthwaite df, noncentral t)",
    formula:
      'ν = (σ1²/n1 + σ2²/n2)² / [(σ1²/n1)²/(n1 − 1) + (σ2²/n2)²/(n2 − 1)], λ = δ/√(σ1²/n1 + σ2²/n2); power = P(T′(ν, λ) > t(1−α/2, ν)) + P(T′ < −t)',
    reference:
      'Satterthwaite FE, Biometrics Bull 1946;2:110–114; Welch BL, Biometrika 1947;34:28–35; as MESS::power_welch_t_test',
    parameters: [
      {
        name: 'delta',
        description: 'true difference in means, arm 1 − arm 2',
        domain: 'real',
        search: (v, c) => {
          const scale = Math.max(v.sd1, v.sd2);
          return c.alternative === 'less'
            ? [-10 * scale, -1e-10 * scale]
            : [1e-10 * scale, 10 * scale];
        },
      },
      { name: 'sd1', description: 'SD in arm 1', domain: 'positive' },
      { name: 'sd2', description: 'SD in arm 2', domain: 'positive' },
      {
        name: 'n1',
        description: 'patients in arm 1 (arm 2: ratio × n1)',
        domain: 'positive',
        search: [2 + 1e-10, 1e7],
        size: true,
      },
      { name: 'ratio', description: 'allocation ratio n2/n1', domain: 'positive', default: 1 },
      alpha(),
    ],
    choices: [ALTERNATIVE],
    check: (v) => {
      if (v.n1 !== undefined && !(v.n1 > 1 && v.n1 * v.ratio > 1))
        throw new InputError('n1', v.n1, 'more than 1 patient in each arm');
    },
    run: (v, c) =>
      welchPower(
        { n1: v.n1, delta: v.delta, sd1: v.sd1, sd2: v.sd2, ratio: v.ratio, alpha: v.alpha },
        c.alternative as PowerAlternative,
      ),
    example: ['--delta', '1', '--sd1', '1', '--sd2', '2', '--power', '0.9'],
  },
  {
    id: 'fm-props',
    label: 'non-inferiority of two proportions, Farrington–Manning score test',
    formula:
      'power = Φ((p1 − p2 + δ − z(1−α) σ̃)/σ), σ² = p1q1/n1 + p2q2/n2, σ̃² at the MLE restricted to p̃1 − p̃2 = −δ',
    reference:
      'Farrington CP, Manning G. Stat Med 1990;9:1447–1454; as rpact getSampleSizeRates / getPowerRates (thetaH0 = −δ, normalApproximation = TRUE)',
    parameters: [
      { name: 'p1', description: 'proportion in arm 1 (the new treatment)', domain: 'unit' },
      { name: 'p2', description: 'proportion in arm 2 (the control)', domain: 'unit' },
      {
        name: 'margin',
        description: 'non-inferiority margin δ > 0 on p1 − p2 (H0: p1 − p2 ≤ −δ)',
        domain: 'positive',
        search: (v) => [1e-9, 1 - 1e-9 + Math.min(0, v.p1 - v.p2)],
      },
      {
        name: 'n1',
        description: 'patients in arm 1 (arm 2: ratio × n1)',
        domain: 'positive',
        search: [1e-3, 1e9],
        size: true,
      },
      { name: 'ratio', description: 'allocation ratio n2/n1', domain: 'positive', default: 1 },
      { ...alpha(0.025), description: 'one-sided significance level' },
    ],
    choices: [],
    check: (v) => {
      if (v.margin !== undefined && !(v.margin < 1))
        throw new InputError('margin', v.margin, 'a margin below 1');
      if (
        v.margin !== undefined &&
        v.p1 !== undefined &&
        v.p2 !== undefined &&
        !(v.p1 - v.p2 > -v.margin)
      )
        throw new InputError(
          'margin',
          v.margin,
          `a margin with p1 − p2 > −margin (p1 − p2 = ${v.p1 - v.p2})`,
        );
    },
    run: (v) =>
      farringtonManningPower({
        p1: v.p1,
        p2: v.p2,
        margin: v.margin,
        n1: v.n1,
        ratio: v.ratio,
        alpha: v.alpha,
      }),
    example: ['--p1', '0.8', '--p2', '0.8', '--margin', '0.1', '--power', '0.8'],
  },
  tostEntry('exact'),
  tostEntry('nct'),
] as const satisfies readonly PowerMethodEntry[]);

export type PowerMethodId = MethodId<typeof POWER_METHODS>;
