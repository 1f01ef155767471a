import { InputError } from '../../errors.js';
import { parseReported, reportedInterval, type ReportedValue } from './reported-value.js';

export interface DebitResult {
  /** Whether some count k of n gives a mean k/n and an SD that both print as reported. */
  consistent: boolean;
  /** Counts k whose mean prints as reported (GRIM for a proportion). */
  meanCounts: number[];
  /** Counts k whose mean and SD both print as reported, with the SD formula that fits. */
  matches: { count: number; sd: number; formula: 'sample' | 'population' }[];
  /** SD of each mean-consistent count (sample formula, n − 1). */
  sds: { count: number; sample: number; population: number }[];
  n: number;
}

/**
 * DEBIT: are a reported mean and SD possible for a binary (0/1) variable measured on
 * n people? With k ones, the mean is p = k/n and the SD is fixed by it:
 * sample SD = √(n·p·(1 − p)/(n − 1)), population SD = √(p·(1 − p)). Every k whose mean
 * prints as the reported mean is tried, with both SD formulas (software differs); the
 * figures are consistent when some k gives both. Rounding half either way.
 *
 * Reference: Heathers JAJ, Brown NJL (2019). DEBIT: a simple consistency test for
 * binary data. OSF preprint, doi:10.31219/osf.io/5vb3u.
 * @example debit('0.35', '0.48', 20).matches // [{ count: 7, sd: 0.477, formula: 'population' }] (sample SD 0.489 prints as 0.49)
 * @example debit('0.35', '0.50', 20).consistent // false
 */
export function debit(
  mean: string | number | ReportedValue,
  sd: string | number | ReportedValue,
  n: number,
): DebitResult {
  const m = typeof mean === 'object' ? mean : parseReported(mean);
  const s = typeof sd === 'object' ? sd : parseReported(sd);
  if (!Number.isInteger(n) || n < 2) throw new InputError('n', n, 'a whole number ≥ 2');
  if (m.relation !== '=' || s.relation !== '=')
    throw new InputError('mean/sd', m.text ?? m.value, 'exact printed values, not bounds');
  if (!(m.value >= 0 && m.value <= 1))
    throw new InputError(
      'mean',
      m.text ?? m.value,
      'a proportion in [0, 1] (the mean of a 0/1 variable)',
    );
  if (!(s.value >= 0)) throw new InputError('sd', s.text ?? s.value, 'a number ≥ 0');
  const meanBox = reportedInterval(m);
  const sdBox = reportedInterval(s);
  const within = (x: number, box: { lower: number; upper: number }): boolean => {
    const slack = 1e-12 * Math.max(1, Math.abs(x));
    return x >= box.lower - slack && x <= box.upper + slack;
  };
  const meanCounts: number[] = [];
  const sds: DebitResult['sds'] = [];
  const matches: DebitResult['matches'] = [];
  for (let k = 0; k <= n; k++) {
    const p = k / n;
    if (!within(p, meanBox)) continue;
    meanCounts.push(k);
    const population = Math.sqrt(p * (1 - p));
    const sample = Math.sqrt((n * p * (1 - p)) / (n - 1));
    sds.push({ count: k, sample, population });
    if (within(sample, sdBox)) matches.push({ count: k, sd: sample, formula: 'sample' });
    else if (within(population, sdBox))
      matches.push({ count: k, sd: population, formula: 'population' });
  }
  return { consistent: matches.length > 0, meanCounts, matches, sds, n };
}
