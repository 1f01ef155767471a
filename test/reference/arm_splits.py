"""Reference for armSplits (test/stats/check/arm-splits.test.ts): brute force in exact
rational arithmetic. A percentage printed with d decimals is consistent with k/n when
|100k/n - printed| <= 0.5 * 10^-d (Fractions, no floating point). Every split of the total
into arms >= 1 is tried. Run: python3 test/reference/arm_splits.py
"""
import itertools
import json
import os
from fractions import Fraction


def fits(printed, n):
    p = Fraction(printed)
    d = len(printed.split(".")[1]) if "." in printed else 0
    half = Fraction(1, 2) / 10**d
    return [k for k in range(n + 1) if abs(Fraction(100 * k, n) - p) <= half]


def splits(percents, total):
    out = []
    arms = len(percents)
    for sizes in itertools.product(range(1, total + 1), repeat=arms):
        if sum(sizes) != total:
            continue
        counts = [fits(p, n) for p, n in zip(percents, sizes)]
        if all(counts):
            out.append({"sizes": list(sizes), "counts": counts})
    return out


cases = [
    (["60", "30"], 40),
    (["45", "27"], 44),
    (["11", "4"], 60),
    (["80", "81", "78"], 75),
    (["12.5", "33.3"], 30),
    (["50", "50"], 7),
    (["73", "83"], 24),
]
out = os.path.join(os.path.dirname(__file__), "fixtures", "arm_splits.json")
with open(out, "w") as f:
    json.dump({"source": "test/reference/arm_splits.py (Fraction brute force)",
               "cases": [{"percents": p, "total": t, "splits": splits(p, t)} for p, t in cases]}, f, indent=1)
    f.write("\n")
