"""The scipy peer of piloteval's bootstrap and permutation test on the same samples:
scipy.stats.bootstrap (BCa, 9,999 resamples) of the pilot mean and of the difference of
means (pilot − line, each group resampled separately), and scipy.stats.permutation_test
(independent, 9,999 resamples, two-sided) of the difference of means. Vectorised
statistics, as scipy's documentation recommends. Times the computation only (after
reading the file), as the Swift side does.

    python3 peer_resampling.py SAMPLES.csv [RESAMPLES]
"""
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

df = pd.read_csv(sys.argv[1])
B = int(sys.argv[2]) if len(sys.argv) > 2 else 9999
x = df.loc[df["group"] == "pilot", "value"].to_numpy()
y = df.loc[df["group"] != "pilot", "value"].to_numpy()
rng = np.random.default_rng(2024)


def diff(a, b, axis=-1):
    return np.mean(a, axis=axis) - np.mean(b, axis=axis)


t0 = time.perf_counter()
one = stats.bootstrap((x,), np.mean, n_resamples=B, method="BCa", rng=rng)
t1 = time.perf_counter()
two = stats.bootstrap((x, y), diff, n_resamples=B, method="BCa", rng=rng)
t2 = time.perf_counter()
perm = stats.permutation_test((x, y), diff, permutation_type="independent", n_resamples=B,
                              alternative="two-sided", rng=rng)
t3 = time.perf_counter()
print(f"scipy-resampling n1={x.size} n2={y.size} resamples={B} one_sample_seconds={t1 - t0:.4f} "
      f"two_sample_seconds={t2 - t1:.4f} permutation_seconds={t3 - t2:.4f} "
      f"one_bca={one.confidence_interval.low:.6g},{one.confidence_interval.high:.6g} "
      f"two_bca={two.confidence_interval.low:.6g},{two.confidence_interval.high:.6g} perm_p={perm.pvalue:.6g}")
