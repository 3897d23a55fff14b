"""LRE that numpy and scipy reach on the NIST StRD data piloteval is tested on.

Reads the fixtures the Swift tests use (so both see exactly the same numbers) and
prints Markdown rows for docs/statistics.md. LRE = -log10(|x - c| / |c|), capped at 15.
    python3 Benchmarks/nist/peer_lre.py
"""
import json
import math
import pathlib

import numpy as np
from scipy import stats

FIX = pathlib.Path(__file__).resolve().parents[2] / "Tests/StatisticsTests/Fixtures"


def lre(x, c):
    if x == c:
        return 15.0
    if c == 0:
        return min(15.0, -math.log10(abs(x)))
    return max(0.0, min(15.0, -math.log10(abs(x - c) / abs(c))))


print("| dataset | numpy mean | numpy std(ddof=1) | Python statistics.stdev |")
for d in json.load(open(FIX / "core_nist_univariate.json"))["datasets"]:
    v = np.array(d["values"], dtype=float)
    import statistics
    print(f"| {d['name']} | {lre(v.mean(), d['certified_mean']):.1f} | "
          f"{lre(v.std(ddof=1), d['certified_sd']):.1f} | "
          f"{lre(statistics.stdev(d['values']), d['certified_sd']):.1f} |")

print()
print("| dataset | scipy f_oneway F |")
for d in json.load(open(FIX / "core_nist_anova.json"))["datasets"]:
    f = stats.f_oneway(*[np.array(g, dtype=float) for g in d["groups"]]).statistic
    print(f"| {d['name']} | {lre(f, d['certified']['f']):.1f} |")
