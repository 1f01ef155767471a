import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../src/data/decode-text.js';
import { readCsvRecords } from '../../src/data/read-csv-records.js';
import { DataError, type InputIssue } from '../../src/errors.js';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('trialstat-decode');
const HEADER = 'trial,outcome,arm,events,n,source';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function issueOf(f: () => unknown): InputIssue {
  try {
    f();
  } catch (error) {
    if (error instanceof DataError) return error.issues[0];
    throw error;
  }
  throw new Error('no DataError');
}

/** `validate` on a file and on the same bytes through stdin: exit code and stderr, with the file name made neutral. */
async function bothWays(
  content: Uint8Array,
  kind = 'arm-binary',
  extension = 'csv',
): Promise<{ file: { code: number; stderr: string }; stdin: { code: number; stderr: string } }> {
  const dir = tempDir();
  const path = join(dir, `x.${extension}`);
  writeFileSync(path, content);
  const file = await runCli(['validate', path, '--kind', kind]);
  const stdin = await runCli(['validate', '-', '--kind', kind], { stdin: content });
  return {
    file: { code: file.code, stderr: file.stderr.split(path).join('<in>') },
    stdin: { code: stdin.code, stderr: stdin.stderr.split('<stdin>').join('<in>') },
  };
}

describe('decodeText: strict UTF-8, one decoder for files, stdin and specs', () => {
  it('drops a UTF-8 BOM and keeps every character', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('é,µ,±\n')]), 'f')).toBe(
      'é,µ,±\n',
    );
  });

  it('Latin-1 bytes: the file, line and character of the first bad byte, with a hint', () => {
    const latin1 = new Uint8Array([...bytes(`${HEADER}\nT,d`), 0xe9, ...bytes('c,A,1,2,s\n')]);
    expect(issueOf(() => decodeText(latin1, 'arms.csv'))).toEqual({
      file: 'arms.csv',
      line: 2,
      char: 4,
      expected: 'UTF-8 text',
      found: 'byte 0xE9, which is not UTF-8',
      hint: 'probably Latin-1 or Windows-1252, where é, µ or ± is one byte; save it as UTF-8: in Excel as "CSV UTF-8", in a text editor with encoding UTF-8',
    });
    // Characters, not bytes: two-byte é before the bad byte counts once.
    expect(issueOf(() => decodeText(new Uint8Array([...bytes('éé'), 0xff]), 'f'))).toMatchObject({
      line: 1,
      char: 3,
    });
  });

  it('UTF-16 with or without a byte-order mark, a NUL byte, an .xlsx workbook', () => {
    const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(
      issueOf(() => decodeText(new Uint8Array([0xff, 0xfe, ...utf16le(`${HEADER}\n`)]), 'f')).found,
    ).toBe('a UTF-16 file (byte-order mark 0xFF 0xFE)');
    expect(
      issueOf(() =>
        decodeText(
          new Uint8Array([0xfe, 0xff, ...Buffer.from(utf16le(`${HEADER}\n`)).swap16()]),
          'f',
        ),
      ).found,
    ).toBe('a UTF-16 file (byte-order mark 0xFE 0xFF)');
    expect(issueOf(() => decodeText(utf16le(`${HEADER}\nT,d,A,1,2,s\n`), 'f')).found).toBe(
      'a UTF-16 file without a byte-order mark (a NUL byte every other byte)',
    );
    expect(issueOf(() => decodeText(bytes(`${HEADER}\nT,d\u0000,A,1,2,s\n`), 'f'))).toMatchObject({
      line: 2,
      char: 4,
      found: 'a NUL byte (a binary file, not text)',
    });
    expect(
      issueOf(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'f')).found,
    ).toBe('a ZIP archive (an .xlsx or .ods workbook?)');
  });

  it('firstInvalidUtf8 agrees with TextDecoder on every 1- to 3-byte sequence (overlongs, surrogates, truncation)', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array): boolean => {
      try {
        decoder.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const leads = [
      0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef,
      0xf0, 0xf1, 0xf4, 0xf5, 0xff,
    ];
    const tails = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
    for (const a of leads) {
      for (const b of [undefined, ...tails]) {
        for (const c of [undefined, ...tails]) {
          const seq = new Uint8Array([
            a,
            ...(b === undefined ? [] : [b]),
            ...(b !== undefined && c !== undefined ? [c] : []),
          ]);
          expect(
            firstInvalidUtf8(seq) === seq.length,
            Array.from(seq, (x) => x.toString(16)).join(' '),
          ).toBe(valid(seq));
        }
      }
    }
  });
});

describe('readCsvRecords: problems where they are', () => {
  const problems = (text: string) => {
    const found: { line: number; char: number; cell?: number; found: string }[] = [];
    const records: [string[], number][] = [];
    readCsvRecords(text, {
      record: (cells, line) => records.push([cells, line]),
      problem: (p) => found.push({ line: p.line, char: p.char, cell: p.cell, found: p.found }),
    });
    return { found, records };
  };

  it('an unterminated quote is reported where it opened, not at the end of a 200 000-line file', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `T${i},d,A,1,2,s`);
    rows[0] = 'T0,"d,A,1,2,s';
    expect(problems(`${HEADER}\n${rows.join('\n')}\n`).found).toEqual([
      { line: 2, char: 4, cell: 1, found: 'no closing quote before the end of the file' },
    ]);
  });

  it('a quote inside an unquoted cell, text after a closing quote: at that character; reading goes on', () => {
    const { found, records } = problems('a,b\nx,y"z\n"p"q,r\ns,t\n');
    expect(found).toEqual([
      { line: 2, char: 4, cell: 1, found: 'a quote inside an unquoted cell: "y\\"z"' },
      { line: 3, char: 4, cell: 0, found: '"q" after the quoted cell' },
    ]);
    expect(records.map(([, line]) => line)).toEqual([1, 2, 3, 4]);
  });

  it('mixed line endings: once, at the first line that differs; rows are still split right', () => {
    const { found, records } = problems('a,b\r\n1,2\n3,4\r\n5,6\n');
    expect(found).toEqual([
      { line: 2, char: 4, cell: undefined, found: 'a line ending in LF: mixed line endings' },
    ]);
    expect(records.map(([cells]) => cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    // A line break inside a quoted cell (Excel writes LF there, CRLF between rows) is not a line ending.
    expect(problems('a,b\r\n"x\ny",2\r\n3,4\r\n').found).toEqual([]);
  });
});

describe('the CLI: file and stdin give one result for the same bytes', () => {
  const cases: [string, Uint8Array][] = [
    ['valid', bytes(`${HEADER}\nT,d,A,1,2,s\n`)],
    ['an unterminated quote', bytes(`${HEADER}\nT,"d,A,1,2,s\nT,d,B,1,2,s\n`)],
    [
      'a quoting error after bad rows',
      bytes(`${HEADER}\nT,d,A,9,2,s\nT,d,B,x,2,s\nT,e,A,1,2,"s"x\nT,e,B,-1,2,s\n`),
    ],
    ['mixed line endings', bytes(`${HEADER}\r\nT,d,A,1,2,s\nT,d,B,1,2,s\r\n`)],
    ['UTF-16', new Uint8Array([0xff, 0xfe, ...Buffer.from(`${HEADER}\n`, 'utf16le')])],
    ['Latin-1', new Uint8Array([...bytes(`${HEADER}\nT,d`), 0xe9, ...bytes(',A,1,2,s\n')])],
    [
      'a JSON duplicate key',
      bytes('[{"trial":"T","outcome":"d","arm":"A","events":1,"events":2,"n":2,"source":"s"}]'),
    ],
    [
      'a BOM and CRLF',
      new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(`${HEADER}\r\nT,d,A,1,2,s\r\n`)]),
    ],
  ];
  for (const [name, content] of cases) {
    it(name, async () => {
      const { file, stdin } = await bothWays(
        content,
        'arm-binary',
        name.includes('JSON') ? 'json' : 'csv',
      );
      expect(stdin).toEqual(file);
      expect(file.code).toBe(name === 'valid' || name === 'a BOM and CRLF' ? 0 : 2);
    });
  }

  it('echoes no control characters: ANSI escapes, NUL-free binary junk and bidi overrides are shown escaped', async () => {
    const { file } = await bothWays(bytes(`${HEADER}\nT,d,A,\u001b[31m1\u202e,2,s\n`));
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('found "\\x1B[31m1\\u202E"');
    expect(file.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
  });
});
