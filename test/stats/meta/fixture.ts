import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Decodes the R fixture's encoding of non-finite numbers ("Inf", "-Inf", "NaN"; NA → null). */
export function decode(value: unknown): unknown {
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  if (value === 'NaN') return NaN;
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, decode(v)]));
  }
  return value;
}

/** Reads test/reference/fixtures/<name>.json with `decode`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadFixture(name: string): any {
  return decode(
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL(`../../reference/fixtures/${name}.json`, import.meta.url)),
        'utf8',
      ),
    ),
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const fixture: any = loadFixture('meta');

export interface FitFixture {
  method: string;
  test: string;
  k: number;
  estimate: number;
  se: number;
  zval: number;
  pval: number;
  ci_lb: number;
  ci_ub: number;
  tau2: number;
  QE: number;
  QEp: number;
  I2: number;
  H2: number;
  vt: number;
  pi_lb: number;
  pi_ub: number;
  weights: number[];
  tau2_ci?: [number, number];
  I2_ci?: [number, number];
  H2_ci?: [number, number];
  tau2_ci_tight?: [number, number];
}

/** Datasets in the fixture that carry `fits`, with their yi/vi. */
export function fitDatasets(): {
  name: string;
  yi: number[];
  vi: number[];
  fits: Record<string, FitFixture>;
}[] {
  const bcg = fixture.bcg.escalc.RR;
  const nd = fixture.normand.escalc.MD;
  return [
    { name: 'bcg (log RR)', yi: bcg.yi, vi: bcg.vi, fits: fixture.bcg.fits },
    { name: 'normand1999 (MD)', yi: nd.yi, vi: nd.vi, fits: fixture.normand.fits },
    {
      name: 'hackshaw1998 (log OR)',
      yi: fixture.hackshaw.data.yi,
      vi: fixture.hackshaw.data.vi,
      fits: fixture.hackshaw.fits,
    },
    { name: 'k = 2', yi: fixture.k2.yi, vi: fixture.k2.vi, fits: fixture.k2.fits },
    {
      name: 'homogeneous (τ² = 0)',
      yi: fixture.homogeneous.yi,
      vi: fixture.homogeneous.vi,
      fits: fixture.homogeneous.fits,
    },
    {
      name: 'simulated k = 200',
      yi: fixture.large.yi,
      vi: fixture.large.vi,
      fits: fixture.large.fits,
    },
  ];
}

/** Relative tolerance for a method: 1e-10 closed forms, 1e-6 iterative (REML, ML, EB, PM). */
export function tolerance(method: string): number {
  return ['REML', 'ML', 'EB', 'PM'].includes(method) ? 1e-6 : 1e-10;
}
