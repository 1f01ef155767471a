import { readCsvRecords } from './read-csv-records.js';
import type { ColumnSpecs } from './schema.js';
import type { TableBuilder } from './table-builder.js';

/**
 * Feeds CSV text into `builder`, record by record (rows are typed as they end, so raw
 * records never pile up). Quoting and line-ending problems become issues at their line
 * and character, in the cell's column. The one CSV path: files, stdin and text.
 */
export function readCsvTable<C extends ColumnSpecs>(text: string, builder: TableBuilder<C>): void {
  let headerDone = false;
  readCsvRecords(text, {
    record(cells, line) {
      if (cells.length === 1 && cells[0].trim() === '') builder.blank(line);
      else if (!headerDone) {
        headerDone = true;
        builder.setHeader(cells, () => line);
      } else builder.record(cells, line);
    },
    problem({ line, char, cell, expected, found, hint }) {
      // A problem in the header line has no column names yet: `#n`.
      const column =
        cell === undefined
          ? '(line ending)'
          : headerDone
            ? builder.columnName(cell)
            : `#${cell + 1}`;
      builder.issue({ line, char, column, expected, found, ...(hint ? { hint } : {}) });
    },
  });
}
