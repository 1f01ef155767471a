"""Normal quantiles on the log scale beyond R's accuracy (R's qnorm(lp, log.p = TRUE) is good to
~1e-6 relative for lp below about -1e4 in R 4.2), as 50-digit roots of log Phi(z) = lp by mpmath.

Run from the repo root: python3 test/reference/dist_tails_mpmath.py
Writes test/reference/fixtures/dist_tails_mpmath.json.
"""
import json

import mpmath as mp

mp.mp.dps = 50
rows = []
for lp in [-1e5, -1e4, -1e3, -50.0, -1e-10]:
    # start from the asymptote z ~ -sqrt(-2 lp)
    start = -mp.sqrt(-2 * mp.mpf(lp)) if lp < -1 else mp.mpf(6)
    z = mp.findroot(lambda x: mp.log(mp.ncdf(x)) - lp, start)
    rows.append({"logP": lp, "q": float(z)})
with open("test/reference/fixtures/dist_tails_mpmath.json", "w") as f:
    json.dump({"generated": f"mpmath {mp.__version__}", "normalLogQuantile": rows}, f, indent=1)
