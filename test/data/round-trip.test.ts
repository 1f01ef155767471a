import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable, type Column } from '../../src/format/table.js';
import { parse } from 'csv-parse/sync';
import { parseKindText } from '../../src/data/index.js';
import { readCsvRecords } from '../../src/data/read-csv-records.js';

interface Arm {
  trial: string;
  outcome: string;
  arm: string;
  events: number;
  n: number;
  source: string;
  note: string;
}

// Characters that stress CSV quoting and line counting.
const unit = fc.constantFrom('a', 'Z', '1', ' ', ',', '"', ';', '\n', '\r\n', 'é', '−');
const text = fc
  .string({ unit, minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() === s && s.trim() !== '');
const arm = fc
  .record({
    trial: text,
    outcome: text,
    arm: text,
    n: fc.integer({ min: 1, max: 10_000 }),
    source: text,
    note: fc.string({ unit, maxLength: 30 }),
  })
  .chain((row) => fc.integer({ min: 0, max: row.n }).map((events) => ({ ...row, events })));

const COLUMNS: Column<Arm>[] = (
  ['trial', 'outcome', 'arm', 'events', 'n', 'source', 'note'] as const
).map((name) => ({
  header: name,
  text: (row: Arm) => String(row[name]),
}));

describe('round trip', () => {
  it('any valid arm-binary rows written as CSV (quotes, commas, line breaks) parse back to the same values and lines', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arm, {
          selector: (row) => `${row.trial}\u0000${row.outcome}\u0000${row.arm}`,
          maxLength: 20,
        }),
        (rows) => {
          const csv = renderTable(rows, COLUMNS, 'csv');
          const { table } = parseKindText(csv, 'arm-binary', 'p.csv');
          expect(
            table.rows.map(({ trial, outcome, arm, events, n, source, note }) => ({
              trial,
              outcome,
              arm,
              events,
              n,
              source,
              note: note ?? '',
            })),
          ).toEqual(
            // The parser trims text cells.
            rows.map((row) => ({ ...row, note: row.note.trim() })),
          );
          // Each row's line = 2 + line breaks in earlier rows' cells.
          let line = 2;
          table.rows.forEach((row, i) => {
            expect(row.$line).toBe(line);
            line += 1 + (Object.values(rows[i]).join('').match(/\n/g)?.length ?? 0);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads well-formed CSV exactly as csv-parse does (an independent parser as the reference)', () => {
    const records = (csv: string): string[][] => {
      const out: string[][] = [];
      readCsvRecords(csv, {
        record: (cells) => out.push(cells),
        problem: (p) => expect.fail(JSON.stringify(p)),
      });
      return out;
    };
    fc.assert(
      fc.property(fc.array(arm, { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const csv = renderTable(rows, COLUMNS, 'csv').replace(
          /\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g,
          eol,
        );
        expect(records(csv)).toEqual(
          parse(csv, { relax_column_count: true, skip_empty_lines: false }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
