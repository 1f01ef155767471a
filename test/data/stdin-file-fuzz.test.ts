import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';

/**
 * Issue 16, robustness test that stays: mutated bundled CSVs read through the file path and
 * through stdin (`validate FILE` and `validate -`) never end in anything but exit 0 or 2 (an
 * input error: one clear message, never an internal error with a stack), and both paths give
 * the same exit code and the same messages once the name (`<stdin>` or the path) is made
 * neutral. fast-check with a fixed seed and a fixed number of runs, so the run is the same
 * every time; no time limit.
 */
const tempDir = useTempDirs('trialstat-fuzz');

const SOURCES: readonly [string, string][] = [
  ['datasets/rapami/arms-binary.csv', 'arm-binary'],
  ['datasets/miles-lam/arms-continuous.csv', 'arm-continuous'],
  ['datasets/rapami/percentages.csv', 'reported-percentage'],
  ['datasets/veteran-lung/km-curve.csv', 'km-curve'],
];

/** Bytes that break CSV and decoding in different ways. */
const HOSTILE = [
  0x22, // "
  0x2c, // ,
  0x0a, // \n
  0x0d, // \r
  0x00, // NUL
  0x1b, // ESC
  0xff, // never valid UTF-8
  0xc3, // a lone UTF-8 lead byte
  0xe2, // start of a 3-byte sequence
  0x2d, // -
  0x65, // e (1e-999)
  0x39, // 9
];

type Mutation =
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; byte: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    byte: fc.constantFrom(...HOSTILE),
  }),
);

function mutate(source: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = [...source];
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.op === 'insert') bytes = [...bytes.slice(0, at), ...m.bytes, ...bytes.slice(at)];
    else if (m.op === 'delete') bytes = [...bytes.slice(0, at), ...bytes.slice(at + m.length)];
    else bytes[at] = m.byte;
  }
  return Uint8Array.from(bytes);
}

describe('mutated bundled CSVs: the file path and stdin agree and fail cleanly', () => {
  for (const [path, kind] of SOURCES) {
    it(`${path} (${kind})`, async () => {
      // The first 40 lines hold every kind of cell and keep each run quick.
      const text = readFileSync(path, 'utf8').split('\n').slice(0, 40).join('\n');
      const source = new TextEncoder().encode(text);
      const dir = tempDir();
      const file = join(dir, 'x.csv');
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (mutations) => {
          const bytes = mutate(source, mutations);
          writeFileSync(file, bytes);
          const viaFile = await runCli(['validate', file, '--kind', kind]);
          const viaStdin = await runCli(['validate', '-', '--kind', kind], { stdin: bytes });
          expect([0, 2]).toContain(viaFile.code);
          expect(viaFile.stderr).not.toContain('internal error');
          expect(viaStdin.code).toBe(viaFile.code);
          expect(viaStdin.stderr.split('<stdin>').join('<in>')).toBe(
            viaFile.stderr.split(file).join('<in>'),
          );
        }),
        { seed: 20261204, numRuns: 200 },
      );
    });
  }
});
