/**
 * A number in a sentence of a result's reason or note (4 significant digits, exponent
 * outside 0.001–1e6): these sentences are data (part of `--json`), built where the
 * numbers are, so they cannot wait for src/format.
 *
 * @example shortNumber(52.04119) // '52.04'
 */
export function shortNumber(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 0.001 && abs < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}
