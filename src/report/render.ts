import type { TopLevelSpec } from 'vega-lite';
import { installTextMetrics, truncateText } from './text-metrics/text-width.js';

export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
  warnings: string[];
}

export interface RenderOptions {
  /** Unique, HTML-id-safe prefix for the SVG's internal ids (clip paths, gradients). */
  idPrefix: string;
  /** Accessible name and description: become `<title>` and `<desc>`. */
  title: string;
  description: string;
}

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');
let modules: Promise<[VegaModule, VegaLiteModule]> | undefined;

/** vega is heavy (~270 ms to import): load it on first render only. */
function loadVega(): Promise<[VegaModule, VegaLiteModule]> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    installTextMetrics(vega as unknown as Parameters<typeof installTextMetrics>[0]);
    return [vega, vegaLite];
  });
  return modules;
}

/** Versions of the rendering libraries, for the methods section. */
export async function rendererVersions(): Promise<{ vega: string; vegaLite: string }> {
  const [vega, vegaLite] = await loadVega();
  return { vega: vega.version, vegaLite: vegaLite.version };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Renders a Vega-Lite spec to an SVG string in Node: vega-lite compile → vega View with
 * renderer 'none' → toSVG. No browser, no network (the loader refuses every URL), text
 * measured with the report font's width table. Warnings from vega-lite and vega are
 * collected and returned.
 */
export async function renderSvg(
  spec: TopLevelSpec,
  options: RenderOptions,
): Promise<RenderedChart> {
  const [vega, vegaLite] = await loadVega();
  const warnings: string[] = [];
  const collect = (...args: readonly unknown[]): void => {
    warnings.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  const vlLogger = {
    level: (_?: number) => vlLogger as never,
    warn: (...args: readonly unknown[]) => (collect(...args), vlLogger as never),
    info: () => vlLogger as never,
    debug: () => vlLogger as never,
    error: (...args: readonly unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
  };
  const compiled = vegaLite.compile(withTooltipDescriptions(spec), {
    logger: vlLogger as never,
  }).spec;
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => (collect(...args), logger);
  logger.error = (...args: readonly unknown[]) => {
    throw new Error(args.map(String).join(' '));
  };
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`chart tried to load "${uri}": reports embed all data`);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger, loader });
  vega.resetSVGDefIds();
  await view.runAsync();
  const cut = truncateTextItems((view.scenegraph() as unknown as { root: SceneNode }).root);
  const raw = withFullTextTitles(await view.toSVG(), cut);
  view.finalize();
  const size = /^<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(raw);
  return {
    svg: decorate(raw, options),
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
    warnings,
  };
}

interface SceneNode {
  marktype?: string;
  items?: SceneNode[];
  text?: unknown;
  limit?: number;
  fontSize?: number;
  fontWeight?: number | string;
  ellipsis?: string;
  dir?: string;
}

/**
 * Cuts every text item that has a `limit` to fit it (with an ellipsis) in the scenegraph
 * itself, where vega measured its bounds, and returns the full texts by cut text in drawing
 * order. Multi-line texts are left as they are.
 */
function truncateTextItems(root: SceneNode): Map<string, string[]> {
  const cut = new Map<string, string[]>();
  const visit = (node: SceneNode): void => {
    for (const item of node.items ?? []) {
      if (node.marktype === 'text' && typeof item.text === 'string' && Number(item.limit) > 0) {
        const short = truncateText(item, item.text);
        if (short !== item.text.trim()) {
          cut.set(short, [...(cut.get(short) ?? []), item.text]);
          item.text = short;
        }
        item.limit = 0;
      }
      if (item.items) visit(item);
    }
  };
  visit(root);
  return cut;
}

/** A `<title>` with the full text inside each text element that was cut short. */
function withFullTextTitles(svg: string, cut: Map<string, string[]>): string {
  if (cut.size === 0) return svg;
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, content: string) => {
    const text = content.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const full = cut.get(text)?.shift();
    return full === undefined
      ? whole
      : `<text${attrs}><title>${escapeXml(full)}</title>${content}</text>`;
  });
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The tooltip a spec defines becomes each mark's description, which the SVG carries as its
 * `aria-label` and (see `decorate`) as a `<title>`: hovering a mark in the static SVG shows
 * the tooltip text with no script. Units whose tooltip is not a plain list of fields keep
 * vega-lite's default description.
 */
function withTooltipDescriptions(spec: TopLevelSpec): TopLevelSpec {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node))
      out[key] = key === 'data' || key === 'config' ? value : visit(value);
    const encoding = out.encoding;
    if (out.mark === undefined || !isObject(encoding) || encoding.description !== undefined)
      return out;
    const tooltip = Array.isArray(encoding.tooltip) ? encoding.tooltip : [encoding.tooltip];
    const entries = tooltip.filter(isObject);
    if (
      entries.length === 0 ||
      entries.length !== tooltip.length ||
      entries.some((t) => typeof t.field !== 'string' || t.aggregate || t.bin || t.timeUnit)
    )
      return out;
    const parts = entries.map((t, i) => {
      const value = `datum[${JSON.stringify(t.field)}]`;
      const shown =
        typeof t.format === 'string' && t.type !== 'temporal'
          ? `(isNumber(${value}) ? format(${value}, ${JSON.stringify(t.format)}) : ${value})`
          : `(isValid(${value}) ? '' + ${value} : '')`;
      const title = typeof t.title === 'string' ? t.title : String(t.field);
      return `${JSON.stringify(`${i ? '; ' : ''}${title}: `)} + ${shown}`;
    });
    const field = '__trialstat_description';
    out.transform = [
      ...(Array.isArray(out.transform) ? out.transform : []),
      { calculate: parts.join(' + '), as: field },
    ];
    out.encoding = { ...encoding, description: { field } };
    return out;
  };
  return visit(spec) as TopLevelSpec;
}

/**
 * Gives every data mark a `<title>` child with its description (the tooltip text), so a
 * pointer over it shows the values.
 */
function addMarkTitles(svg: string): string {
  return svg.replace(
    /<(path|rect|line|circle|image)\b([^>]*?\baria-label="([^"]*)"[^>]*?)\/>/g,
    (whole, tag: string, attrs: string, label: string) =>
      /role="graphics-symbol"/.test(attrs)
        ? `<${tag}${attrs}><title>${label}</title></${tag}>`
        : whole,
  );
}

/** Prefixes internal ids (several SVGs share one page) and adds accessible name and description. */
function decorate(svg: string, options: RenderOptions): string {
  const prefix = options.idPrefix;
  let out = addMarkTitles(svg)
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  out = out.replace(
    /^<svg\b([^>]*)>/,
    (_, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeXml(options.title)}</title><desc id="${descId}">${escapeXml(options.description)}</desc>`,
  );
  return out;
}
