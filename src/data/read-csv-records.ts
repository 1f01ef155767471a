/** What `readCsvRecords` reports: records as they end, and quoting or line-ending problems where they are. */
export interface CsvRecordSink {
  /** One record's cells (quotes removed, `""` → `"`), starting on `line` (1-based). */
  record(cells: string[], line: number): void;
  /** A problem at `line`:`char` (1-based); `cell` is the 0-based cell index in its record, if any. */
  problem(problem: {
    line: number;
    char: number;
    cell?: number;
    expected: string;
    found: string;
    hint?: string;
  }): void;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const ENDING_NAMES: Record<string, string> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

/**
 * The one CSV reader (RFC 4180) for files, standard input and text: comma-separated cells,
 * `"` quotes a cell (and `""` is a quote inside it), a record ends at CRLF, LF or CR outside
 * quotes. Every line is kept (an empty line is a record of one empty cell). Problems are
 * reported where they are, and reading goes on where it can:
 * - a quote that never closes: at the line and character where it opened (the rest of the
 *   text is inside it, so reading stops);
 * - a quote inside an unquoted cell, or text after a closing quote: at that character;
 * - a record ending unlike the first one (CRLF, then LF): once, at that line, naming both.
 *
 * @example
 * readCsvRecords('a,b\n1,"x ""y"""\n', sink); // sink.record(['a','b'], 1); sink.record(['1','x "y"'], 2)
 */
export function readCsvRecords(text: string, sink: CsvRecordSink): void {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  let firstEnding: string | undefined;
  let mixedReported = false;
  const at = (index: number): number => index - lineStart + 1;
  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        const openChar = at(i);
        i += 1;
        value = '';
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) {
            sink.problem({
              line: openLine,
              char: openChar,
              cell: cells.length,
              expected: 'a closing " for the quote that opens this cell',
              found: 'no closing quote before the end of the file',
              hint: 'a " inside a quoted cell is written ""',
            });
            return;
          }
          // Line breaks inside quotes are part of the cell; count them for positions.
          for (let k = i; k < close; k += 1) {
            const c = text.charCodeAt(k);
            if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) {
              line += 1;
              lineStart = k + 1;
            }
          }
          value += text.slice(i, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            i = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && next !== CR) {
          const start = i;
          while (i < n && !isBreak(text.charCodeAt(i))) i += 1;
          sink.problem({
            line,
            char: at(start),
            cell: cells.length,
            expected: 'a comma or the end of the line after a closing quote',
            found: `${JSON.stringify(text.slice(start, Math.min(i, start + 20)))} after the quoted cell`,
            hint: 'a " inside a quoted cell is written ""',
          });
          value += text.slice(start, i);
        }
      } else {
        const start = i;
        while (i < n && !isBreak(text.charCodeAt(i))) i += 1;
        value = text.slice(start, i);
        const quote = value.indexOf('"');
        if (quote !== -1) {
          sink.problem({
            line,
            char: at(start + quote),
            cell: cells.length,
            expected: 'a cell with no " unless the whole cell is quoted',
            found: `a quote inside an unquoted cell: ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`,
            hint: 'quote the whole cell and double the quotes in it: "say ""hi"""',
          });
        }
      }
      cells.push(value);
      if (text.charCodeAt(i) === COMMA) {
        i += 1;
        continue;
      }
      break;
    }
    if (i < n) {
      const ending =
        text.charCodeAt(i) === CR ? (text.charCodeAt(i + 1) === LF ? '\r\n' : '\r') : '\n';
      if (firstEnding === undefined) firstEnding = ending;
      else if (ending !== firstEnding && !mixedReported) {
        mixedReported = true;
        sink.problem({
          line,
          char: at(i),
          expected: `every line to end the same way (the first ends in ${ENDING_NAMES[firstEnding]})`,
          found: `a line ending in ${ENDING_NAMES[ending]}: mixed line endings`,
          hint: 'save the file again with one kind of line ending; most editors can convert',
        });
      }
      i += ending.length;
      line += 1;
      lineStart = i;
    }
    sink.record(cells, recordLine);
  }
}

function isBreak(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}
