"""Reference p-values for Barnard's and Boschloo's unconditional exact tests.

Run from the repo root: python3 test/reference/binary_unconditional.py
Writes test/reference/fixtures/binary_unconditional.json.

scipy.stats.barnard_exact (pooled Wald statistic, the default, and pooled=False, the unpooled
Wald statistic) and boschloo_exact maximise
the p-value over the nuisance parameter with shgo on a Sobol sample of n points. The default
n = 32 can miss the maximum; the references use n = 4096 (scipy rounds n up to a power of 2).
scipy's table has one column per sample: [[x1, x2], [n1 - x1, n2 - x2]].
"""
import json

import numpy as np
import scipy
from scipy.stats import barnard_exact, boschloo_exact

N_POINTS = 4096
CASES = [
    (7, 12, 1, 10),
    (9, 10, 3, 10),
    (6, 7, 2, 7),
    (5, 56, 0, 29),
    (0, 10, 0, 20),
    (10, 10, 0, 20),
    (15, 50, 9, 50),
    (7, 34, 1, 34),
    (1, 2, 0, 1),
    (3, 3, 3, 3),
    (0, 25, 4, 25),
    (74, 117, 31, 63),
    (56, 70, 48, 80),
    (0, 5, 5, 5),
    (2, 9, 7, 8),
    (12, 40, 3, 35),
]


def fin(x):
    x = float(x)
    if np.isnan(x):
        return "NaN"
    if np.isinf(x):
        return "Inf" if x > 0 else "-Inf"
    return x


rows = []
for x1, n1, x2, n2 in CASES:
    table = [[x1, x2], [n1 - x1, n2 - x2]]
    row = {"x1": x1, "n1": n1, "x2": x2, "n2": n2}
    for alt in ("two-sided", "less", "greater"):
        b = barnard_exact(table, alternative=alt, n=N_POINTS)
        u = barnard_exact(table, alternative=alt, n=N_POINTS, pooled=False)
        s = boschloo_exact(table, alternative=alt, n=N_POINTS)
        row[alt] = {
            "barnard": {"statistic": fin(b.statistic), "p": fin(b.pvalue)},
            "barnardUnpooled": {"statistic": fin(u.statistic), "p": fin(u.pvalue)},
            "boschloo": {"statistic": fin(s.statistic), "p": fin(s.pvalue)},
        }
    rows.append(row)

with open("test/reference/fixtures/binary_unconditional.json", "w") as f:
    json.dump({"generated": f"scipy {scipy.__version__}, n = {N_POINTS}", "cases": rows}, f, indent=2)
print("wrote test/reference/fixtures/binary_unconditional.json")
