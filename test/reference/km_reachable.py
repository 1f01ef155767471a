# Reference for src/stats/survival/km-reachable.ts (run from the repo root:
#   python3 test/reference/km_reachable.py)
# Writes test/reference/fixtures/km-reachable.json: every value a Kaplan–Meier estimate can
# take with n patients (n = 1..10), by brute force over follow-up histories in exact
# rational arithmetic. A history is a sequence of distinct times; at each time some of the
# patients still followed die (d) and some are censored (c), d + c >= 1. KM at any moment is
# the product of (1 - d/at_risk) over the times so far. Independent of the TypeScript
# enumeration, which chooses risk-set sizes instead of histories.
import json
from fractions import Fraction
from functools import lru_cache


@lru_cache(maxsize=None)
def values(left):
    """Set of products reachable from `left` patients still followed (value 1 now)."""
    out = {Fraction(1)}
    for d in range(0, left + 1):
        for c in range(0, left - d + 1):
            if d + c == 0:
                continue
            factor = Fraction(left - d, left)
            rest = left - d - c
            for v in values(rest) if rest > 0 else {Fraction(1)}:
                out.add(factor * v)
    return frozenset(out)


result = {str(n): sorted(float(v) for v in values(n)) for n in range(1, 11)}
without = {str(n): [k / n for k in range(n + 1)] for n in range(1, 11)}
with open("test/reference/fixtures/km-reachable.json", "w") as f:
    json.dump({"reachable": result, "withoutCensoring": without}, f)
print("wrote test/reference/fixtures/km-reachable.json")
