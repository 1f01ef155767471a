import { InputError } from '../../errors.js';
import type { KaplanMeierResult } from './kaplan-meier.js';

export interface RestrictedMean {
  tau: number;
  /** Area under the Kaplan–Meier curve from 0 to τ. */
  rmst: number;
  se: number;
}

/**
 * Restricted mean survival time up to τ, the area under the KM curve, with the SE of
 * survival's survmean: Var = Σ_{tᵢ ≤ τ} A(tᵢ)² · dᵢ/(nᵢ(nᵢ − dᵢ)), where A(tᵢ) is the area
 * under the curve between tᵢ and τ (Klein & Moeschberger 2003, §4.5; R print(survfit, rmean = τ)).
 * @example restrictedMean(kaplanMeier(records), 500).rmst
 */
export function restrictedMean(km: KaplanMeierResult, tau: number): RestrictedMean {
  if (typeof tau !== 'number' || !Number.isFinite(tau) || !(tau > 0))
    throw new InputError('tau', tau, 'a finite time > 0');
  const keep = km.steps.filter((s) => s.time <= tau);
  const times = [...keep.map((s) => s.time), tau];
  const surv = [...keep.map((s) => s.surv), keep.length > 0 ? keep[keep.length - 1].surv : 1];
  const hazardVar = [
    ...keep.map((s) =>
      s.nRisk - s.nEvent === 0 ? 0 : s.nEvent / (s.nRisk * (s.nRisk - s.nEvent)),
    ),
    0,
  ];
  const n = times.length;
  // Rectangles between consecutive times (start 0), each at the curve's height on its left.
  const rectangles = times.map(
    (t, i) => (t - (i === 0 ? 0 : times[i - 1])) * (i === 0 ? 1 : surv[i - 1]),
  );
  const rmst = rectangles.reduce((a, b) => a + b, 0);
  let variance = 0;
  let area = 0;
  // Area to the right of time i (rectangles i+1 … n−1) times the hazard variance at time i.
  for (let i = n - 2; i >= 0; i--) {
    area += rectangles[i + 1];
    variance += area * area * hazardVar[i];
  }
  return { tau, rmst, se: Math.sqrt(variance) };
}
