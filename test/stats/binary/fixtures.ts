import { readFileSync } from 'node:fs';

/** Decodes the fixtures' explicit non-finite encodings ("Inf", "-Inf", "NaN"). */
export function decode(value: unknown): number {
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  if (value === 'NaN') return NaN;
  return value as number;
}

type Raw = number | string;
export interface RCase {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  fisher: {
    p: number;
    estimate: Raw;
    p_less: number;
    p_greater: number;
    ci: { level: number; two: Raw[]; less: Raw[]; greater: Raw[] }[];
  };
  midp: number;
  chisq?: { statistic: number; p: number };
  chisqYates?: { statistic: number; p: number };
  levels: {
    level: number;
    wilson1: number[];
    wilson2: number[];
    newcombe: number[];
    wald: number[];
    ac: number[];
    mnRd: number[];
    koopman?: Raw[];
    mnRr?: Raw[];
    nam?: number[];
    mnOr?: Raw[];
  }[];
  escalc: { logRr: Raw; vRr: Raw; logOr: Raw; vOr: Raw; rd: number; vRd: number };
}

const root = new URL('../../reference/fixtures/', import.meta.url);
export const rFixture = JSON.parse(readFileSync(new URL('binary.json', root), 'utf8')) as {
  cases: RCase[];
  yatesSmall: { x1: number; n1: number; x2: number; n2: number; statistic: number; p: number };
};

export interface PyCase {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  [alternative: string]: unknown;
}
export const pyFixture = JSON.parse(
  readFileSync(new URL('binary_unconditional.json', root), 'utf8'),
) as {
  cases: (PyCase &
    Record<
      'two-sided' | 'less' | 'greater',
      {
        barnard: { statistic: Raw; p: number };
        barnardUnpooled: { statistic: Raw; p: number };
        boschloo: { statistic: Raw; p: number };
      }
    >)[];
};

export const tableOf = (c: { x1: number; n1: number; x2: number; n2: number }) => ({
  events1: c.x1,
  n1: c.n1,
  events2: c.x2,
  n2: c.n2,
});
export const label = (c: { x1: number; n1: number; x2: number; n2: number }) =>
  `${c.x1}/${c.n1} vs ${c.x2}/${c.n2}`;
export { expectClose } from '../../support/close.js';
