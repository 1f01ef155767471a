import { InputError } from '../errors.js';

export type AdjustMethod =
  | 'bonferroni'
  | 'holm'
  | 'hochberg'
  | 'hommel'
  | 'BH'
  | 'BY'
  | 'fdr'
  | 'none';

export const ADJUST_METHODS: readonly AdjustMethod[] = [
  'bonferroni',
  'holm',
  'hochberg',
  'hommel',
  'BH',
  'BY',
  'fdr',
  'none',
];

/**
 * Adjusts p-values for multiple comparisons exactly as R's `p.adjust(p, method)`:
 * - `bonferroni`: min(1, m·p)
 * - `holm` (step-down): cummax over ascending p of (m − i + 1)·p₍ᵢ₎, capped at 1
 * - `hochberg` (step-up): cummin over descending p of (m − i + 1)·p₍ᵢ₎, capped at 1
 * - `hommel`: R's closed-testing algorithm (Wright 1992); with m = 2 it equals Hochberg, as in R
 * - `BH` (false discovery rate): cummin over descending p of (m / i)·p₍ᵢ₎
 * - `BY`: BH multiplied by Σ₁ᵐ 1/k (any dependence)
 * - `fdr`: R's alias of `BH`; `none`: the p-values unchanged (R's `p.adjust.methods` has both)
 *
 * Missing values: `null` entries are R's `NA`. They stay `null` in the result and do not
 * count in m (R's default `n = length(p[!is.na(p)])`). NaN is rejected: pass `null` for a
 * missing p-value so that a computation error is never mistaken for a missing value.
 *
 * References: Holm S. Scand J Stat 1979;6:65–70. Hochberg Y. Biometrika 1988;75:800–2.
 * Hommel G. Biometrika 1988;75:383–6; Wright SP. Biometrics 1992;48:1005–13.
 * Benjamini Y, Hochberg Y. JRSS B 1995;57:289–300. Benjamini Y, Yekutieli D. Ann Stat 2001;29:1165–88.
 *
 * @example adjustP([0.01, 0.02, 0.04], 'holm') // [0.03, 0.04, 0.04]
 * @example adjustP([0.01, null, 0.03], 'BH')   // [0.02, null, 0.03]
 */
export function adjustP(p: readonly number[], method: AdjustMethod): number[];
export function adjustP(p: readonly (number | null)[], method: AdjustMethod): (number | null)[];
export function adjustP(p: readonly (number | null)[], method: AdjustMethod): (number | null)[] {
  if (!ADJUST_METHODS.includes(method))
    throw new InputError('method', method, `one of ${ADJUST_METHODS.join(', ')}`);
  const present: number[] = [];
  const positions: number[] = [];
  p.forEach((value, index) => {
    if (value === null) return;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new InputError(`p[${index}]`, value, 'a p-value in [0, 1] or null for a missing value');
    }
    present.push(value);
    positions.push(index);
  });
  const result: (number | null)[] = p.map(() => null);
  const adjusted = adjustComplete(present, method);
  positions.forEach((position, k) => {
    result[position] = adjusted[k];
  });
  return result;
}

/** Indices that sort `values` (stable, like R's `order`). */
function order(values: readonly number[], decreasing: boolean): number[] {
  const index = values.map((_, i) => i);
  return index.sort(
    (a, b) => (decreasing ? values[b] - values[a] : values[a] - values[b]) || a - b,
  );
}

function adjustComplete(p: readonly number[], method: AdjustMethod): number[] {
  const n = p.length;
  if (n <= 1) return [...p];
  if (method === 'hommel' && n === 2) method = 'hochberg';
  switch (method) {
    case 'none':
      return [...p];
    case 'bonferroni':
      return p.map((value) => Math.min(1, n * value));
    case 'holm':
      return stepwise(p, false, (value, i) => (n + 1 - i) * value);
    case 'hochberg':
      return stepwise(p, true, (value, i) => (n + 1 - i) * value);
    case 'BH':
    case 'fdr':
      return stepwise(p, true, (value, i) => (n / i) * value);
    case 'BY': {
      let q = 0;
      for (let k = 1; k <= n; k++) q += 1 / k;
      return stepwise(p, true, (value, i) => ((q * n) / i) * value);
    }
    case 'hommel':
      return hommel(p);
  }
}

/**
 * R's step-down (`cummax` over ascending p, ranks i = 1..n) or step-up (`cummin` over
 * descending p, ranks i = n..1), capped at 1.
 */
function stepwise(
  p: readonly number[],
  stepUp: boolean,
  scale: (value: number, rank: number) => number,
): number[] {
  const n = p.length;
  const o = order(p, stepUp);
  const out = new Array<number>(n);
  let running = stepUp ? Infinity : -Infinity;
  o.forEach((index, k) => {
    const rank = stepUp ? n - k : k + 1;
    const value = scale(p[index], rank);
    running = stepUp ? Math.min(running, value) : Math.max(running, value);
    out[index] = Math.min(1, running);
  });
  return out;
}

/** Transcription of the `hommel` branch of R's p.adjust (R 4.2). */
function hommel(p0: readonly number[]): number[] {
  const n = p0.length;
  const o = order(p0, false);
  const p = o.map((index) => p0[index]);
  let start = Infinity;
  for (let i = 0; i < n; i++) start = Math.min(start, (n * p[i]) / (i + 1));
  const q = new Array<number>(n).fill(start);
  const pa = new Array<number>(n).fill(start);
  for (let j = n - 1; j >= 2; j--) {
    // R (1-based): i1 = 1..(n-j+1), i2 = (n-j+2)..n
    const split = n - j + 1;
    let q1 = Infinity;
    for (let k = split; k < n; k++) q1 = Math.min(q1, (j * p[k]) / (k - split + 2));
    for (let k = 0; k < split; k++) q[k] = Math.min(j * p[k], q1);
    for (let k = split; k < n; k++) q[k] = q[split - 1];
    for (let k = 0; k < n; k++) pa[k] = Math.max(pa[k], q[k]);
  }
  const out = new Array<number>(n);
  o.forEach((index, k) => {
    out[index] = Math.max(pa[k], p[k]);
  });
  return out;
}
