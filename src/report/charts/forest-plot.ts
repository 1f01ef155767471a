import type { TopLevelSpec } from 'vega-lite';
import {
  columnDecimals,
  formatEstimateCi,
  formatFixed,
  formatPercent,
} from '../../format/number.js';
import { textWidth } from '../text-metrics/text-width.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, INK, MUTED, OKABE_ITO, logTicks } from './theme.js';

export interface ForestRow {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  /** Relative weight in percent (square area is proportional to it). */
  weight?: number;
  /** Texts of the data columns (`columns`), e.g. events/total per arm. */
  cells?: string[];
  /** False for a study whose effect cannot be estimated (e.g. no events in either arm): shown as "Not estimable". */
  estimable?: boolean;
}

export interface ForestPooled {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  predictionLower?: number;
  predictionUpper?: number;
  /** Level of the prediction interval, e.g. 0.95. */
  predictionLevel?: number;
  /** Texts of the data columns on the total row (total N per arm). */
  cells?: string[];
  /** A row under the total, e.g. `{ label: 'Total events', cells: ['619', '1499'] }`. */
  totals?: { label: string; cells: string[] };
}

export interface ForestPlotInput {
  title: string;
  subtitle?: string;
  /** Axis title with the measure and, for differences, the unit: `Risk ratio`, `Mean difference (m)`. */
  axisTitle: string;
  /** `log` for ratios (RR, OR, HR), `linear` for differences. */
  scale: 'log' | 'linear';
  rows: ForestRow[];
  pooled?: ForestPooled;
  /** Texts under the axis, centred under each half of the plot. */
  favours?: { left: string; right: string };
  /**
   * Reference line (no effect). Default 1 on a log axis and 0 on a linear one; `null`
   * draws none (e.g. for proportions, where 0 is not a null hypothesis).
   */
  reference?: number | null;
  /** Plot width in px (the label columns are added to it). Default 320. */
  width?: number;
  /** Header of the study column. Default `Study`. */
  studyHeader?: string;
  /** Data columns between the study labels and the plot, e.g. `BCG events/total`. */
  columns?: string[];
  /** Header of the effect column, e.g. `Risk ratio IV, random (REML), 95% CI`. Default: the axis title with `95% CI`. */
  effectHeader?: string;
  /** Statements under the plot: heterogeneity, test for overall effect, subgroup differences. */
  statements?: string[];
  /** Decimals of the effect column (default from the values: 2 for ratios). */
  decimals?: number;
  /** Log axes are cut at [1/limit, limit] (default 100); intervals beyond end in an arrow. */
  logLimit?: number;
}

const ROW = 22;
const FONT = 11;
const GAP = 14;
/** Area (px²) of the square of the heaviest study; every other square's area is in proportion to its weight. */
const MAX_AREA = 220;

/** The smallest 1-2-5 value ≥ x. */
function step125(x: number): number {
  const exponent = Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) {
    const v = Number((m * 10 ** exponent).toPrecision(2));
    if (v >= x * (1 - 1e-12)) return v;
  }
  return 10 ** (exponent + 1);
}

/**
 * Forest plot at the level of RevMan and metafor's `forest()`: a header row; the study
 * column and optional data columns (events/total, mean (SD) N); one row per study with a
 * square whose **area** is proportional to its weight and a whisker for its CI (an arrow
 * where the CI runs past the axis limit; "Not estimable" rows without marks); the pooled
 * diamond with a total row, the prediction interval, the effect column (one number of
 * decimals for estimates and limits) and an aligned weight column; the heterogeneity and
 * overall-effect statements under the plot. Ratios use a log axis symmetric about 1 with
 * 1-2-5 ticks, differences a linear axis centred on the null, so the "favours" labels sit
 * under each half of the plot. Rows are drawn top to bottom in the order given.
 * Reference: Lewis S, Clarke M (2001), BMJ 322:1479 ("Forest plots: trying to see the wood
 * and the trees"); Cochrane Handbook 10.10.1 (RevMan's layout).
 * @example forestPlot({ title: 'BCG', axisTitle: 'Risk ratio', scale: 'log', rows }).spec
 */
export function forestPlot(input: ForestPlotInput): ChartResult {
  const warnings: string[] = [];
  const isLog = input.scale === 'log';
  const nullValue = input.reference === undefined ? (isLog ? 1 : 0) : input.reference;
  const shown = input.rows.filter((row) => {
    if (row.estimable === false) return true;
    const ok =
      [row.estimate, row.lower, row.upper].every(isFiniteNumber) &&
      (!isLog || (row.lower > 0 && row.estimate > 0 && row.upper > 0));
    if (!ok)
      warnings.push(
        `forest plot "${input.title}": row "${row.label}" shown as not estimable (estimate or CI not finite${isLog ? ' or not positive' : ''})`,
      );
    return true;
  });
  const estimable = (row: ForestRow): boolean =>
    row.estimable !== false &&
    [row.estimate, row.lower, row.upper].every(isFiniteNumber) &&
    (!isLog || (row.lower > 0 && row.estimate > 0 && row.upper > 0));
  const pooled =
    input.pooled &&
    [input.pooled.estimate, input.pooled.lower, input.pooled.upper].every(isFiniteNumber)
      ? input.pooled
      : undefined;
  if (input.pooled && !pooled)
    warnings.push(`forest plot "${input.title}": pooled estimate left out (not finite)`);
  const hasPi =
    pooled !== undefined &&
    isFiniteNumber(pooled.predictionLower) &&
    isFiniteNumber(pooled.predictionUpper);

  const valuesForDecimals = [
    ...shown.filter(estimable).flatMap((r) => [r.estimate, r.lower, r.upper]),
    ...(pooled ? [pooled.estimate, pooled.lower, pooled.upper] : []),
  ];
  const decimals = input.decimals ?? columnDecimals(valuesForDecimals, { ratio: isLog });
  const ciText = (e: number, l: number, u: number): string => formatEstimateCi(e, l, u, decimals);

  // Axis: log symmetric about 1 (or the reference), linear centred on the null.
  const values = [
    ...shown.filter(estimable).flatMap((r) => [r.lower, r.upper]),
    ...(pooled ? [pooled.lower, pooled.upper] : []),
    ...(hasPi ? [pooled!.predictionLower!, pooled!.predictionUpper!] : []),
  ];
  const centre = nullValue ?? (isLog ? 1 : 0);
  let domain: [number, number];
  if (isLog) {
    const limit = input.logLimit ?? 100;
    const reach = Math.max(1.5, ...values.map((v) => Math.max(v / centre, centre / v)));
    const d = Math.min(step125(reach), limit);
    domain = [centre / d, centre * d];
  } else if (nullValue === null) {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = (hi - lo || 1) * 0.05;
    domain = [lo - pad, hi + pad];
  } else {
    const reach = Math.max(...values.map((v) => Math.abs(v - centre)), 1e-9) * 1.08;
    domain = [centre - reach, centre + reach];
  }
  const clip = (v: number): number => Math.min(domain[1], Math.max(domain[0], v));

  const maxWeight = Math.max(0, ...shown.map((row) => row.weight ?? 0));
  const hasWeights = maxWeight > 0;
  const columns = input.columns ?? [];
  const header =
    columns.length > 0 || input.effectHeader !== undefined || input.studyHeader !== undefined;
  const effectHeader = input.effectHeader ?? `${input.axisTitle}, 95% CI`;

  const studies = shown.filter(estimable).map((row) => ({
    label: row.label,
    y: shown.indexOf(row),
    estimate: row.estimate,
    lower: clip(row.lower),
    upper: clip(row.upper),
    weight: row.weight ?? null,
    // Square area ∝ weight (Vega's point size is an area in px²); equal squares without weights.
    size: hasWeights && row.weight !== undefined ? (MAX_AREA * row.weight) / maxWeight : 80,
    text: ciText(row.estimate, row.lower, row.upper),
    weightText: row.weight !== undefined ? formatPercent(row.weight) : '',
  }));
  const arrows = shown
    .filter(estimable)
    .flatMap((row) => [
      ...(row.lower < domain[0]
        ? [{ y: shown.indexOf(row), x: domain[0], shape: 'triangle-left' }]
        : []),
      ...(row.upper > domain[1]
        ? [{ y: shown.indexOf(row), x: domain[1], shape: 'triangle-right' }]
        : []),
    ]);
  const pooledY = shown.length + 0.5;
  let nextY = pooledY + 1;
  const totalsY = pooled?.totals ? nextY++ : undefined;
  const piY = hasPi ? nextY++ : undefined;

  interface TextRow {
    y: number;
    text: string;
    bold: boolean;
  }
  // One entry per column of text: study labels, data columns, effect text, weights.
  const labelCol: TextRow[] = shown.map((r, i) => ({ y: i, text: r.label, bold: false }));
  const dataCols: TextRow[][] = columns.map((_, c) =>
    shown.map((r, i) => ({ y: i, text: r.cells?.[c] ?? '', bold: false })),
  );
  const effectCol: TextRow[] = shown.map((r, i) => ({
    y: i,
    text: estimable(r) ? ciText(r.estimate, r.lower, r.upper) : 'Not estimable',
    bold: false,
  }));
  const weightCol: TextRow[] = shown.map((r, i) => ({
    y: i,
    text: r.weight !== undefined && estimable(r) ? formatPercent(r.weight) : '',
    bold: false,
  }));
  if (pooled) {
    labelCol.push({ y: pooledY, text: pooled.label, bold: true });
    dataCols.forEach((col, c) =>
      col.push({ y: pooledY, text: pooled.cells?.[c] ?? '', bold: true }),
    );
    effectCol.push({
      y: pooledY,
      text: ciText(pooled.estimate, pooled.lower, pooled.upper),
      bold: true,
    });
    if (hasWeights) weightCol.push({ y: pooledY, text: '100.0%', bold: true });
    if (pooled.totals && totalsY !== undefined) {
      labelCol.push({ y: totalsY, text: pooled.totals.label, bold: false });
      dataCols.forEach((col, c) =>
        col.push({ y: totalsY, text: pooled.totals!.cells[c] ?? '', bold: false }),
      );
    }
    if (hasPi && piY !== undefined) {
      labelCol.push({
        y: piY,
        text: `${Math.round((pooled.predictionLevel ?? 0.95) * 100)}% prediction interval`,
        bold: false,
      });
      effectCol.push({
        y: piY,
        text: `${formatFixed(pooled.predictionLower!, decimals)} to ${formatFixed(pooled.predictionUpper!, decimals)}`,
        bold: false,
      });
    }
  }
  const headerY = -1.2;
  if (header) {
    labelCol.push({ y: headerY, text: input.studyHeader ?? 'Study', bold: true });
    dataCols.forEach((col, c) => col.push({ y: headerY, text: columns[c], bold: true }));
    effectCol.push({ y: headerY, text: effectHeader, bold: true });
    if (hasWeights) weightCol.push({ y: headerY, text: 'Weight', bold: true });
  }
  const colWidth = (col: TextRow[]): number =>
    Math.max(0, ...col.map((t) => textWidth(t.text, FONT, t.bold ? 'bold' : 'normal')));

  const width = input.width ?? 320;
  const labelWidth = colWidth(labelCol);
  const dataWidths = dataCols.map(colWidth);
  const leftWidth = labelWidth + dataWidths.reduce((s, w) => s + GAP + w, 0) + 10;
  const effectWidth = colWidth(effectCol);
  const weightWidth = hasWeights ? colWidth(weightCol) : 0;

  const yMin = header ? headerY - 0.7 : -0.6;
  const yMax = (piY ?? totalsY ?? (pooled ? pooledY : shown.length - 1)) + 0.6;
  const height = Math.round((yMax - yMin) * ROW);
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    scale: { domain: [yMin, yMax], reverse: true, nice: false, zero: false },
    axis: null,
  };
  const xScale = isLog
    ? { type: 'log' as const, domain, nice: false }
    : { domain, nice: false, zero: false };
  const xAxis = {
    title: input.axisTitle,
    grid: false,
    ...(input.favours && nullValue !== null ? { titlePadding: 22 } : {}),
    ...(isLog ? { values: logTicks(domain[0], domain[1]), format: '~g' } : { tickCount: 6 }),
  };
  const x = { field: 'estimate', type: 'quantitative' as const, scale: xScale, axis: xAxis };

  const textLayers = (
    col: TextRow[],
    align: 'left' | 'right',
    px: number,
  ): Record<string, unknown>[] =>
    [false, true].flatMap((bold) => {
      const rows = col.filter((r) => r.bold === bold && r.text !== '');
      if (rows.length === 0) return [];
      return [
        {
          data: { values: rows },
          mark: {
            type: 'text',
            align,
            baseline: 'middle',
            x: px,
            fontSize: FONT,
            fontWeight: bold ? 'bold' : 'normal',
            limit: 0,
          },
          encoding: { y, text: { field: 'text' } },
        },
      ];
    });

  const layers: Record<string, unknown>[] = [
    ...(nullValue === null
      ? []
      : [
          {
            data: { values: [{ ref: nullValue }] },
            mark: { type: 'rule', color: INK, strokeWidth: 1 },
            encoding: {
              x: { field: 'ref', type: 'quantitative', scale: xScale, axis: xAxis },
              y: { datum: -0.6, type: 'quantitative', scale: y.scale, axis: null },
              y2: { datum: yMax },
            },
          },
        ]),
    {
      data: { name: 'studies' },
      mark: { type: 'rule', color: INK },
      encoding: {
        y,
        x: { field: 'lower', type: 'quantitative', scale: xScale, axis: xAxis },
        x2: { field: 'upper' },
      },
    },
    {
      data: { name: 'studies' },
      mark: { type: 'point', shape: 'square', filled: true, color: OKABE_ITO[0], opacity: 1 },
      encoding: {
        y,
        x,
        size: { field: 'size', type: 'quantitative', scale: null, legend: null },
        tooltip: [
          { field: 'label', title: 'Study' },
          { field: 'text', title: 'Estimate (CI)' },
          ...(hasWeights ? [{ field: 'weightText', title: 'Weight' }] : []),
        ],
      },
    },
    ...(arrows.length > 0
      ? [
          {
            data: { values: arrows },
            mark: { type: 'point', filled: true, color: INK, size: 40, opacity: 1 },
            encoding: {
              y,
              x: { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis },
              shape: { field: 'shape', type: 'nominal', scale: null, legend: null },
            },
          },
        ]
      : []),
    ...textLayers(labelCol, 'left', -leftWidth),
    ...dataCols.flatMap((col, c) =>
      textLayers(
        col,
        'right',
        -leftWidth + labelWidth + dataWidths.slice(0, c + 1).reduce((s, w) => s + GAP + w, 0),
      ),
    ),
    ...textLayers(effectCol, 'left', width + 10),
    ...(hasWeights
      ? textLayers(weightCol, 'right', width + 10 + effectWidth + GAP + weightWidth)
      : []),
  ];
  if (pooled) {
    const diamond = [
      { y: pooledY - 0.4, x: pooled.estimate, x2: pooled.estimate },
      { y: pooledY, x: clip(pooled.lower), x2: clip(pooled.upper) },
      { y: pooledY + 0.4, x: pooled.estimate, x2: pooled.estimate },
    ];
    layers.push({
      data: { values: diamond },
      mark: { type: 'area', orient: 'horizontal', color: OKABE_ITO[1], opacity: 1 },
      encoding: {
        y: { ...y, field: 'y' },
        x: { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis },
        x2: { field: 'x2' },
      },
    });
    layers.push({
      data: { values: [{ estimate: pooled.estimate }] },
      mark: { type: 'rule', color: OKABE_ITO[1], strokeDash: [4, 3], strokeWidth: 1 },
      encoding: {
        x,
        y: { datum: -0.6, type: 'quantitative', scale: y.scale, axis: null },
        y2: { datum: pooledY },
      },
    });
    if (hasPi && piY !== undefined) {
      layers.push({
        data: {
          values: [
            { y: piY, lower: clip(pooled.predictionLower!), upper: clip(pooled.predictionUpper!) },
          ],
        },
        mark: { type: 'rule', color: OKABE_ITO[1], strokeWidth: 2 },
        encoding: {
          y,
          x: { field: 'lower', type: 'quantitative', scale: xScale, axis: xAxis },
          x2: { field: 'upper' },
        },
      });
    }
  }
  const under = height + 30;
  if (input.favours && nullValue !== null) {
    // Centred under each half, so the texts never run under the study labels or the numbers.
    const mid = (a: number, b: number): number => (isLog ? Math.sqrt(a * b) : (a + b) / 2);
    layers.push({
      data: { values: [{ left: mid(domain[0], centre), right: mid(centre, domain[1]) }] },
      layer: [
        {
          mark: {
            type: 'text',
            align: 'center',
            y: under,
            fontSize: 10,
            color: MUTED,
            limit: width / 2 - 4,
            text: `\u2190 ${input.favours.left}`,
          },
          encoding: { x: { field: 'left', type: 'quantitative', scale: xScale, axis: xAxis } },
        },
        {
          mark: {
            type: 'text',
            align: 'center',
            y: under,
            fontSize: 10,
            color: MUTED,
            limit: width / 2 - 4,
            text: `${input.favours.right} \u2192`,
          },
          encoding: { x: { field: 'right', type: 'quantitative', scale: xScale, axis: xAxis } },
        },
      ],
    });
  }
  const statements = input.statements ?? [];
  statements.forEach((text, i) => {
    layers.push({
      data: { values: [{}] },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'middle',
        x: -leftWidth,
        y: height + 66 + 15 * i,
        fontSize: FONT,
        color: INK,
        limit: 0,
        text,
      },
    });
  });

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: input.title,
      ...(input.subtitle ? { subtitle: input.subtitle } : {}),
      offset: 12,
      frame: 'bounds',
    },
    width,
    height,
    autosize: { type: 'pad' as const },
    datasets: { studies },
    config: CHART_CONFIG,
    layer: layers,
  } as unknown as TopLevelSpec;
  const n = shown.length;
  const notEstimable = shown.filter((r) => !estimable(r)).length;
  const description =
    `Forest plot of ${n} ${n === 1 ? 'row' : 'rows'} (${input.axisTitle}, ${isLog ? 'log' : 'linear'} axis)` +
    (notEstimable ? `, ${notEstimable} not estimable` : '') +
    (pooled ? `. ${pooled.label}: ${ciText(pooled.estimate, pooled.lower, pooled.upper)}` : '') +
    (statements.length ? `. ${statements.join('. ')}` : '') +
    '.';
  return { spec, description, warnings };
}
