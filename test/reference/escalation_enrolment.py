"""Reference for escalationEnrolment (test/stats/check/escalation-enrolment.test.ts).

Independent of the closed form under test: every patient-level DLT sequence (each patient
0 or 1) is run through the 3+3 rules one patient at a time (Storer 1989 design A: cohorts of
3; 0/3 escalate; 1/3 treat 3 more, <= 1/6 escalate; >= 2 stop; top dose cleared stops), and
the number of patients treated is collected. Groups are independent, so totals add.
Run: python3 test/reference/escalation_enrolment.py
"""
import itertools
import json
import os


def run(levels, outcomes):
    """Patients treated by a 3+3 over `levels` doses, reading DLTs from `outcomes`."""
    it = iter(outcomes)
    treated = 0
    for _ in range(levels):
        first = [next(it) for _ in range(3)]
        treated += 3
        d = sum(first)
        if d == 0:
            continue
        if d >= 2:
            return treated
        second = [next(it) for _ in range(3)]
        treated += 3
        if d + sum(second) >= 2:
            return treated
    return treated


def group_totals(levels):
    totals = set()
    for outcomes in itertools.product((0, 1), repeat=6 * levels):
        totals.add(run(levels, outcomes))
    return totals


cases = []
for levels in (1, 2, 3):
    one = group_totals(levels)
    for groups in (1, 2):
        totals = {0}
        for _ in range(groups):
            totals = {a + b for a in totals for b in one}
        cases.append({"levels": levels, "groups": groups, "possible": sorted(totals)})

out = os.path.join(os.path.dirname(__file__), "fixtures", "escalation_enrolment.json")
with open(out, "w") as f:
    json.dump({"source": "test/reference/escalation_enrolment.py (patient-level brute force)", "cases": cases}, f, indent=1)
    f.write("\n")
