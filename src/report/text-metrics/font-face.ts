import subset from './liberation-sans-subset.json' with { type: 'json' };

/** CSS family name of the embedded font (not "Liberation …": the OFL reserves that name for unmodified fonts). */
export const EMBEDDED_FONT_FAMILY = 'trialstat-sans';

/**
 * `@font-face` rules that embed the report font in the page: Liberation Sans (SIL Open Font
 * License 1.1), subset to the characters of the width table that the chart layout is
 * measured with, as WOFF2 data URIs (the page CSP allows `font-src data:` and nothing else).
 * With the font carried by the page, text drawn on a machine without Arial or Liberation
 * Sans has the measured widths and stays inside its SVG. The bytes are fixed (generated once
 * by test/report/generate-font-subset.mjs), so builds stay byte-deterministic.
 * @example `<style>${fontFaceCss()} body { font-family: ${REPORT_FONT} }</style>`
 */
export function fontFaceCss(): string {
  return (['normal', 'bold'] as const)
    .map(
      (weight) =>
        `@font-face { font-family: "${EMBEDDED_FONT_FAMILY}"; font-style: normal; font-weight: ${weight === 'bold' ? 700 : 400}; font-display: block; src: url(data:font/woff2;base64,${subset.faces[weight].woff2}) format("woff2"); }`,
    )
    .join('\n');
}
