import { columnDecimals, formatEstimateCi, formatFixed } from '../format/number.js';
import type { AnalysisView } from './analyses/analysis.js';

/** At most this many rows of one chart are listed as key results (else the pooled one, or none). */
const MAX_ROWS = 4;

const lowerFirst = (text: string): string =>
  /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;

/**
 * The sentences a report opens with, read from what an analysis computed (its chart data):
 * a pooled estimate with its interval, or each estimate when there are only a few, and the
 * verdict tally of a consistency audit. Views without a headline result (arm summaries,
 * timelines, power curves) give none.
 * @example keyResults({ kind: 'effects', scale: 'log', axisTitle: 'Risk ratio', rows: [...], pooled: { label: 'Random effects', estimate: 0.49, lower: 0.34, upper: 0.7 } }, 'BCG')
 * // ['BCG: risk ratio, random effects 0.49 (0.34 to 0.70).']
 */
export function keyResults(view: AnalysisView, section: string): string[] {
  switch (view.kind) {
    case 'effects': {
      const ratio = view.scale === 'log';
      const shown = (r: { estimate: number; lower: number; upper: number }) => {
        const d = columnDecimals([r.estimate, r.lower, r.upper], { ratio });
        return formatEstimateCi(r.estimate, r.lower, r.upper, d);
      };
      const measure = lowerFirst(view.axisTitle);
      if (view.pooled)
        return [`${section}: ${measure}, ${lowerFirst(view.pooled.label)} ${shown(view.pooled)}.`];
      const rows = view.rows.filter((r) => r.estimable !== false);
      if (rows.length === 0 || rows.length > MAX_ROWS) return [];
      return [`${section}: ${measure}: ${rows.map((r) => `${r.label} ${shown(r)}`).join('; ')}.`];
    }
    case 'proportions': {
      if (!view.pooled) return [];
      const p = view.pooled;
      return [
        `${section}: ${lowerFirst(p.label)} ${view.outcome} ${formatFixed(100 * p.estimate, 1)}% (${formatFixed(100 * p.lower, 1)} to ${formatFixed(100 * p.upper, 1)}%).`,
      ];
    }
    case 'percent-audit': {
      const total = view.rows.length;
      if (total === 0) return [];
      const impossible = view.rows.filter((r) => !r.consistent).length;
      return [
        `${section}: ${total - impossible} of ${total} printed percentage${total === 1 ? '' : 's'} can come from a whole count of ${total === 1 ? 'its' : 'their'} denominator${impossible > 0 ? `; ${impossible} cannot (or do not match)` : ''}.`,
      ];
    }
    default:
      return [];
  }
}
