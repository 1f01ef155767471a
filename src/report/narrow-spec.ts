import type { TopLevelSpec } from 'vega-lite';

/** Width a phone rendering must fit: a 390 px screen less the page's 12 px side padding. */
export const NARROW_WIDTH = 360;

/** Narrowest plot a narrow rendering keeps (below it a chart stops being readable). */
const MIN_PLOT_WIDTH = 90;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The same chart laid out for a phone, not scaled: every plot width is multiplied by
 * `scale` (never below 90 px), side-by-side panels (`hconcat`) are stacked (`vconcat`) and
 * their hidden shared row labels shown again on each panel, and unlimited axis labels are
 * capped (with an ellipsis). Font sizes are left as they are, so text keeps its size.
 * @example narrowSpec({ width: 600, mark: 'point' }, 0.5) // { width: 300, mark: 'point' }
 */
export function narrowSpec(spec: TopLevelSpec, scale: number): TopLevelSpec {
  const visit = (node: unknown, stacked: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, stacked));
    if (!isObject(node)) return node;
    const out: Json = {};
    const stack = stacked || Array.isArray(node.hconcat);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' || key === 'config' || key === 'datasets') out[key] = value;
      else if (key === 'hconcat') out.vconcat = visit(value, stack);
      else if (key === 'width' && typeof value === 'number')
        out.width = Math.max(Math.min(value, MIN_PLOT_WIDTH), Math.round(value * scale));
      else out[key] = visit(value, stack);
    }
    if (isObject(out.axis)) {
      const axis = { ...out.axis };
      if (axis.labelLimit === 0) axis.labelLimit = 150;
      // Panels that hid their row labels because a neighbour showed them now stand alone.
      if (stacked && axis.labels === false) {
        delete axis.labels;
        delete axis.ticks;
        delete axis.domain;
      }
      out.axis = axis;
    }
    return out;
  };
  return visit(spec, false) as TopLevelSpec;
}

/** Whether a spec has side-by-side panels that a narrow rendering stacks. */
export function hasSideBySidePanels(spec: unknown): boolean {
  if (Array.isArray(spec)) return spec.some(hasSideBySidePanels);
  if (!isObject(spec)) return false;
  if (Array.isArray(spec.hconcat)) return true;
  return Object.entries(spec).some(
    ([key, value]) => key !== 'data' && key !== 'config' && hasSideBySidePanels(value),
  );
}
