# Reference for src/stats/dist/noncentral-chi-square.ts and noncentral-f.ts: upper tails of the
# noncentral chi-square and F by mpmath at 40 digits (R's pnchisq/pnbeta stop at ~1e-9, so R
# cannot check them to 1e-12). The mixture is summed term by term with mpmath's own incomplete
# gamma/beta, far beyond where the Poisson weights matter.
# Run from the repo root: python3 test/reference/noncentral_mpmath.py
import json
import mpmath as mp

mp.mp.dps = 40


def weights(mu):
    mode = int(mu)
    lo = max(0, int(mu - 60 * mp.sqrt(mu + 1) - 60))
    hi = int(mu + 60 * mp.sqrt(mu + 1) + 60)
    return [(j, mp.exp(j * mp.log(mu) - mu - mp.loggamma(j + 1)) if mu > 0 else mp.mpf(j == 0)) for j in range(lo, hi + 1)]


def chisq_sf(x, df, ncp):
    x, df, ncp = mp.mpf(x), mp.mpf(df), mp.mpf(ncp)
    return sum(w * mp.gammainc(df / 2 + j, x / 2, mp.inf, regularized=True) for j, w in weights(ncp / 2))


def f_sf(x, d1, d2, ncp):
    x, d1, d2, ncp = mp.mpf(x), mp.mpf(d1), mp.mpf(d2), mp.mpf(ncp)
    u = d1 * x / (d1 * x + d2)
    return sum(w * mp.betainc(d1 / 2 + j, d2 / 2, u, 1, regularized=True) for j, w in weights(ncp / 2))


chisq = [(3.841458820694124, 1, 4), (30, 3, 0), (1200, 10, 1000), (5.991464547107979, 2, 9), (20, 5, 0.5), (0.5, 2.5, 12), (60, 4, 30), (200, 12, 150.5)]
f = [(3.2, 2, 30, 5), (2.5, 4, 95, 0.01), (2.5, 4, 95, 30), (4.0, 1, 10, 2), (1.5, 10, 500, 12), (3.0, 3, 60, 0), (2.2, 5, 20.5, 7.25)]
out = {
    "chisq": [{"x": x, "df": df, "ncp": ncp, "sf": float(chisq_sf(x, df, ncp))} for x, df, ncp in chisq],
    "f": [{"x": x, "df1": a, "df2": b, "ncp": ncp, "sf": float(f_sf(x, a, b, ncp))} for x, a, b, ncp in f],
}
with open("test/reference/fixtures/noncentral_mpmath.json", "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
