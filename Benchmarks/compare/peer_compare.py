"""The Python peer of `piloteval compare`, end to end: read the CSV with pandas and
run the same tests with scipy. Prints one line: seconds=... and a few figures, so the
benchmark can check both sides computed the same thing.

    python3 peer_compare.py FILE continuous|binary [--swedish]
"""
import sys
import time

t0 = time.perf_counter()
import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

path, kind = sys.argv[1], sys.argv[2]
swedish = "--swedish" in sys.argv
df = pd.read_csv(path, sep=";" if swedish else ",", decimal="," if swedish else ".")
is_pilot = df["cohort"] == "vallingbyteamet"
if kind == "continuous":
    x = df.loc[is_pilot, "days"].dropna().to_numpy()
    y = df.loc[~is_pilot, "days"].dropna().to_numpy()
    desc = [(a.size, a.mean(), a.std(ddof=1), *np.quantile(a, [0.25, 0.5, 0.75])) for a in (x, y)]
    welch = stats.ttest_ind(x, y, equal_var=False)
    welch_ci = welch.confidence_interval()
    student = stats.ttest_ind(x, y, equal_var=True)
    mw = stats.mannwhitneyu(x, y, alternative="two-sided", method="auto")
    n1, n2 = x.size, y.size
    sp = np.sqrt(((n1 - 1) * x.var(ddof=1) + (n2 - 1) * y.var(ddof=1)) / (n1 + n2 - 2))
    g = (1 - 3 / (4 * (n1 + n2) - 9)) * (x.mean() - y.mean()) / sp
    # Hodges-Lehmann has no scipy function, and the n1*n2 pairwise differences
    # (9e10 here) do not fit in memory: the peer leaves it out, piloteval computes it.
    figures = f"diff={x.mean() - y.mean():.12g} t={welch.statistic:.12g} u={mw.statistic:.12g} g={g:.12g}"
else:
    x = df.loc[is_pilot, "re_referral"].dropna().to_numpy()
    y = df.loc[~is_pilot, "re_referral"].dropna().to_numpy()
    a, n1, c, n2 = int(x.sum()), x.size, int(y.sum()), y.size
    table = np.array([[a, n1 - a], [c, n2 - c]])
    ci1 = proportion_confint(a, n1, method="wilson")
    ci2 = proportion_confint(c, n2, method="wilson")
    chi2 = stats.chi2_contingency(table, correction=True)
    fisher = stats.fisher_exact(table)
    rr = (a / n1) / (c / n2)
    figures = f"diff={a / n1 - c / n2:.12g} chi2={chi2.statistic:.12g} rr={rr:.12g} fisher_p={fisher.pvalue:.6g}"
print(f"peer seconds={time.perf_counter() - t0:.3f} {figures}")
