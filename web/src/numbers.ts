/**
 * The `--json` result as rows of (field path, value), every number at full precision, so the
 * page shows what a script would read (`md.ci.lower`) and a test can compare it with R.
 * @example jsonRows({ md: { estimate: 34.4 } }) // [['md.estimate', '34.4']]
 */
export function jsonRows(value: unknown, path = ''): [string, string][] {
  if (value === null || typeof value !== 'object')
    return path ? [[path, value === null ? 'null' : String(value)]] : [];
  const entries = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item] as const)
    : Object.entries(value).map(([key, item]) => [path ? `${path}.${key}` : key, item] as const);
  return entries.flatMap(([p, item]) => jsonRows(item, p));
}
