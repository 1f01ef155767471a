import { describe, expect, it } from 'vitest';
import { metaRegression } from '../../../src/stats/meta/meta-regression.js';
import { permutationTest } from '../../../src/stats/meta/permutation-test.js';
import type { EffectSizes } from '../../../src/stats/meta/effect-sizes.js';
import type { MetaMethod, MetaTest } from '../../../src/stats/meta/meta-analysis.js';
import { expectClose } from '../../support/close.js';
import { loadFixture } from './fixture.js';

// metafor 3.8 permutest.rma.uni through test/reference/meta_depth.R: the random permutations
// metafor drew (recorded with their seed) are replayed here, so p-values must agree exactly.
const fx = loadFixture('meta_depth');
const d = fx.bcg;
const bcg = (rows?: number[]): EffectSizes => ({
  measure: 'GEN',
  studies: (rows ?? d.yi.map((_: number, i: number) => i + 1)).map((r: number) => ({
    study: `S${r}`,
    yi: d.yi[r - 1],
    vi: d.vi[r - 1],
    extra: { ablat: d.ablat[r - 1], year: d.year[r - 1], alloc: d.alloc[r - 1] },
  })),
  dropped: [],
  warnings: [],
});
const mods = (names: string | string[]) =>
  ([] as string[]).concat(names).map((column) => ({ column }));

describe('permutationTest against metafor permutest', () => {
  for (const name of ['bcg_ablat_REML_z', 'bcg_ablat_year_DL_knha', 'bcg_intercept_REML_z']) {
    const e = fx.permutest[name];
    it(`${name}: ${e.iter} permutations replayed (seed ${e.seed}) give metafor's p-values exactly`, () => {
      const fit = metaRegression(bcg(), mods(e.mods), {
        method: e.method as MetaMethod,
        test: e.test as MetaTest,
      });
      const permutations = e.rows ? e.rows.map((r: number[]) => r.map((j) => j - 1)) : e.signs;
      const res = permutationTest(fit, { permutations });
      expect(res.iterations).toBe(e.iter);
      expect(res.failed).toBe(0);
      res.distribution.QM.forEach((q, i) =>
        expectClose(q, e.QM_perm[i], 1e-6, 1e-9, `QM.perm[${i}]`),
      );
      const z = e.rows ? e.zval_perm : e.zval_perm.map((v: number) => [v]);
      res.distribution.statistic.forEach((s, i) =>
        s.forEach((v, j) => expectClose(v, z[i][j], 1e-6, 1e-9, `zval.perm[${i}, ${j}]`)),
      );
      // shares of the same count (the fixture prints 15 significant digits)
      expectClose(res.QMp, e.QMp, 1e-13, 0, 'QMp');
      res.coefficients.forEach((c, j) => expectClose(c.p, e.pval[j], 1e-13, 0, `pval[${j}]`));
    });
  }

  for (const name of ['exact_sub7_ablat', 'exact_sub9_alloc', 'exact_sub9_intercept']) {
    const e = fx.permutest[name];
    it(`${name}: the exhaustive test (${e.count} distinct permutations) equals permutest(exact = TRUE)`, () => {
      const fit = metaRegression(bcg(e.rows), mods(e.mods), {
        method: e.method as MetaMethod,
        test: e.test as MetaTest,
      });
      const res = permutationTest(fit, { exact: true });
      expect(res.exact).toBe(true);
      expect(res.exactCount).toBe(e.count);
      expect(res.iterations).toBe(e.count);
      expect(res.seed).toBeNull();
      expect(res.failed).toBe(e.count - e.QM_perm_sorted.length);
      // shares of the same count (the fixture prints 15 significant digits)
      expectClose(res.QMp, e.QMp, 1e-13, 0, 'QMp');
      res.coefficients.forEach((c, j) => expectClose(c.p, e.pval[j], 1e-13, 0, `pval[${j}]`));
      const sorted = [...res.distribution.QM].sort((a, b) => a - b);
      sorted.forEach((q, i) =>
        expectClose(q, e.QM_perm_sorted[i], 1e-6, 1e-9, `sorted QM.perm[${i}]`),
      );
    });
  }
});

describe('permutationTest behaviour', () => {
  const fit = metaRegression(bcg(), mods('ablat'));
  it('is exhaustive by itself when the distinct permutations are few enough', () => {
    const small = metaRegression(bcg([1, 2, 3, 4, 5, 6]), mods('ablat'));
    const res = permutationTest(small, { iterations: 1000 });
    expect(res.exact).toBe(true);
    expect(res.exactCount).toBe(360); // 6!/2!: two studies share latitude 44
    expect(res.mcse).toBe(0);
  });
  it('seeded: same seed, same result; the seed is returned; p within Monte Carlo error of metafor', () => {
    const a = permutationTest(fit, { seed: 42 });
    const b = permutationTest(fit, { seed: 42 });
    expect(a).toEqual(b);
    expect(a.seed).toBe(42);
    expect(a.iterations).toBe(1000);
    expect(a.exact).toBe(false);
    const other = permutationTest(fit, { seed: 43 });
    expect(other.distribution.QM).not.toEqual(a.distribution.QM);
    const ref = fx.permutest.bcg_ablat_REML_z.QMp;
    expect(Math.abs(a.QMp - ref)).toBeLessThan(4 * Math.sqrt((ref * (1 - ref)) / 1000) + 2e-3);
  });
  it('asks for a seed instead of drawing unseeded permutations', () => {
    expect(() => permutationTest(fit)).toThrow(/seed/);
    expect(() => permutationTest(fit, { iterations: 1 })).toThrow(/iterations/);
  });
});
