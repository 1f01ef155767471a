import { s } from './dom.js';

/** The parts of `meta --json` the plots read (docs/json.md). */
export interface MetaJson {
  measure: string;
  estimate: number;
  ci: { lower: number; upper: number; level: number };
  transformed?: { transform?: string };
  studies: {
    study: string;
    yi: number;
    vi: number;
    weight: number;
    ci: { lower: number; upper: number };
    logCi?: { lower: number; upper: number };
  }[];
}

const WIDTH = 640;
const LABEL = 190;
const ROW = 22;

/** Model-scale values (log for ratios), and how to label them on the natural scale. */
function scale(result: MetaJson) {
  const log = result.transformed?.transform === 'exp';
  const model = (x: number) => (log ? Math.log(x) : x);
  const label = (x: number) => {
    const v = log ? Math.exp(x) : x;
    return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(2)).toString();
  };
  return { log, model, label };
}

function ticks(lo: number, hi: number, count = 5): number[] {
  const step = (hi - lo) / (count - 1);
  return Array.from({ length: count }, (_, i) => lo + i * step);
}

function svgRoot(height: number, title: string, description: string) {
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: '100%',
    role: 'img',
    'font-family': 'trialstat-sans, sans-serif',
    'font-size': 12,
  });
  svg.append(s('title', {}, title), s('desc', {}, description));
  return svg;
}

/**
 * Forest plot in plain SVG (the report's Vega-Lite charts need Vega's expression compiler,
 * which a strict CSP without 'unsafe-eval' refuses): one row per study with its interval
 * and a square sized by weight, the pooled diamond below, a line at no effect. Hovering a
 * row shows its numbers (SVG <title>). `zoom` > 1 narrows the axis around the pooled
 * estimate by that factor (intervals reaching beyond it are cut at the edge).
 */
export function forestPlot(result: MetaJson, zoom = 1): SVGElement {
  const { log, model, label } = scale(result);
  const rows = result.studies.map((study) => {
    const ci =
      study.logCi ??
      (log ? { lower: Math.log(study.ci.lower), upper: Math.log(study.ci.upper) } : study.ci);
    return { ...study, lo: ci.lower, hi: ci.upper };
  });
  const pooled = {
    y: model(result.estimate),
    lo: model(result.ci.lower),
    hi: model(result.ci.upper),
  };
  const finite = [...rows.flatMap((r) => [r.lo, r.hi, r.yi]), pooled.lo, pooled.hi, 0].filter(
    Number.isFinite,
  );
  const half = Math.max(pooled.y - Math.min(...finite), Math.max(...finite) - pooled.y) / zoom;
  const lo = zoom > 1 ? pooled.y - half : Math.min(...finite);
  const hi = zoom > 1 ? pooled.y + half : Math.max(...finite);
  const x = (v: number) =>
    LABEL + ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo || 1)) * (WIDTH - LABEL - 20);
  const height = (rows.length + 3) * ROW + 30;
  const svg = svgRoot(
    height,
    `Forest plot, ${result.measure}`,
    `${rows.length} studies and the pooled estimate, ${result.measure} ${log ? 'on a log axis' : ''}`,
  );
  svg.append(
    s('line', {
      x1: x(0),
      x2: x(0),
      y1: 10,
      y2: height - 30,
      stroke: '#888',
      'stroke-dasharray': '3 3',
    }),
  );
  const maxWeight = Math.max(...rows.map((r) => r.weight));
  rows.forEach((row, i) => {
    const y = (i + 1) * ROW;
    const text = `${row.study}: ${result.measure} ${label(row.yi)} (${label(row.lo)} to ${label(row.hi)}), weight ${row.weight.toFixed(1)} %`;
    const size = 4 + 8 * Math.sqrt(row.weight / maxWeight);
    const g = s('g', { class: 'study', tabindex: 0, role: 'img', 'aria-label': text });
    g.append(
      s('title', {}, text),
      s(
        'text',
        { x: 4, y: y + 4 },
        row.study.length > 28 ? `${row.study.slice(0, 27)}…` : row.study,
      ),
      s('line', { x1: x(row.lo), x2: x(row.hi), y1: y, y2: y, stroke: '#1f3a5f' }),
      s('rect', {
        x: x(row.yi) - size / 2,
        y: y - size / 2,
        width: size,
        height: size,
        fill: '#1f3a5f',
      }),
    );
    svg.append(g);
  });
  const yp = (rows.length + 1.5) * ROW;
  const pooledText = `Pooled: ${result.measure} ${label(pooled.y)} (${label(pooled.lo)} to ${label(pooled.hi)})`;
  const diamond = s('g', { tabindex: 0, role: 'img', 'aria-label': pooledText });
  diamond.append(
    s('title', {}, pooledText),
    s('text', { x: 4, y: yp + 4, 'font-weight': 'bold' }, 'Pooled'),
    s('polygon', {
      points: `${x(pooled.lo)},${yp} ${x(pooled.y)},${yp - 7} ${x(pooled.hi)},${yp} ${x(pooled.y)},${yp + 7}`,
      fill: '#b5542b',
    }),
  );
  svg.append(diamond);
  const axisY = height - 26;
  svg.append(s('line', { x1: LABEL, x2: WIDTH - 20, y1: axisY, y2: axisY, stroke: '#333' }));
  for (const t of ticks(lo, hi))
    svg.append(
      s('line', { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 4, stroke: '#333' }),
      s('text', { x: x(t), y: axisY + 16, 'text-anchor': 'middle' }, label(t)),
    );
  return svg;
}

/**
 * Funnel plot in plain SVG: each study's estimate against its standard error (axis
 * reversed, as metafor's funnel), with the pooled estimate and its pseudo 95 % region.
 */
export function funnelPlot(result: MetaJson): SVGElement {
  const { model, label } = scale(result);
  const center = model(result.estimate);
  const se = result.studies.map((study) => Math.sqrt(study.vi));
  const maxSe = Math.max(...se) * 1.1 || 1;
  const half = 1.959963984540054 * maxSe;
  const xs = [...result.studies.map((study) => study.yi), center - half, center + half];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const height = 300;
  const left = 50;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (WIDTH - left - 20);
  const y = (v: number) => 15 + (v / maxSe) * (height - 50);
  const svg = svgRoot(
    height,
    `Funnel plot, ${result.measure}`,
    `${se.length} studies: estimate against standard error`,
  );
  svg.append(
    s('polygon', {
      points: `${x(center)},${y(0)} ${x(center - half)},${y(maxSe)} ${x(center + half)},${y(maxSe)}`,
      fill: '#eef2f7',
      stroke: '#999',
    }),
    s('line', { x1: x(center), x2: x(center), y1: y(0), y2: y(maxSe), stroke: '#b5542b' }),
  );
  result.studies.forEach((study, i) => {
    const dot = s('circle', { cx: x(study.yi), cy: y(se[i]), r: 4, fill: '#1f3a5f', tabindex: 0 });
    dot.append(
      s(
        'title',
        {},
        `${study.study}: ${result.measure} ${label(study.yi)}, SE ${se[i].toPrecision(3)}`,
      ),
    );
    svg.append(dot);
  });
  const axisY = height - 30;
  svg.append(s('line', { x1: left, x2: WIDTH - 20, y1: axisY, y2: axisY, stroke: '#333' }));
  for (const t of ticks(lo, hi))
    svg.append(s('text', { x: x(t), y: axisY + 16, 'text-anchor': 'middle' }, label(t)));
  svg.append(s('text', { x: 4, y: 14 }, 'SE'));
  for (const t of ticks(0, maxSe, 4))
    svg.append(s('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, t.toPrecision(2)));
  return svg;
}
