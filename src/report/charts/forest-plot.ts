import type { TopLevelSpec } from 'vega-lite';
import {
  columnDecimals,
  formatEstimateCi,
  formatFixed,
  formatPercent,
} from '../../format/number.js';
import { textWidth } from '../text-metrics/text-width.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { forestAxis } from './forest-axis.js';
import { sortForestRows, type ForestSort } from './forest-order.js';
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
  /** Subgroup (one of `subgroups`), when the plot has subgroups. */
  group?: string;
  /** Year for `sort: 'year'` (default: the last 18xx–20xx number in the label). */
  year?: number;
  /** Text of the effect column when it must not be recomputed, e.g. a comparison as printed. */
  effectText?: string;
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
  /** Weight in percent shown on the row (default 100 for the total, the sum of the rows' weights for a subtotal). */
  weight?: number;
}

/** A subgroup: heading, its rows (those with `group` = `name`), subtotal and statements. */
export interface ForestSubgroup {
  name: string;
  /** The subgroup's pooled estimate (a diamond on the subtotal row). */
  pooled?: ForestPooled;
  /** Heterogeneity and overall-effect statements of the subgroup, under its subtotal. */
  statements?: string[];
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
  /** Subgroups in the order drawn; rows are grouped by their `group`. */
  subgroups?: ForestSubgroup[];
  /** Order of the study rows (within each subgroup); default as given. */
  sort?: ForestSort;
  /**
   * Narrow layout for small screens: no data or weight columns (squares keep their weighted
   * areas), study labels cut at 110 px with an ellipsis (the full label in the tooltip), the
   * effect column headed by its level only, statements broken at "; ", no totals-of-events rows, fewer ticks, a 120 px plot.
   */
  compact?: boolean;
}

const ROW = 22;
const FONT = 11;
const NOTE_FONT = 10;
const GAP = 14;
/** Widest study label in the compact layout (px); longer ones end in an ellipsis. */
const COMPACT_LABEL = 110;
/** Widest study label of the full layout: longer ones are cut (full text in a tooltip), so a
 * 3 000-character label cannot stretch the plot to a strip (issue 16). */
const MAX_LABEL = 280;
/** Area (px²) of the square of the heaviest study; every other square's area is in proportion to its weight. */
export const FOREST_MAX_AREA = 220;

type TextStyle = 'normal' | 'bold' | 'heading' | 'note';
interface TextRow {
  y: number;
  text: string;
  style: TextStyle;
}

/**
 * Forest plot at the level of RevMan and metafor's `forest()`: a header row; the study
 * column and optional data columns (events/total, mean (SD) N); one row per study with a
 * square whose **area** is proportional to its weight and a whisker for its CI (an arrow
 * where the CI runs past the axis limit; "Not estimable" rows without marks); optional
 * subgroups (a heading, the subgroup's rows, its subtotal diamond and statements); the
 * pooled diamond with a total row, the prediction interval, the effect column (one number of
 * decimals for estimates and limits) and an aligned weight column; the heterogeneity,
 * overall-effect and subgroup-difference statements under the plot. Ratios use a log axis
 * symmetric about 1 with 1-2-5 ticks, differences a linear axis centred on the null
 * (`forestAxis`), so the "favours" labels sit under each half of the plot. Rows are drawn
 * top to bottom in the order given, or sorted (`sort`: estimate, weight, name, year).
 * Reference: Lewis S, Clarke M (2001), BMJ 322:1479 ("Forest plots: trying to see the wood
 * and the trees"); Cochrane Handbook 10.10.1 (RevMan's layout).
 * @example forestPlot({ title: 'BCG', axisTitle: 'Risk ratio', scale: 'log', rows }).spec
 */
export function forestPlot(input: ForestPlotInput): ChartResult {
  const warnings: string[] = [];
  const isLog = input.scale === 'log';
  const compact = input.compact === true;
  const nullValue = input.reference === undefined ? (isLog ? 1 : 0) : input.reference;
  const estimable = (row: ForestRow): boolean =>
    row.estimable !== false &&
    [row.estimate, row.lower, row.upper].every(isFiniteNumber) &&
    (!isLog || (row.lower > 0 && row.estimate > 0 && row.upper > 0));
  for (const row of input.rows)
    if (row.estimable !== false && !estimable(row))
      warnings.push(
        `forest plot "${input.title}": row "${row.label}" shown as not estimable (estimate or CI not finite${isLog ? ' or not positive' : ''})`,
      );
  const finitePooled = (p: ForestPooled | undefined, what: string): ForestPooled | undefined => {
    if (!p) return undefined;
    if ([p.estimate, p.lower, p.upper].every(isFiniteNumber)) return p;
    warnings.push(`forest plot "${input.title}": ${what} left out (not finite)`);
    return undefined;
  };
  const pooled = finitePooled(input.pooled, 'pooled estimate');
  const hasPi =
    pooled !== undefined &&
    isFiniteNumber(pooled.predictionLower) &&
    isFiniteNumber(pooled.predictionUpper);

  // Groups in drawing order: the declared subgroups, then any other group a row names.
  const declared = input.subgroups ?? [];
  const grouped = declared.length > 0;
  const groups: ForestSubgroup[] = grouped ? [...declared] : [{ name: '' }];
  if (grouped)
    for (const row of input.rows) {
      const name = row.group ?? '';
      if (!groups.some((g) => g.name === name)) {
        groups.push({ name });
        warnings.push(
          `forest plot "${input.title}": row "${row.label}" has subgroup "${name}", which has no subtotal`,
        );
      }
    }
  const groupPooled = new Map(
    groups.map((g) => [g.name, finitePooled(g.pooled, `subtotal of "${g.name}"`)]),
  );

  // Vertical layout: y in row units, header at −1.2, rows from 0.
  const studyLines: { row: ForestRow; y: number }[] = [];
  const subtotalLines: {
    group: ForestSubgroup;
    pooled: ForestPooled;
    y: number;
    weight?: number;
  }[] = [];
  const labelCol: TextRow[] = [];
  const noteLines: TextRow[] = [];
  let next = 0;
  for (const [gi, group] of groups.entries()) {
    const members = input.rows.filter((r) => !grouped || (r.group ?? '') === group.name);
    if (grouped && group.name !== '')
      labelCol.push({ y: next++, text: group.name, style: 'heading' });
    for (const row of sortForestRows(members, input.sort)) studyLines.push({ row, y: next++ });
    const sub = groupPooled.get(group.name);
    if (grouped && sub) {
      const weights = members.filter(estimable).map((r) => r.weight);
      const weight =
        sub.weight ??
        (weights.length > 0 && weights.every(isFiniteNumber)
          ? weights.reduce((s, w) => s + (w as number), 0)
          : undefined);
      subtotalLines.push({
        group,
        pooled: sub,
        y: next + 0.2,
        ...(weight !== undefined ? { weight } : {}),
      });
      next += 1.2;
      if (sub.totals && !compact)
        labelCol.push({ y: next++, text: sub.totals.label, style: 'normal' });
    }
    if (grouped)
      for (const text of group.statements ?? []) {
        noteLines.push({ y: next, text, style: 'note' });
        next += 0.8;
      }
    if (grouped && gi < groups.length - 1) next += 0.5;
  }
  const pooledY = next + 0.5;
  let after = pooledY + 1;
  const totalsY = pooled?.totals && !compact ? after++ : undefined;
  const piY = hasPi ? after++ : undefined;

  const shownRows = studyLines.map((l) => l.row);
  const pooledAll = [pooled, ...subtotalLines.map((s) => s.pooled)].filter(
    (p): p is ForestPooled => p !== undefined,
  );
  const decimals =
    input.decimals ??
    columnDecimals(
      [
        ...shownRows.filter(estimable).flatMap((r) => [r.estimate, r.lower, r.upper]),
        ...pooledAll.flatMap((p) => [p.estimate, p.lower, p.upper]),
      ],
      { ratio: isLog },
    );
  const ciText = (e: number, l: number, u: number): string => formatEstimateCi(e, l, u, decimals);

  const domain = forestAxis(
    [
      ...shownRows.filter(estimable).flatMap((r) => [r.lower, r.upper]),
      ...pooledAll.flatMap((p) => [p.lower, p.upper]),
      ...(hasPi ? [pooled!.predictionLower!, pooled!.predictionUpper!] : []),
    ],
    {
      scale: input.scale,
      reference: nullValue,
      ...(input.logLimit !== undefined ? { logLimit: input.logLimit } : {}),
    },
  );
  const centre = nullValue ?? (isLog ? 1 : 0);
  const clip = (v: number): number => Math.min(domain[1], Math.max(domain[0], v));

  const maxWeight = Math.max(0, ...shownRows.map((row) => row.weight ?? 0));
  const hasWeights = maxWeight > 0;
  const showWeights = hasWeights && !compact;
  const columns = compact ? [] : (input.columns ?? []);
  const header =
    (input.columns ?? []).length > 0 ||
    input.effectHeader !== undefined ||
    input.studyHeader !== undefined;
  const fullEffectHeader = input.effectHeader ?? `${input.axisTitle}, 95% CI`;
  const effectHeader = compact
    ? (fullEffectHeader.match(/\d+(\.\d+)?% CI/)?.[0] ?? 'CI')
    : fullEffectHeader;

  const studies = studyLines
    .filter((l) => estimable(l.row))
    .map(({ row, y }) => ({
      label: row.label,
      y,
      estimate: row.estimate,
      lower: clip(row.lower),
      upper: clip(row.upper),
      weight: row.weight ?? null,
      // Square area ∝ weight (Vega's point size is an area in px²); equal squares without weights.
      size:
        hasWeights && row.weight !== undefined ? (FOREST_MAX_AREA * row.weight) / maxWeight : 80,
      text: row.effectText ?? ciText(row.estimate, row.lower, row.upper),
      weightText: row.weight !== undefined ? formatPercent(row.weight) : '',
    }));
  const cut = (y: number, lower: number, upper: number) => [
    ...(lower < domain[0] ? [{ y, x: domain[0], shape: 'triangle-left' }] : []),
    ...(upper > domain[1] ? [{ y, x: domain[1], shape: 'triangle-right' }] : []),
  ];
  const arrows = [
    ...studyLines
      .filter((l) => estimable(l.row))
      .flatMap((l) => cut(l.y, l.row.lower, l.row.upper)),
    ...(hasPi && piY !== undefined
      ? cut(piY, pooled!.predictionLower!, pooled!.predictionUpper!)
      : []),
  ];

  // One entry per column of text: study labels, data columns, effect text, weights.
  const dataCols: TextRow[][] = columns.map(() => []);
  const effectCol: TextRow[] = [];
  const weightCol: TextRow[] = [];
  for (const { row, y } of studyLines) {
    labelCol.push({ y, text: row.label, style: 'normal' });
    dataCols.forEach((col, c) => col.push({ y, text: row.cells?.[c] ?? '', style: 'normal' }));
    const ok = estimable(row);
    effectCol.push({
      y,
      text: ok ? (row.effectText ?? ciText(row.estimate, row.lower, row.upper)) : 'Not estimable',
      style: 'normal',
    });
    if (ok && row.weight !== undefined && showWeights)
      weightCol.push({ y, text: formatPercent(row.weight), style: 'normal' });
  }
  const pooledText = (p: ForestPooled, y: number, weight: number | undefined): void => {
    labelCol.push({ y, text: p.label, style: 'bold' });
    dataCols.forEach((col, c) => col.push({ y, text: p.cells?.[c] ?? '', style: 'bold' }));
    effectCol.push({ y, text: ciText(p.estimate, p.lower, p.upper), style: 'bold' });
    if (showWeights && weight !== undefined)
      weightCol.push({ y, text: formatPercent(weight), style: 'bold' });
  };
  for (const s of subtotalLines) {
    pooledText(s.pooled, s.y, s.weight);
    if (s.pooled.totals && !compact)
      dataCols.forEach((col, c) =>
        col.push({ y: s.y + 1, text: s.pooled.totals!.cells[c] ?? '', style: 'normal' }),
      );
  }
  if (pooled) {
    pooledText(pooled, pooledY, pooled.weight ?? 100);
    if (pooled.totals && totalsY !== undefined) {
      labelCol.push({ y: totalsY, text: pooled.totals.label, style: 'normal' });
      dataCols.forEach((col, c) =>
        col.push({ y: totalsY, text: pooled.totals!.cells[c] ?? '', style: 'normal' }),
      );
    }
    if (hasPi && piY !== undefined) {
      labelCol.push({
        y: piY,
        text: `${Math.round((pooled.predictionLevel ?? 0.95) * 100)}% prediction interval`,
        style: 'normal',
      });
      effectCol.push({
        y: piY,
        text: `${formatFixed(pooled.predictionLower!, decimals)} to ${formatFixed(pooled.predictionUpper!, decimals)}`,
        style: 'normal',
      });
    }
  }
  const headerY = -1.2;
  if (header) {
    labelCol.push({ y: headerY, text: input.studyHeader ?? 'Study', style: 'bold' });
    dataCols.forEach((col, c) => col.push({ y: headerY, text: columns[c], style: 'bold' }));
    effectCol.push({ y: headerY, text: effectHeader, style: 'bold' });
    if (showWeights) weightCol.push({ y: headerY, text: 'Weight', style: 'bold' });
  }
  const fontOf = (style: TextStyle): { size: number; weight: 'bold' | 'normal' } => ({
    size: style === 'note' ? NOTE_FONT : FONT,
    weight: style === 'bold' || style === 'heading' ? 'bold' : 'normal',
  });
  const colWidth = (col: TextRow[]): number =>
    Math.max(0, ...col.map((t) => textWidth(t.text, fontOf(t.style).size, fontOf(t.style).weight)));

  const width = input.width ?? (compact ? 120 : 320);
  const labelLimit = compact ? COMPACT_LABEL : colWidth(labelCol) > MAX_LABEL ? MAX_LABEL : 0;
  const labelWidth = labelLimit > 0 ? Math.min(labelLimit, colWidth(labelCol)) : colWidth(labelCol);
  const dataWidths = dataCols.map(colWidth);
  const leftWidth = labelWidth + dataWidths.reduce((s, w) => s + GAP + w, 0) + 10;
  const effectWidth = colWidth(effectCol);
  const weightWidth = showWeights ? colWidth(weightCol) : 0;

  const yMin = header ? headerY - 0.7 : -0.6;
  const yMax = (piY ?? totalsY ?? (pooled ? pooledY : Math.max(next - 1, 0))) + 0.6;
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
    ...(isLog
      ? { values: axisTicks(logTicks(domain[0], domain[1])), format: '~g' }
      : { tickCount: compact ? 4 : 6 }),
  };
  const x = { field: 'estimate', type: 'quantitative' as const, scale: xScale, axis: xAxis };
  function axisTicks(ticks: number[]): number[] {
    // A narrow axis keeps the powers of ten when 1-2-5 steps would crowd it.
    if (!compact || ticks.length <= 5) return ticks;
    const decades = ticks.filter((t) => Number(t.toExponential().split('e')[0]) === 1);
    return decades.length >= 2 ? decades : ticks;
  }

  const textLayers = (
    col: TextRow[],
    align: 'left' | 'right',
    px: number,
    limit = 0,
  ): Record<string, unknown>[] =>
    (['normal', 'bold', 'heading', 'note'] as const).flatMap((style) => {
      const rows = col.filter((r) => r.style === style && r.text !== '');
      if (rows.length === 0) return [];
      const font = fontOf(style);
      return [
        {
          data: { values: rows.map(({ y, text }) => ({ y, text })) },
          mark: {
            type: 'text',
            align,
            baseline: 'middle',
            x: px,
            fontSize: font.size,
            fontWeight: font.weight,
            ...(style === 'note' ? { color: MUTED } : {}),
            limit: style === 'note' ? 0 : limit,
          },
          encoding: {
            y,
            text: { field: 'text' },
            // A cut label keeps its full text in the tooltip (the SVG's <title>).
            ...(limit > 0 ? { tooltip: { field: 'text' } } : {}),
          },
        },
      ];
    });

  const diamondLayer = (p: ForestPooled, at: number): Record<string, unknown> => ({
    data: {
      values: [
        { y: at - 0.4, x: p.estimate, x2: p.estimate },
        { y: at, x: clip(p.lower), x2: clip(p.upper) },
        { y: at + 0.4, x: p.estimate, x2: p.estimate },
      ],
    },
    mark: { type: 'area', orient: 'horizontal', color: OKABE_ITO[1], opacity: 1 },
    encoding: {
      y: { ...y, field: 'y' },
      x: { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis },
      x2: { field: 'x2' },
      tooltip: { value: `${p.label}: ${ciText(p.estimate, p.lower, p.upper)}` },
    },
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
    ...textLayers([...labelCol, ...noteLines], 'left', -leftWidth, labelLimit),
    ...dataCols.flatMap((col, c) =>
      textLayers(
        col,
        'right',
        -leftWidth + labelWidth + dataWidths.slice(0, c + 1).reduce((s, w) => s + GAP + w, 0),
      ),
    ),
    ...textLayers(effectCol, 'left', width + 10),
    ...(showWeights
      ? textLayers(weightCol, 'right', width + 10 + effectWidth + GAP + weightWidth)
      : []),
    ...subtotalLines.map((s) => diamondLayer(s.pooled, s.y)),
  ];
  if (pooled) {
    layers.push(diamondLayer(pooled, pooledY));
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
    // Compact: each text ends (or starts) 6 px from the null line and may run past the frame,
    // which is empty at that height; otherwise centred under its half and cut to fit it.
    const favoursText = (side: 'left' | 'right', text: string) => ({
      mark: {
        type: 'text',
        align: compact ? (side === 'left' ? 'right' : 'left') : 'center',
        ...(compact ? { dx: side === 'left' ? -6 : 6 } : { limit: width / 2 - 4 }),
        y: under,
        fontSize: NOTE_FONT,
        color: MUTED,
        text,
      },
      encoding: { x: { field: side, type: 'quantitative', scale: xScale, axis: xAxis } },
    });
    layers.push({
      data: {
        values: [
          compact
            ? { left: centre, right: centre }
            : { left: mid(domain[0], centre), right: mid(centre, domain[1]) },
        ],
      },
      layer: [
        favoursText('left', `\u2190 ${input.favours.left}`),
        favoursText('right', `${input.favours.right} \u2192`),
      ],
    });
  }
  const statements = compact
    ? (input.statements ?? []).flatMap((t) =>
        t.split('; ').map((part, i, all) => (i < all.length - 1 ? `${part};` : part)),
      )
    : (input.statements ?? []);
  statements.forEach((text, i) => {
    layers.push({
      data: { values: [{}] },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'middle',
        x: -leftWidth,
        // Below the axis title (and the favours texts when there are any).
        y: height + (input.favours && nullValue !== null ? 66 : 50) + 15 * i,
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
  const n = shownRows.length;
  const notEstimable = shownRows.filter((r) => !estimable(r)).length;
  const nGroups = groups.filter((g) => g.name !== '').length;
  const description =
    `Forest plot of ${n} ${n === 1 ? 'row' : 'rows'}${grouped ? ` in ${nGroups} ${nGroups === 1 ? 'subgroup' : 'subgroups'}` : ''} (${input.axisTitle}, ${isLog ? 'log' : 'linear'} axis)` +
    (notEstimable ? `, ${notEstimable} not estimable` : '') +
    subtotalLines
      .map((s) => `. ${s.group.name}: ${ciText(s.pooled.estimate, s.pooled.lower, s.pooled.upper)}`)
      .join('') +
    (pooled ? `. ${pooled.label}: ${ciText(pooled.estimate, pooled.lower, pooled.upper)}` : '') +
    (statements.length ? `. ${statements.join('. ')}` : '') +
    '.';
  return { spec, description, warnings };
}
