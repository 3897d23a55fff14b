"""The Python peer of `piloteval readiness summary`, end to end: read the responses CSV
with pandas and compute the same figures with groupby and scipy:
per unit and item n, mean, SD, t CI, share agreeing (>= 6), distribution; per unit and
scale (all items, the two subscales; mean of answered items, half rule) n, mean, SD, CI;
r_wg(J) per unit (listwise, uniform null (A^2-1)/12); Cronbach's alpha over the wave
and each subscale with Feldt CI; ICC(1), ICC(2), F and p from the one-way ANOVA of the
all-items score by unit. Prints seconds= and a few figures to check against piloteval.

    python3 peer_summary.py FILE.csv
"""
import sys
import time

t0 = time.perf_counter()
import numpy as np
import pandas as pd
from scipy import stats

ITEMS = ["shared_vision", "follow_individual_important", "follow_individual_possible",
         "needs_adapted_support", "understand_why", "want_to_contribute",
         "know_what_it_means_for_me", "have_prerequisites"]
SCALES = {"all_items": ITEMS,
          "motivation": ["follow_individual_important", "understand_why", "want_to_contribute"],
          "conditions": ["follow_individual_possible", "needs_adapted_support",
                         "know_what_it_means_for_me", "have_prerequisites"]}
AGREE_FROM, OPTIONS = 6, 7

df = pd.read_csv(sys.argv[1], dtype={"respondent": str, "unit": str, "wave": str})
g = df.groupby("unit", sort=True)

# Items per unit.
n = g[ITEMS].count()
mean = g[ITEMS].mean()
sd = g[ITEMS].std(ddof=1)
tq = stats.t.ppf(0.975, n - 1)
ci_low, ci_high = mean - tq * sd / np.sqrt(n), mean + tq * sd / np.sqrt(n)
agree = (df[ITEMS] >= AGREE_FROM).groupby(df["unit"]).sum() / n
distribution = {item: df.groupby(["unit", item]).size().unstack(fill_value=0) for item in ITEMS}

# Scale scores per respondent (half rule), then per unit.
scores = {}
for key, items in SCALES.items():
    answered = df[items].notna().sum(axis=1)
    scores[key] = df[items].mean(axis=1).where(2 * answered >= len(items))
scores = pd.DataFrame(scores)
sg = scores.groupby(df["unit"])
s_n, s_mean, s_sd = sg.count(), sg.mean(), sg.std(ddof=1)
s_t = stats.t.ppf(0.975, s_n - 1)
s_low, s_high = s_mean - s_t * s_sd / np.sqrt(s_n), s_mean + s_t * s_sd / np.sqrt(s_n)

# r_wg(J) per unit, listwise.
complete = df.dropna(subset=ITEMS)
sigma2 = (OPTIONS ** 2 - 1) / 12
ratio = complete.groupby("unit")[ITEMS].var(ddof=1).mean(axis=1) / sigma2
J = len(ITEMS)
rwg = (J * (1 - ratio) / (J * (1 - ratio) + ratio)).where(ratio < 1, 0.0)

# Cronbach's alpha with Feldt CI, listwise.
def alpha(items):
    x = df[items].dropna().to_numpy()
    nr, k = x.shape
    a = k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1))
    lo = 1 - (1 - a) * stats.f.isf(0.025, nr - 1, (nr - 1) * (k - 1))
    hi = 1 - (1 - a) * stats.f.ppf(0.025, nr - 1, (nr - 1) * (k - 1))
    return a, lo, hi
alphas = {key: alpha(items) for key, items in SCALES.items()}

# ICC from the one-way ANOVA of the all-items score by unit.
s = scores["all_items"].dropna()
u = df.loc[s.index, "unit"]
grp = s.groupby(u)
sizes, means = grp.count(), grp.mean()
N, Ju = sizes.sum(), len(sizes)
ssb = (sizes * (means - s.mean()) ** 2).sum()
ssw = ((s - u.map(means)) ** 2).sum()
msb, msw = ssb / (Ju - 1), ssw / (N - Ju)
k = (N - (sizes ** 2).sum() / N) / (Ju - 1)
icc1 = (msb - msw) / (msb + (k - 1) * msw)
icc2 = (msb - msw) / msb
p = stats.f.sf(msb / msw, Ju - 1, N - Ju)

first = mean.index[0]
print(f"peer seconds={time.perf_counter() - t0:.3f} units={len(mean)} "
      f"mean_first={mean.loc[first, ITEMS[0]]:.12g} sd_first={sd.loc[first, ITEMS[0]]:.12g} "
      f"alpha={alphas['all_items'][0]:.12g} icc1={icc1:.12g} icc2={icc2:.12g} rwg_first={rwg.loc[first]:.12g}")
