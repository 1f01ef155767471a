/**
 * The one JSON encoder of the CLI (`--json`, `--format json`). JSON has no infinities and no
 * NaN, so they are written as the strings `"Infinity"`, `"-Infinity"` and `"NaN"` (what
 * JavaScript's `Number()` and Python's `float()` read back); a value that could not be
 * estimated is `null`; an absent optional field is left out. Documented in docs/json.md.
 *
 * @example formatJson({ estimate: 2, ci: { lower: 0.5, upper: Infinity }, p: null })
 * // '{\n  "estimate": 2,\n  "ci": {\n    "lower": 0.5,\n    "upper": "Infinity"\n  },\n  "p": null\n}\n'
 */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, encodeNumber, 2)}\n`;
}

/** The strings non-finite numbers are written as. */
export const NON_FINITE_JSON = {
  Infinity: 'Infinity',
  '-Infinity': '-Infinity',
  NaN: 'NaN',
} as const;

function encodeNumber(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return NON_FINITE_JSON.NaN;
  return value > 0 ? NON_FINITE_JSON.Infinity : NON_FINITE_JSON['-Infinity'];
}
