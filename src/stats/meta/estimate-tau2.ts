import { logDeterminant, weightedFit } from './weighted-fit.js';
import { zeroin } from '../numeric/zeroin.js';
import { messages, warning, type Warning } from '../warnings.js';
import { defineMethods, type MethodEntry, type MethodId } from '../method-registry.js';

/** Everything a τ² estimator receives: the data, the resolved control and shared helpers. */
export interface Tau2Context {
  yi: readonly number[];
  vi: readonly number[];
  X: readonly (readonly number[])[];
  /** Studies and fixed-effect parameters. */
  k: number;
  p: number;
  /** 1/vᵢ. */
  inv: number[];
  control: Required<Tau2Control>;
  /** Warnings to add to. */
  warnings: Warning[];
  /** The Hedges (HE) estimate, untruncated: the start of Fisher scoring. */
  he(): number;
  /** The result: τ² truncated at 0. */
  done(tau2: number, iterations?: number, converged?: boolean): Tau2Fit;
}

/** What an estimator returns; `estimateTau2` adds the method's id. */
export interface Tau2Fit {
  tau2: number;
  iterations: number;
  converged: boolean;
  warnings: Warning[];
}

/** A registry entry of `TAU2_ESTIMATORS`. */
export interface Tau2Estimator extends MethodEntry<string, (context: Tau2Context) => Tau2Fit> {
  /** Iterative (Fisher scoring or root finding): results carry iterations and convergence. */
  readonly iterative: boolean;
}

/** The DL estimate on the same data (the fallback when an iterative estimator fails). */
function dlFit({ yi, X, inv, k, p }: Tau2Context): { tau2: number; iterations: number } {
  const fit = weightedFit(yi, X, inv);
  return { tau2: Math.max(0, (fit.rss - (k - p)) / fit.trP), iterations: 0 };
}

/** Fisher scoring from the HE value with metafor's step halving and stopping rule. */
function fisherScoring(method: 'ML' | 'REML' | 'EB', context: Tau2Context): Tau2Fit {
  const { yi, vi, X, k, p, control, warnings, done } = context;
  const { threshold, maxiter, stepadj, tol, tau2Max } = control;
  let tau2 = Math.min(tau2Max, Math.max(0, context.he()));
  let capped = false;
  let change = threshold + 1;
  let iter = 0;
  let converged = true;
  while (change > threshold) {
    iter++;
    const old = tau2;
    const fit = weightedFit(
      yi,
      X,
      vi.map((v) => 1 / (v + tau2)),
    );
    let adj: number;
    if (method === 'ML') adj = (fit.rss2 - fit.sumW) / fit.sumW2;
    else if (method === 'REML') adj = (fit.rss2 - fit.trP) / fit.trPP;
    else adj = ((fit.rss * k) / (k - p) - k) / fit.sumW;
    adj *= stepadj;
    if (Number.isNaN(adj)) adj = 0;
    while (tau2 + adj < 0) adj /= 2;
    capped = tau2 + adj > tau2Max;
    tau2 = capped ? tau2Max : tau2 + adj;
    change = Math.abs(old - tau2);
    if (iter > maxiter) {
      converged = false;
      break;
    }
  }
  if (!converged) {
    warnings.push(
      warning('tau2-not-converged', {
        method,
        detail: `Fisher scoring did not converge in ${maxiter} iterations; using the DL estimate instead`,
      }),
    );
    return { ...dlFit(context), iterations: iter, converged: false, warnings };
  }
  if (capped)
    warnings.push(
      warning('tau2-not-converged', {
        method,
        detail: `Fisher scoring stopped at the upper bound τ² = ${tau2Max} (tau2Max)`,
      }),
    );
  if (
    method !== 'EB' &&
    tau2 > threshold &&
    logLik(yi, vi, X, 0, method) - logLik(yi, vi, X, tau2, method) > tol
  ) {
    warnings.push(warning('tau2-local-maximum', { method }));
    tau2 = 0;
  }
  return done(tau2, iter, true);
}

/**
 * Between-study variance estimators, named as metafor's `rma(method = ...)`, in metafor's
 * order of documentation; REML is the default (as metafor). All are truncated at 0.
 */
export const TAU2_ESTIMATORS = defineMethods(
  'τ² estimator',
  [
    {
      id: 'DL',
      label: 'DerSimonian–Laird',
      iterative: false,
      formula: 'τ² = (Q − (k − p)) / tr P, wᵢ = 1/vᵢ',
      reference: 'DerSimonian R, Laird N. Control Clin Trials 1986;7:177–188',
      run: ({ yi, X, inv, k, p, done }): Tau2Fit => {
        const fit = weightedFit(yi, X, inv);
        return done((fit.rss - (k - p)) / fit.trP);
      },
    },
    {
      id: 'REML',
      label: 'restricted maximum likelihood',
      iterative: true,
      formula:
        'Fisher scoring on the restricted likelihood from the HE value: τ² += (y′P²y − tr P) / tr P²',
      reference: 'Viechtbauer W. J Educ Behav Stat 2005;30:261–293',
      run: (context): Tau2Fit => fisherScoring('REML', context),
    },
    {
      id: 'ML',
      label: 'maximum likelihood',
      iterative: true,
      formula: 'Fisher scoring on the likelihood from the HE value: τ² += (Σwᵢ²rᵢ² − Σwᵢ) / Σwᵢ²',
      reference: 'Viechtbauer W. J Educ Behav Stat 2005;30:261–293',
      run: (context): Tau2Fit => fisherScoring('ML', context),
    },
    {
      id: 'PM',
      label: 'Paule–Mandel',
      iterative: true,
      formula: 'root of y′P(τ²)y = k − p (generalised Q equals its expectation), Brent',
      reference:
        'Paule RC, Mandel J. J Res Natl Bur Stand 1982;87:377–385; DerSimonian R, Kacker R. Contemp Clin Trials 2007;28:105–114',
      run: (context): Tau2Fit => {
        const { yi, vi, X, k, p, control, warnings, done } = context;
        const { tol, maxiter } = control;
        const q = (tau2: number): number =>
          weightedFit(
            yi,
            X,
            vi.map((v) => 1 / (v + tau2)),
          ).rss -
          (k - p);
        const tau2Max = Number.isFinite(control.tau2Max)
          ? control.tau2Max
          : Math.max(100, 10 * mad(yi) ** 2);
        const q0 = q(0);
        if (q0 < 0) return done(0);
        const qMax = q(tau2Max);
        if (qMax > 0) {
          warnings.push(
            warning('tau2-not-converged', {
              method: 'PM',
              detail: `generalised Q still above k − p at τ² = ${tau2Max}; no root found, using the DL estimate instead`,
            }),
          );
          return { ...dlFit(context), converged: false, warnings };
        }
        const root = zeroin(q, 0, tau2Max, { tol, maxiter, fLower: q0, fUpper: qMax });
        if (!root.converged)
          warnings.push(
            warning('tau2-not-converged', {
              method: 'PM',
              detail: `root finding did not converge in ${maxiter} iterations; last value used`,
            }),
          );
        return done(root.root, root.iterations, root.converged);
      },
    },
    {
      id: 'HE',
      label: 'Hedges',
      iterative: false,
      formula: 'τ² = (Σ OLS residual² − tr(P₀V)) / (k − p)',
      reference: 'Hedges LV, Olkin I. Statistical Methods for Meta-Analysis, 1985',
      run: ({ he, done }): Tau2Fit => done(he()),
    },
    {
      id: 'HS',
      label: 'Hunter–Schmidt',
      iterative: false,
      formula: 'τ² = (Q − k) / Σwᵢ, wᵢ = 1/vᵢ',
      reference: 'Hunter JE, Schmidt FL. Methods of Meta-Analysis, 2nd ed., 2004',
      run: ({ yi, X, inv, k, done }): Tau2Fit => {
        const fit = weightedFit(yi, X, inv);
        return done((fit.rss - k) / fit.sumW);
      },
    },
    {
      id: 'SJ',
      label: 'Sidik–Jonkman',
      iterative: false,
      formula: 'τ² = τ₀² · y′P(τ₀²)y / (k − p), τ₀² = Σ(yᵢ − ȳ)²/k',
      reference: 'Sidik K, Jonkman JN. J Biopharm Stat 2005;15:823–838',
      run: ({ yi, vi, X, k, p, done }): Tau2Fit => {
        const mean = yi.reduce((s, y) => s + y, 0) / k;
        const tau20 = yi.reduce((s, y) => s + (y - mean) ** 2, 0) / k;
        const fit = weightedFit(
          yi,
          X,
          vi.map((v) => 1 / (v + tau20)),
        );
        return done((tau20 * fit.rss) / (k - p));
      },
    },
    {
      id: 'EB',
      label: 'empirical Bayes',
      iterative: true,
      formula: 'Fisher scoring from the HE value: τ² += (Q·k/(k − p) − k) / Σwᵢ',
      reference: 'Morris CN. JASA 1983;78:47–55; Berkey CS et al. Stat Med 1995;14:395–411',
      run: (context): Tau2Fit => fisherScoring('EB', context),
    },
  ] as const satisfies readonly Tau2Estimator[],
  'REML',
);

export type Tau2Method = MethodId<typeof TAU2_ESTIMATORS>;
/** The estimator ids (kept for callers of 0.1; the registry is `TAU2_ESTIMATORS`). */
export const TAU2_METHODS: readonly Tau2Method[] = TAU2_ESTIMATORS.ids;

export interface Tau2Control {
  /** Fisher scoring stops when |Δτ²| ≤ threshold. Default 1e-5 (metafor). */
  threshold?: number;
  /** Iteration limit for Fisher scoring (metafor 100) and root finding. */
  maxiter?: number;
  /** Step multiplier for Fisher scoring. Default 1. */
  stepadj?: number;
  /** Root-finding tolerance for PM. Default eps^0.25 as metafor (R's uniroot). */
  tol?: number;
  /**
   * Upper bound for τ² (metafor control tau2.max): the end of PM's root search (default
   * max(100, 10·mad(y)²), as metafor) and a cap on Fisher-scoring steps (default none).
   */
  tau2Max?: number;
}

export interface Tau2Estimate {
  tau2: number;
  method: Tau2Method;
  /** Fisher-scoring steps (REML/ML/EB) or root-finder evaluations (PM); 0 for closed forms. */
  iterations: number;
  converged: boolean;
  /** The messages of `codedWarnings`. */
  warnings: string[];
  codedWarnings: Warning[];
}

/**
 * Estimates τ² with the algorithms of metafor 3.8 `rma.uni` (same starting values, step
 * halving at τ² = 0, stopping rule and truncation), so that results agree with metafor to
 * rounding, not merely to its tolerance. The estimators are the entries of `TAU2_ESTIMATORS`:
 * - DL  (RSS − (k−p)) / tr P with wᵢ = 1/vᵢ            DerSimonian & Laird 1986, Control Clin Trials 7:177
 * - HE  (Σ OLS residual² − tr(P₀V)) / (k−p)              Hedges 1983; Hedges & Olkin 1985
 * - HS  (RSS − k) / Σwᵢ                                   Hunter & Schmidt 2004
 * - SJ  τ₀² · y'P(τ₀²)y / (k−p), τ₀² = Σ(yᵢ−ȳ)²/k          Sidik & Jonkman 2005, J Biopharm Stat 15:823
 * - ML, REML, EB  Fisher scoring from the HE value       Viechtbauer 2005, J Educ Behav Stat 30:261
 * - PM  root of y'P(τ²)y = k − p (Brent)                  Paule & Mandel 1982; DerSimonian & Kacker 2007
 * All are truncated at 0. ML/REML also apply metafor's check that the likelihood at τ² = 0
 * is not higher (then τ² = 0 with a warning).
 * @example estimateTau2(bcg.yi, bcg.vi, 'REML').tau2 // 0.313243325980895 (dat.bcg log RR)
 */
export function estimateTau2(
  yi: readonly number[],
  vi: readonly number[],
  method: Tau2Method,
  control: Tau2Control = {},
  X: readonly (readonly number[])[] = yi.map(() => [1]),
): Tau2Estimate {
  const {
    threshold = 1e-5,
    maxiter = 100,
    stepadj = 1,
    tol = 2.220446049250313e-16 ** 0.25,
    tau2Max = Infinity,
  } = control;
  const estimator = TAU2_ESTIMATORS.get(method);
  const k = yi.length;
  const p = X[0].length;
  const warnings: Warning[] = [];
  const inv = vi.map((v) => 1 / v);
  const done = (tau2: number, iterations = 0, converged = true): Tau2Fit => ({
    tau2: Math.max(0, tau2),
    iterations,
    converged,
    warnings,
  });
  if (k - p < 1) {
    warnings.push(warning('tau2-not-estimable', { k }));
    const fit = done(0);
    return {
      tau2: fit.tau2,
      method,
      iterations: 0,
      converged: true,
      warnings: messages(warnings),
      codedWarnings: warnings,
    };
  }
  const he = (): number => {
    const ols = weightedFit(
      yi,
      X,
      yi.map(() => 1),
    );
    let trPV = 0;
    for (let i = 0; i < k; i++) {
      let h = 0;
      for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) h += X[i][r] * ols.vb[r][c] * X[i][c];
      trPV += vi[i] * (1 - h);
    }
    return (ols.rss - trPV) / (k - p);
  };
  const fit = estimator.run({
    yi,
    vi,
    X,
    k,
    p,
    inv,
    control: { threshold, maxiter, stepadj, tol, tau2Max },
    warnings,
    he,
    done,
  });
  return {
    tau2: fit.tau2,
    method,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings: messages(fit.warnings),
    codedWarnings: fit.warnings,
  };
}

/**
 * (Restricted) log-likelihood of the random-effects model, as metafor's ll.ML / ll.REML
 * (Viechtbauer 2005, J Educ Behav Stat 30:261, eqs. 5 and 8).
 * @example logLik([0.1, 0.5, 0.9], [0.04, 0.05, 0.06], [[1], [1], [1]], 0.1, 'REML') // -1.5575711940376449
 */
export function logLik(
  yi: readonly number[],
  vi: readonly number[],
  X: readonly (readonly number[])[],
  tau2: number,
  method: 'ML' | 'REML',
): number {
  const k = yi.length;
  const p = X[0].length;
  const w = vi.map((v) => 1 / (v + tau2));
  const fit = weightedFit(yi, X, w);
  const sumLogV = vi.reduce((s, v) => s + Math.log(v + tau2), 0);
  if (method === 'ML') return -0.5 * k * Math.log(2 * Math.PI) - 0.5 * sumLogV - 0.5 * fit.rss;
  // log det(X'WX) = −log det((X'WX)⁻¹)
  const logDet = -logDeterminant(fit.vb);
  return -0.5 * (k - p) * Math.log(2 * Math.PI) - 0.5 * sumLogV - 0.5 * logDet - 0.5 * fit.rss;
}

/** R's mad(): 1.4826 × median |x − median(x)|. */
function mad(x: readonly number[]): number {
  const med = median(x);
  return 1.4826 * median(x.map((v) => Math.abs(v - med)));
}

function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
