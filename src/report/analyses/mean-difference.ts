import { continuousEstimates } from '../../analysis/pair-estimates.js';
import type { ContinuousPair, PairDerivation } from '../../analysis/pair-arms.js';
import {
  columnDecimals,
  formatEstimateCi,
  formatLevel,
  formatNumber,
} from '../../format/number.js';
import type { ForestRow } from '../charts/forest-plot.js';
import {
  AXIS_OPTIONS,
  favoursFrom,
  pCell,
  printedOrComputed,
  type AnalysisDefinition,
} from './analysis.js';
import { continuousPairOptions, pairContinuousArms } from './pair-continuous-arms.js';

const SCALE_WORDS: Record<string, string> = {
  change: 'change from baseline',
  'percent-change': 'relative change from baseline (%)',
  value: 'value',
};

/**
 * Two-arm mean difference per outcome (`continuousEstimates` of the analysis core, as R
 * t.test from summaries). SDs that are not printed come from the pairing's derivations:
 * the arm's SE, CI or median summary, or, when neither arm prints any, the pooled SD that
 * the published exact p implies (Cochrane Handbook §6.5.2.3, used for both arms); the
 * recomputed p then reproduces the reported p by construction, which the table says.
 */
export const meanDifferenceAnalysis: AnalysisDefinition = {
  name: 'mean-difference',
  description:
    'Mean difference with CI and t-test per outcome; SDs from SE, CI or median, or from the reported p when not printed (Cochrane).',
  kinds: ['arm-continuous'],
  produces: 'effects',
  options: {
    ...continuousPairOptions,
    variance: {
      type: 'enum',
      values: ['unequal', 'equal'],
      description: 'Welch (unequal, default) or Student (equal).',
    },
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
    let derivedSdShown = false;
    for (const pair of pairs) {
      const label = trials.size > 1 ? `${pair.trial}, ${pair.outcome}` : pair.outcome;
      const estimates = continuousEstimates(pair, { variance, level });
      const result = estimates.md;
      if (!result) {
        warnings.push(
          `mean-difference: ${label} left out (no SD printed${deriveSd ? ' and no exact reported p to derive it from' : ''})`,
        );
        continue;
      }
      for (const w of pair.warnings) warnings.push(`mean-difference: ${label}: ${w}`);
      const fromP = pair.derivations.find((d) => d.method === 'cochrane-p-to-sd');
      if (fromP) derivedAny = true;
      notes.push(...pair.derivations.map((d) => derivationNote(pair, d)));
      for (const w of result.warnings) warnings.push(`mean-difference: ${label}: ${w}`);
      // Per-arm cells as RevMan's Mean (SD) and Total columns; a derived value is marked †.
      const armCells = (side: ContinuousPair['arm']): string[] => {
        const derived =
          fromP !== undefined || pair.derivations.some((d) => d.arms.includes(side.name));
        if (derived) derivedSdShown = true;
        return [
          `${formatNumber(side.mean!)} (${formatNumber(side.sd!)}${derived ? '\u2020' : ''})`,
          String(side.n),
        ];
      };
      rows.push({
        label,
        estimate: result.estimate,
        lower: result.ci.lower,
        upper: result.ci.upper,
        cells: [...armCells(pair.arm), ...armCells(pair.comparator)],
      });
      const unit = pair.unit ? ` ${pair.unit}` : '';
      const reported = pair.reported;
      tableRows.push({
        outcome: `${pair.trial}, ${pair.outcome} (${pair.timepoint}, ${SCALE_WORDS[pair.scale] ?? pair.scale})`,
        arm: `${printedOrComputed(pair.arm.row, 'mean', pair.arm.mean!)}${unit} (n = ${pair.arm.n})`,
        comparator: `${printedOrComputed(pair.comparator.row, 'mean', pair.comparator.mean!)}${unit} (n = ${pair.comparator.n})`,
        sd: fromP
          ? `${formatNumber(fromP.value)} (derived from p = ${String(fromP.inputs.p)})`
          : `${sdCell(pair, pair.arm.name, pair.arm.sd!)} / ${sdCell(pair, pair.comparator.name, pair.comparator.sd!)}`,
        // Computed: one count of decimals for the estimate and both limits.
        md: formatEstimateCi(
          result.estimate,
          result.ci.lower,
          result.ci.upper,
          columnDecimals([result.estimate, result.ci.lower, result.ci.upper]),
        ),
        p: pCell(result.test.p),
        reported:
          reported?.p !== undefined
            ? `${(reported.p_relation ?? '=') === '=' ? '' : reported.p_relation}${String(reported.p)}${reported.test ? ` (${reported.test})` : ''}`
            : 'not reported',
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
        axisTitle:
          (options.axisTitle as string | undefined) ??
          `Mean difference, ${arm} − ${comparator}${units.length === 1 ? ` (${units[0]})` : ''}`,
        ...favoursFrom(options),
        forest: {
          studyHeader: trials.size > 1 ? 'Trial, outcome' : 'Outcome',
          columns: [`${arm} mean (SD)`, 'N', `${comparator} mean (SD)`, 'N'],
          effectHeader: `Mean difference (${variance === 'unequal' ? 'Welch' : 'Student'} t), ${lv} CI`,
          ...(derivedSdShown
            ? { statements: ['\u2020 Not printed in the source: derived (see Derived values)'] }
            : {}),
        },
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

/** A printed SD as printed; a derived one with where it came from. */
function sdCell(pair: ContinuousPair, arm: string, sd: number): string {
  const derived = pair.derivations.find((d) => d.quantity === 'sd' && d.arms.includes(arm));
  return derived
    ? `${formatNumber(sd)} (${DERIVED_FROM[derived.method] ?? derived.method})`
    : printedOrComputed(side(pair, arm).row, 'sd', sd);
}

function side(pair: ContinuousPair, arm: string): ContinuousPair['arm'] {
  return pair.arm.name === arm ? pair.arm : pair.comparator;
}

const DERIVED_FROM: Record<string, string> = {
  'sd-from-se': 'from SE',
  'sd-from-ci-t': 'from CI',
  'sd-from-ci-z': 'from CI',
};

/** The derived-values note of one derivation (the pooled SD from p keeps its long explanation). */
export function derivationNote(pair: ContinuousPair, d: PairDerivation): string {
  if (d.method === 'cochrane-p-to-sd') {
    return `${pair.trial} ${pair.outcome}: SDs are not printed; a pooled SD of ${formatNumber(d.value)}${pair.unit ? ` ${pair.unit}` : ''} is derived from the reported p = ${String(d.inputs.p)} with MD ${formatNumber(d.inputs.md)} and n = ${pair.arm.n} + ${pair.comparator.n} (Cochrane Handbook §6.5.2.3: t = t(1 − p/2, n1 + n2 − 2), SE = |MD|/t, SD = SE/√(1/n1 + 1/n2)); it assumes the p came from a two-sample t-test.`;
  }
  return `${pair.trial} ${pair.outcome}: the ${d.quantity === 'sd' ? 'SD' : d.quantity} of ${d.arms.join(', ')} is not printed; ${formatNumber(d.value)}${pair.unit ? ` ${pair.unit}` : ''} is derived (${d.formula}; ${d.reference}).`;
}
