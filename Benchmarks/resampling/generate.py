"""Two samples for the resampling benchmark: a pilot team's N1 values and the line's
N2 (days to a decision, skewed: gamma), the pilot 3 days faster. Seeded.

    python3 generate.py OUT.csv [--n1 200] [--n2 2000] [--seed 5]
"""
import argparse

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--n1", type=int, default=200)
p.add_argument("--n2", type=int, default=2000)
p.add_argument("--seed", type=int, default=5)
a = p.parse_args()
rng = np.random.default_rng(a.seed)
pilot = np.round(rng.gamma(2.0, 8.0, a.n1) + 4, 1)
line = np.round(rng.gamma(2.0, 8.0, a.n2) + 7, 1)
with open(a.out, "w") as f:
    f.write("group,value\n")
    f.writelines(f"pilot,{v}\n" for v in pilot)
    f.writelines(f"line,{v}\n" for v in line)
