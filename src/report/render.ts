import type { TopLevelSpec } from 'vega-lite';
import { installTextMetrics } from './text-metrics/text-width.js';

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
  const compiled = vegaLite.compile(spec, { logger: vlLogger as never }).spec;
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
  const raw = await view.toSVG();
  view.finalize();
  const size = /^<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(raw);
  return {
    svg: decorate(raw, options),
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
    warnings,
  };
}

/** Prefixes internal ids (several SVGs share one page) and adds accessible name and description. */
function decorate(svg: string, options: RenderOptions): string {
  const prefix = options.idPrefix;
  let out = svg
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
