import { poissonMixture } from './noncentral-chi-square.js';
import { incompleteBeta } from './special.js';
import { checkNumber, checkPositive } from './validate.js';

/**
 * Survival function of the noncentral F, P(X > x) for X ~ F(df1, df2, ncp), as R's
 * `pf(x, df1, df2, ncp, lower.tail = FALSE)`: with u = df1·x/(df1·x + df2),
 * P(X > x) = Σⱼ Pois(j; ncp/2) · I_{1−u}(df2/2, df1/2 + j), each upper beta tail computed
 * directly (A&S 26.6.20; Johnson, Kotz & Balakrishnan 1995, vol. 2, ch. 30). This is the power
 * of an F test (ANOVA, regression) at noncentrality ncp.
 * @example noncentralFSf(3.2, 2, 30, 5) // 0.48010962010874 (mpmath; R's pf gives 0.4801096203, its pnbeta stops at 1e-9)
 */
export function noncentralFSf(x: number, df1: number, df2: number, ncp: number): number {
  checkNumber('x', x);
  checkPositive('df1', df1);
  checkPositive('df2', df2);
  if (!(ncp >= 0 && Number.isFinite(ncp))) checkPositive('ncp', ncp);
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const d1x = df1 * x;
  const total = d1x + df2;
  const u = d1x / total;
  const v = df2 / total;
  return Math.min(
    1,
    poissonMixture(ncp / 2, (j) => incompleteBeta(u, v, df1 / 2 + j, df2 / 2, true)),
  );
}
