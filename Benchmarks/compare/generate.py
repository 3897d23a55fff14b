"""A synthetic two-group file for the compare benchmark: ROWS rows, 10 % pilot.

    python3 generate.py ROWS OUT.csv [--swedish]

Columns cohort, days (continuous, right-skewed like case durations, 1 decimal) and
re_referral (0/1). --swedish writes what Excel exports: ';' and decimal commas.
"""
import sys

import numpy as np

rows, out = int(sys.argv[1]), sys.argv[2]
swedish = "--swedish" in sys.argv
rng = np.random.default_rng(20201)
pilot = rng.random(rows) < 0.10
days = np.round(rng.gamma(2.0, 45.0, rows) - pilot * 6.0, 1).clip(0)
rereferral = (rng.random(rows) < np.where(pilot, 0.18, 0.22)).astype(int)
sep = ";" if swedish else ","
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write(sep.join(["cohort", "days", "re_referral"]) + "\n")
    cohort = np.where(pilot, "vallingbyteamet", "linjen")
    for c, d, r in zip(cohort, days, rereferral):
        text = f"{d:.1f}"
        if swedish:
            text = text.replace(".", ",")
        f.write(f"{c}{sep}{text}{sep}{r}\n")
