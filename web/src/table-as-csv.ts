/**
 * Cells copied from a spreadsheet (tab-separated) as CSV, which the CLI reads; CSV is left
 * as it is. Cells holding a comma, a quote or a line break are quoted.
 * @example tableAsCsv('study\tyi\nA, 2001\t0.5') // 'study,yi\n"A, 2001",0.5'
 */
export function tableAsCsv(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!lines[0]?.includes('\t') || lines[0].includes(',')) return text;
  const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return lines.map((line) => line.split('\t').map(cell).join(',')).join('\n');
}
