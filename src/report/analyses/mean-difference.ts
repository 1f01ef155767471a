import { formatLevel, formatNumber } from '../../format/number.js';
import { meanDifference } from '../../stats/continuous/mean-difference.js';
import { sdFromP } from '../../stats/continuous/sd-from-p.js';
import type { ForestRow } from '../charts/forest-plot.js';
import { AXIS_OPTIONS, favoursFrom, num, pCell, type AnalysisDefinition } from './analysis.js';
import { continuousPairOptions, pairContinuousArms } from './pair-continuous-arms.js';

const SCALE_WORDS: Record<string, string> = { change: 'change from baseline', 'percent-change': 'relative change from baseline (%)', value: 'value' };

/**
 * Two-arm mean difference per outcome (`meanDifference`, as R t.test from summaries).
 * When an arm's SD is not printed but the dataset has the published p-value of the
 * comparison (exact, not a bound), the pooled SD is derived from it by the Cochrane method
 * (`sdFromP`, Handbook §6.5.2.3) and used for both arms; the recomputed p then reproduces
 * the reported p by construction, which the table says.
 */
export const meanDifferenceAnalysis: AnalysisDefinition = {
  name: 'mean-difference',
  description: 'Mean difference with CI and t-test per outcome; SDs from the reported p when not printed (Cochrane).',
  kinds: ['arm-continuous'],
  produces: 'effects',
  options: {
    ...continuousPairOptions,
    variance: { type: 'enum', values: ['unequal', 'equal'], description: 'Welch (unequal, default) or Student (equal).' },
    sdFromP: { type: 'boolean', description: 'Derive missing SDs from the reported p-value (default true).' },
    ...AXIS_OPTIONS,
  },
  run(dataset, options) {
    const level = (options.level as number | undefined) ?? 0.95;
    const variance = (options.variance as 'unequal' | 'equal' | undefined) ?? 'unequal';
    const deriveSd = (options.sdFromP as boolean | undefined) ?? true;
    const { pairs, warnings } = pairContinuousArms(dataset, options, 'mean-difference');
    const rows: ForestRow[] = [];
    const tableRows: Record<string, string>[] = [];
    const notes: string[] = [];
    const trials = new Set(pairs.map((p) => p.trial));
    let derivedAny = false;
    for (const pair of pairs) {
      const label = trials.size > 1 ? `${pair.trial}, ${pair.outcome}` : pair.outcome;
      let sd1 = pair.arm.sd;
      let sd2 = pair.comparator.sd;
      let sdText = `${formatNumber(sd1 ?? NaN)} / ${formatNumber(sd2 ?? NaN)}`;
      const reportedP = pair.reported ? num(pair.reported.p) : undefined;
      const relation = pair.reported ? String(pair.reported.p_relation ?? '=') : '=';
      if (sd1 === undefined || sd2 === undefined) {
        const md = pair.arm.mean - pair.comparator.mean;
        if (!deriveSd || reportedP === undefined || relation !== '=' || md === 0) {
          warnings.push(`mean-difference: ${label} left out (no SD printed${deriveSd ? ' and no exact reported p to derive it from' : ''})`);
          continue;
        }
        const derived = sdFromP({ md, p: reportedP, n1: pair.arm.n, n2: pair.comparator.n });
        for (const w of derived.warnings) warnings.push(`mean-difference: ${label}: ${w}`);
        sd1 = derived.value;
        sd2 = derived.value;
        derivedAny = true;
        sdText = `${formatNumber(derived.value)} (derived from p = ${String(reportedP)})`;
        notes.push(
          `${pair.trial} ${pair.outcome}: SDs are not printed; a pooled SD of ${formatNumber(derived.value)}${pair.unit ? ` ${pair.unit}` : ''} is derived from the reported p = ${String(reportedP)} with MD ${formatNumber(md)} and n = ${pair.arm.n} + ${pair.comparator.n} (Cochrane Handbook §6.5.2.3: t = t(1 − p/2, n1 + n2 − 2), SE = |MD|/t, SD = SE/√(1/n1 + 1/n2)); it assumes the p came from a two-sample t-test.`,
        );
      }
      const result = meanDifference({ n: pair.arm.n, mean: pair.arm.mean, sd: sd1 }, { n: pair.comparator.n, mean: pair.comparator.mean, sd: sd2 }, { variance, level });
      for (const w of result.warnings) warnings.push(`mean-difference: ${label}: ${w}`);
      rows.push({ label, estimate: result.estimate, lower: result.ci.lower, upper: result.ci.upper });
      const unit = pair.unit ? ` ${pair.unit}` : '';
      tableRows.push({
        outcome: `${pair.trial}, ${pair.outcome} (${pair.timepoint}, ${SCALE_WORDS[pair.scale] ?? pair.scale})`,
        arm: `${formatNumber(pair.arm.mean)}${unit} (n = ${pair.arm.n})`,
        comparator: `${formatNumber(pair.comparator.mean)}${unit} (n = ${pair.comparator.n})`,
        sd: sdText,
        md: `${formatNumber(result.estimate)} (${formatNumber(result.ci.lower)} to ${formatNumber(result.ci.upper)})`,
        p: pCell(result.test.p),
        reported: reportedP !== undefined ? `${relation === '=' ? '' : relation}${String(reportedP)}${pair.reported?.test ? ` (${String(pair.reported.test)})` : ''}` : 'not reported',
      });
    }
    const arm = options.arm as string;
    const comparator = options.comparator as string;
    const lv = formatLevel(level);
    const units = [...new Set(pairs.map((p) => p.unit).filter(Boolean))];
    return {
      view: {
        kind: 'effects',
        rows,
        scale: 'linear',
        axisTitle: (options.axisTitle as string | undefined) ?? `Mean difference, ${arm} − ${comparator}${units.length === 1 ? ` (${units[0]})` : ''}`,
        ...favoursFrom(options),
      },
      table: {
        columns: [
          { key: 'outcome', label: 'Outcome' },
          { key: 'arm', label: `${arm}: mean`, numeric: true },
          { key: 'comparator', label: `${comparator}: mean`, numeric: true },
          { key: 'sd', label: 'SD (arm / comparator)', numeric: true },
          { key: 'md', label: `MD (${lv} CI)`, numeric: true },
          { key: 'p', label: 'Recomputed p', numeric: true },
          { key: 'reported', label: 'Reported p', numeric: true },
        ],
        rows: tableRows,
      },
      methods: [
        `Mean differences ${arm} − ${comparator} with ${lv} intervals and two-sided ${variance === 'unequal' ? 'Welch' : 'Student'} t-tests from summary statistics (as R t.test).${derivedAny ? ' Where SDs are not printed, a pooled SD is derived from the reported p-value (Cochrane Handbook §6.5.2.3); the recomputed p then equals the reported p by construction and is not an independent check.' : ''}`,
      ],
      notes,
      warnings,
    };
  },
};
