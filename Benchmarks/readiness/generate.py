"""Synthetic respondent-level readiness wave for the benchmark: RESPONDENTS rows,
50 units, the eight items of Models/instruments/vallingbyteamet-readiness.yaml, 1-7,
about 3 % of answers blank. Unit effects make the ICC non-trivial. Seeded, so the
same arguments give the same bytes.

    python3 generate.py RESPONDENTS OUT.csv [--units 50] [--seed 11] [--wave 2024-03]
"""
import argparse

import numpy as np

ITEMS = ["shared_vision", "follow_individual_important", "follow_individual_possible",
         "needs_adapted_support", "understand_why", "want_to_contribute",
         "know_what_it_means_for_me", "have_prerequisites"]

p = argparse.ArgumentParser()
p.add_argument("respondents", type=int)
p.add_argument("out")
p.add_argument("--units", type=int, default=50)
p.add_argument("--seed", type=int, default=11)
p.add_argument("--wave", default="2024-03")
a = p.parse_args()

rng = np.random.default_rng(a.seed)
n = a.respondents
unit = rng.integers(0, a.units, n)
unit_effect = rng.normal(0, 0.5, a.units)
person = rng.normal(0, 0.8, n)
item_effect = np.linspace(0.6, -0.6, len(ITEMS))
latent = 4.6 + unit_effect[unit][:, None] + person[:, None] + item_effect[None, :] + rng.normal(0, 0.9, (n, len(ITEMS)))
answers = np.clip(np.rint(latent), 1, 7).astype(int)
blank = rng.random((n, len(ITEMS))) < 0.03

with open(a.out, "w", encoding="utf-8", newline="") as f:
    f.write("respondent,unit,wave," + ",".join(ITEMS) + "\n")
    lines = []
    for i in range(n):
        cells = ["" if blank[i, j] else str(answers[i, j]) for j in range(len(ITEMS))]
        lines.append(f"R{i + 1:07d},Enhet {unit[i] + 1:02d},{a.wave}," + ",".join(cells) + "\n")
        if len(lines) == 50_000:
            f.writelines(lines)
            lines = []
    f.writelines(lines)
