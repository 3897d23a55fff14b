#!/usr/bin/env python3
"""Reference values for the core statistics tests (descriptives, two-group,
proportions, several groups, paired, multiplicity, power, NIST StRD).

Run from the repository root:

    python3 -m pip install -r Tests/StatisticsTests/Fixtures/requirements.txt
    python3 Tests/StatisticsTests/Fixtures/make_fixtures_core.py

It needs exactly the packages pinned in Fixtures/requirements.txt (scipy 1.17.1,
numpy 2.4.6, statsmodels 0.15.0) and writes Fixtures/core_*.json next to itself.
Where DESIGN.md §4 gives a formula (Hedges' g CI, log-scale ratio CIs with the 0.5
correction, minimum detectable differences, the Hodges–Lehmann interval convention)
the formula is written out here and is the reference; elsewhere the scipy /
statsmodels function named in each block is. Missing values are JSON null.
"""
import json
import math
import os
from itertools import combinations

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

assert scipy.__version__ == "1.17.1", scipy.__version__
assert np.__version__ == "2.4.6", np.__version__
assert statsmodels.__version__ == "0.15.0", statsmodels.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
Z975 = stats.norm.ppf(0.975)


def clean(v):
    """JSON-safe: NaN/inf -> None, numpy scalars -> Python."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, np.ndarray):
        return [clean(x) for x in v.tolist()]
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, (np.floating, float)):
        v = float(v)
        return v if math.isfinite(v) else None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, np.bool_):
        return bool(v)
    return v


def write(name, payload):
    path = os.path.join(HERE, f"core_{name}.json")
    with open(path, "w") as f:
        json.dump(clean(payload), f, indent=1)
        f.write("\n")
    print("wrote", path)


rng = np.random.default_rng(20240601)

# ---------------------------------------------------------------- samples
SAMPLES = {
    "ordinary": (
        [12.1, 14.3, 9.8, 11.0, 15.2, 13.7, 10.4, 12.9, 16.1, 11.8, 13.3, 12.4],
        [10.2, 11.1, 9.5, 12.0, 10.8, 9.9, 11.6, 10.1, 12.3, 9.7, 11.4, 10.6, 10.0, 11.9],
    ),
    "tied": (
        [3, 4, 4, 5, 5, 5, 6, 7, 7, 2, 4, 5],
        [2, 3, 3, 4, 4, 4, 5, 5, 6, 3, 2, 4, 3],
    ),
    "tiny_n2_n3": ([4.5, 6.25], [1.0, 2.5, 3.75]),
    "tiny_n3_n3": ([7.0, 9.5, 8.25], [6.5, 5.0, 7.75]),
    "unbalanced_small_exact": (
        [21.5, 19.0, 23.25, 20.75],
        list(np.round(rng.normal(18, 3, 40), 4)),
    ),
    "unbalanced_ties": (
        [1, 2, 2, 3, 3, 3, 4, 8],
        [0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 1, 0, 2, 2, 5, 1, 2, 3, 1, 0],
    ),
    "extreme_p": (
        list(np.round(rng.normal(30, 2, 60), 4)),
        list(np.round(rng.normal(20, 2, 70), 4)),
    ),
    "exact_8_vs_9": (
        [5.1, 6.3, 7.7, 8.2, 9.9, 4.4, 6.8, 7.1],
        [3.2, 4.1, 2.2, 5.5, 3.9, 4.8, 1.7, 2.9, 3.3],
    ),
    "large": (
        list(np.round(rng.normal(50.0, 10.0, 5000), 3)),
        list(np.round(rng.normal(49.2, 11.0, 4000), 3)),
    ),
}


# ---------------------------------------------------------------- descriptives
def describe(values):
    a = np.array([np.nan if v is None else v for v in values], dtype=float)
    finite = a[np.isfinite(a)]
    n = finite.size
    out = {"n": n, "missing": int(a.size - n)}
    if n == 0:
        return out
    mean = np.mean(finite)
    out.update(mean=mean, min=np.min(finite), max=np.max(finite),
               q1=np.quantile(finite, 0.25), median=np.quantile(finite, 0.5),
               q3=np.quantile(finite, 0.75))
    if n >= 2:
        sd = np.std(finite, ddof=1)
        half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
        out.update(sd=sd, ci_low=mean - half, ci_high=mean + half)
    return out


desc_cases = []
for name, (x, y) in SAMPLES.items():
    desc_cases.append({"name": name + "_pilot", "values": x, "expected": describe(x)})
desc_cases.append({"name": "with_missing", "values": [3.5, None, 2.25, None, 8.0, 1.0, 4.75],
                   "expected": describe([3.5, None, 2.25, None, 8.0, 1.0, 4.75])})
desc_cases.append({"name": "n2", "values": [1.0, 4.0], "expected": describe([1.0, 4.0])})
desc_cases.append({"name": "n3_unsorted", "values": [9.0, -1.5, 3.25], "expected": describe([9.0, -1.5, 3.25])})
desc_cases.append({"name": "constant", "values": [2.5] * 6, "expected": describe([2.5] * 6)})
write("descriptives", {"cases": desc_cases})


# ---------------------------------------------------------------- two groups
def mwu_method(x, y):
    ties = len(set(x) | set(y)) < len(x) + len(y) or len(set(x)) < len(x) or len(set(y)) < len(y)
    if len(x) > 8 and len(y) > 8:
        return "asymptotic"
    return "asymptotic" if ties else "exact"


def u_counts(m, n):
    """Number of arrangements with U = u, by the recursion of Mann & Whitney (1947):
    f(u; m, n) = f(u - n; m - 1, n) + f(u; m, n - 1). Independent of the Swift
    generating-function route."""
    from functools import lru_cache

    @lru_cache(maxsize=None)
    def f(u, m, n):
        if u < 0:
            return 0
        if m == 0 or n == 0:
            return 1 if u == 0 else 0
        return f(u - n, m - 1, n) + f(u, m, n - 1)

    return [f(u, m, n) for u in range(m * n + 1)]


def qwilcox(p, m, n):
    """Smallest u with P(U <= u) >= p (R's qwilcox, with its 1e-7 fuzz)."""
    counts = u_counts(min(m, n), max(m, n))
    total = math.comb(m + n, m)
    cum = 0
    for u, c in enumerate(counts):
        cum += c
        if cum / total >= p * (1 - 1e-7):
            return u
    return m * n


def hodges_lehmann(x, y):
    """Moses CI on the sorted pairwise differences (see HodgesLehmann.swift):
    exact critical value when the Mann–Whitney p is exact, else
    c = floor(mn/2 - z*sigma) with the tie-corrected sigma; c >= 1."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    d = np.sort(np.subtract.outer(x, y).ravel())
    mn = d.size
    est = np.median(d)
    if mwu_method(list(x), list(y)) == "exact":
        c = qwilcox(0.025, len(x), len(y))
    else:
        n1, n2 = len(x), len(y)
        N = n1 + n2
        _, t = np.unique(np.concatenate([x, y]), return_counts=True)
        var = n1 * n2 / 12 * ((N + 1) - np.sum(t**3 - t) / (N * (N - 1)))
        c = math.floor(n1 * n2 / 2 - Z975 * math.sqrt(var))
    c = max(1, min(c, (mn + 1) // 2))
    return {"estimate": est, "ci_low": d[c - 1], "ci_high": d[mn - c], "c": c}


def hedges_g(x, y):
    """DESIGN §4: pooled SD, J = 1 - 3/(4(n1+n2)-9), CI g ± z·sqrt((n1+n2)/(n1 n2) + g²/(2(n1+n2)))."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    n1, n2 = x.size, y.size
    sp = math.sqrt(((n1 - 1) * np.var(x, ddof=1) + (n2 - 1) * np.var(y, ddof=1)) / (n1 + n2 - 2))
    g = (1 - 3 / (4 * (n1 + n2) - 9)) * (np.mean(x) - np.mean(y)) / sp
    se = math.sqrt((n1 + n2) / (n1 * n2) + g * g / (2 * (n1 + n2)))
    return {"estimate": g, "ci_low": g - Z975 * se, "ci_high": g + Z975 * se}


two_cases = []
for name, (x, y) in SAMPLES.items():
    w = stats.ttest_ind(x, y, equal_var=False)
    wci = w.confidence_interval(0.95)
    s = stats.ttest_ind(x, y, equal_var=True)
    sci = s.confidence_interval(0.95)
    mw = stats.mannwhitneyu(x, y, method="auto")
    two_cases.append({
        "name": name, "pilot": x, "comparison": y,
        "welch": {"t": w.statistic, "df": w.df, "p": w.pvalue, "ci_low": wci.low, "ci_high": wci.high},
        "student": {"t": s.statistic, "df": s.df, "p": s.pvalue, "ci_low": sci.low, "ci_high": sci.high},
        "difference": np.mean(x) - np.mean(y),
        "mann_whitney": {"u": mw.statistic, "p": mw.pvalue, "method": mwu_method(x, y)},
        "hodges_lehmann": hodges_lehmann(x, y),
        "hedges_g": hedges_g(x, y),
    })
write("two_sample", {"cases": two_cases})

# Exact U distribution spot checks beyond the samples: P(U <= u) for a few sizes.
udist = []
for m, n in [(3, 4), (5, 8), (8, 8), (2, 30), (8, 25)]:
    counts = u_counts(m, n)
    total = math.comb(m + n, m)
    cdf = np.cumsum(counts) / total
    for u in sorted({0, 1, m * n // 4, m * n // 2, m * n - 1}):
        udist.append({"m": m, "n": n, "u": u, "cdf": float(cdf[u])})
write("mann_whitney_distribution", {"cases": udist})


# ---------------------------------------------------------------- proportions
prop_cases = []
for k, n in [(0, 10), (10, 10), (3, 10), (1, 1), (0, 1), (17, 250), (499, 1000), (1, 5000), (4999, 5000), (42, 97)]:
    wl, wh = proportion_confint(k, n, alpha=0.05, method="wilson")
    bl, bh = proportion_confint(k, n, alpha=0.05, method="beta")
    prop_cases.append({"k": k, "n": n, "wilson": [wl, wh], "beta": [bl, bh]})
write("proportions", {"cases": prop_cases})


def log_ratio_cis(a, n1, c, n2):
    """Risk ratio and odds ratio with log-scale Wald CIs; 0.5 added to all four cells
    when any cell is zero (DESIGN §4); both groups without events -> None."""
    b, d = n1 - a, n2 - c
    if a + c == 0:
        return None, None
    if 0 in (a, b, c, d):
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    m1, m2 = a + b, c + d
    lrr = math.log(a / m1) - math.log(c / m2)
    se_rr = math.sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2)
    lor = math.log(a) + math.log(d) - math.log(b) - math.log(c)
    se_or = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    rr = {"estimate": math.exp(lrr), "ci_low": math.exp(lrr - Z975 * se_rr), "ci_high": math.exp(lrr + Z975 * se_rr)}
    orr = {"estimate": math.exp(lor), "ci_low": math.exp(lor - Z975 * se_or), "ci_high": math.exp(lor + Z975 * se_or)}
    return rr, orr


bin_cases = []
for name, (a, n1, c, n2) in {
    "ordinary": (18, 60, 27, 140),
    "small": (2, 7, 1, 9),
    "zero_cell": (0, 12, 5, 30),
    "all_events_pilot": (15, 15, 20, 31),
    "no_events": (0, 20, 0, 25),
    "balanced_equal": (10, 20, 10, 20),
    "extreme_p": (480, 600, 150, 700),
    "large": (1234, 5000, 980, 4500),
    "tiny": (1, 2, 0, 3),
}.items():
    table = [[a, n1 - a], [c, n2 - c]]
    dl, dh = confint_proportions_2indep(a, n1, c, n2, method="newcomb", compare="diff", alpha=0.05)
    w1 = proportion_confint(a, n1, method="wilson")
    w2 = proportion_confint(c, n2, method="wilson")
    rr, orr = log_ratio_cis(a, n1, c, n2)
    case = {"name": name, "a": a, "n1": n1, "c": c, "n2": n2,
            "pilot_ci": list(w1), "comparison_ci": list(w2),
            "difference": {"estimate": a / n1 - c / n2, "ci_low": dl, "ci_high": dh},
            "risk_ratio": rr, "odds_ratio": orr,
            "fisher_p": stats.fisher_exact(table).pvalue}
    col = [a + c, n1 + n2 - a - c]
    if 0 not in col:
        chi = stats.chi2_contingency(table, correction=True)
        case["chi_square"] = {"statistic": chi.statistic, "df": chi.dof, "p": chi.pvalue}
    else:
        case["chi_square"] = None
    bin_cases.append(case)
write("binary", {"cases": bin_cases})

rxc_cases = []
for name, table in {
    "3x2": [[12, 30], [25, 18], [7, 40]],
    "2x3": [[5, 9, 14], [11, 3, 6]],
    "4x3": [[20, 14, 9], [12, 18, 22], [5, 9, 30], [17, 11, 8]],
    "extreme": [[300, 20, 10], [15, 280, 25], [10, 30, 310]],
    "2x2_uncorrected": [[18, 42], [27, 113]],
}.items():
    chi = stats.chi2_contingency(table, correction=False)
    rxc_cases.append({"name": name, "table": table, "statistic": chi.statistic, "df": chi.dof, "p": chi.pvalue})
write("rxc", {"cases": rxc_cases})

# Fisher exact on more tables (two-sided, scipy fisher_exact).
fisher_cases = []
for t in [[[3, 1], [1, 3]], [[1, 9], [11, 3]], [[0, 5], [5, 0]], [[10, 10], [10, 10]],
          [[7, 2], [3, 8]], [[50, 5], [5, 50]], [[200, 20], [30, 210]], [[2, 30], [9, 12]],
          [[0, 0], [4, 6]], [[12, 5], [0, 0]]]:
    fisher_cases.append({"table": t, "p": stats.fisher_exact(t).pvalue})
write("fisher", {"cases": fisher_cases})

# ---------------------------------------------------------------- several groups
GROUPS = {
    "three_ordinary": [[12.1, 14.3, 9.8, 11.0, 15.2], [10.2, 11.1, 9.5, 12.0, 10.8, 9.9], [14.0, 15.5, 13.2, 16.8]],
    "four_tied": [[1, 2, 2, 3, 3], [2, 3, 3, 4, 4, 4], [3, 4, 5, 5], [1, 1, 2, 2, 3, 5]],
    "two_groups": [[4.5, 6.25, 5.0], [1.0, 2.5, 3.75, 2.0]],
    "extreme": [list(np.round(rng.normal(0, 1, 80), 4)), list(np.round(rng.normal(2, 1.5, 90), 4)),
                list(np.round(rng.normal(4, 0.8, 70), 4))],
    "large": [list(np.round(rng.normal(10, 3, 2000), 3)), list(np.round(rng.normal(10.3, 3.5, 1800), 3)),
              list(np.round(rng.normal(9.8, 2.5, 1500), 3))],
}
several = []
for name, groups in GROUPS.items():
    f = stats.f_oneway(*groups)
    w = anova_oneway(groups, use_var="unequal", welch_correction=True)
    k = stats.kruskal(*groups)
    several.append({"name": name, "groups": groups,
                    "anova": {"f": f.statistic, "df1": len(groups) - 1, "df2": sum(map(len, groups)) - len(groups), "p": f.pvalue},
                    "welch": {"f": w.statistic, "df1": w.df_num, "df2": w.df_denom, "p": w.pvalue},
                    "kruskal": {"h": k.statistic, "df": len(groups) - 1, "p": k.pvalue}})
write("several_groups", {"cases": several})

# NIST StRD one-way ANOVA sets, as shipped with scipy (certified values lines 41–48).
nist_dir = os.path.join(os.path.dirname(stats.__file__), "tests", "data", "nist_anova")
DIFFICULTY = {"SiRstv": "lower", "SmLs01": "lower", "SmLs02": "lower", "SmLs03": "lower",
              "AtmWtAg": "average", "SmLs04": "average", "SmLs05": "average", "SmLs06": "average",
              "SmLs07": "higher", "SmLs08": "higher", "SmLs09": "higher"}
nist_anova = []
for fname in sorted(os.listdir(nist_dir)):
    name = fname[:-4]
    lines = open(os.path.join(nist_dir, fname)).read().splitlines()
    cert = [l.split() for l in lines[39:48] if l.split()[:1] in (["Between"], ["Within"])]
    between, within = cert[0], cert[1]
    # "Between <name...> df SS MS F" and "Within <name...> df SS MS"
    f_cert = float(between[-1]); ssb = float(between[-3]); dfb = int(between[-4])
    ssw = float(within[-2]); dfw = int(within[-3])
    groups = {}
    for l in lines[60:]:
        parts = l.split()
        if len(parts) == 2:
            groups.setdefault(parts[0], []).append(float(parts[1]))
    nist_anova.append({"name": name, "difficulty": DIFFICULTY[name], "groups": list(groups.values()),
                       "certified": {"f": f_cert, "ss_between": ssb, "ss_within": ssw, "df1": dfb, "df2": dfw}})
write("nist_anova", {"datasets": nist_anova})

# ---------------------------------------------------------------- paired
PAIRED = {
    "ordinary_exact": ([10.2, 11.5, 9.8, 12.4, 13.1, 10.9, 11.7, 12.2, 9.5, 10.4],
                       [9.8, 10.1, 10.0, 11.2, 12.5, 10.1, 11.0, 11.9, 9.9, 9.6]),
    "ties_permutation": ([5, 6, 7, 7, 8, 9, 6, 5, 7, 8], [4, 5, 6, 5, 6, 9, 5, 4, 5, 6]),
    "zeros_permutation_n13": ([3, 4, 5, 5, 6, 7, 8, 2, 3, 4, 6, 7, 9], [3, 3, 4, 6, 5, 5, 6, 2, 1, 3, 4, 5, 6]),
    "ties_asymptotic_n20": ([12, 14, 13, 15, 16, 12, 14, 15, 13, 17, 18, 12, 14, 16, 15, 13, 14, 12, 16, 15],
                            [11, 12, 13, 13, 14, 12, 12, 14, 11, 15, 15, 10, 13, 14, 13, 12, 12, 12, 13, 14]),
    "exact_n50": (list(np.round(rng.normal(5.3, 1, 50), 5)), list(np.round(rng.normal(5, 1, 50), 5))),
    "asymptotic_n51": (list(np.round(rng.normal(5.3, 1, 51), 5)), list(np.round(rng.normal(5, 1, 51), 5))),
    "tiny_n3": ([1.5, 2.75, 4.0], [1.0, 1.5, 2.25]),
    "extreme_p": (list(np.round(rng.normal(10, 1, 300), 4)), list(np.round(rng.normal(8, 1, 300), 4))),
    "large": (list(np.round(rng.normal(0.1, 1, 5000), 4)), list(np.round(rng.normal(0, 1, 5000), 4))),
}


def wilcoxon_method(d):
    d = np.asarray(d)
    n = d.size
    if n > 50:
        return "asymptotic"
    nz = np.abs(d[d != 0])
    ties = np.unique(nz).size < nz.size
    if not ties and np.all(d != 0):
        return "exact"
    return "permutation" if n <= 13 else "asymptotic"


paired = []
for name, (x, y) in PAIRED.items():
    t = stats.ttest_rel(x, y)
    ci = t.confidence_interval(0.95)
    w = stats.wilcoxon(x, y)
    d = np.asarray(x, float) - np.asarray(y, float)
    paired.append({"name": name, "x": x, "y": y,
                   "t": {"t": t.statistic, "df": t.df, "p": t.pvalue, "estimate": np.mean(d), "ci_low": ci.low, "ci_high": ci.high},
                   "wilcoxon": {"statistic": w.statistic, "p": w.pvalue, "method": wilcoxon_method(d)}})
write("paired", {"cases": paired})

# ---------------------------------------------------------------- multiplicity
mult = []
for pv in [[0.01, 0.04, 0.03, 0.005, 0.2], [0.5, 0.5, 0.01, 0.02], [1e-14, 0.049, 0.051, 0.9, 0.0001, 0.3],
           [0.04], list(np.round(rng.uniform(0, 0.2, 25), 6))]:
    mult.append({"p": pv, "holm": multipletests(pv, method="holm")[1], "bh": multipletests(pv, method="fdr_bh")[1]})
write("multiplicity", {"cases": mult})

# ---------------------------------------------------------------- power
Z80 = stats.norm.ppf(0.80)
power = []
for n1, n2, sd, p0 in [(20, 20, 5.0, 0.3), (12, 150, 12.5, 0.1), (200, 800, 1.0, 0.5), (5, 7, 2.0, 0.9), (3, 3, 1.0, 0.02)]:
    delta = (Z975 + Z80) * math.sqrt(1 / n1 + 1 / n2)
    phi0 = math.asin(math.sqrt(p0))
    up = phi0 + delta / 2
    down = phi0 - delta / 2
    power.append({"n1": n1, "n2": n2, "sd": sd, "p0": p0, "delta": delta, "raw": delta * sd,
                  "above": math.sin(up) ** 2 if up <= math.pi / 2 else None,
                  "below": math.sin(down) ** 2 if down >= 0 else None})
write("power", {"cases": power})

# ---------------------------------------------------------------- NIST StRD univariate
# Data and certified values of https://www.itl.nist.gov/div898/strd/univ/ (public
# domain). PiDigits is the first 5000 digits of pi as NIST publishes them (its 957th
# value differs from pi; the certified values are for NIST's file, reproduced here).
PIDIGITS = (
    "3141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117067"
    "9821480865132823066470938446095505822317253594081284811174502841027019385211055596446229489549303819"
    "6442881097566593344612847564823378678316527120190914564856692346034861045432664821339360726024914127"
    "3724587006606315588174881520920962829254091715364367892590360011330530548820466521384146951941511609"
    "4330572703657595919530921861173819326117931051185480744623799627495673518857527248912279381830119491"
    "2983367336244065664308602139494639522473719070217986094370277053921717629317675238467481846766940513"
    "2000568127145263560827785771342757789609173637178721468440901224953430146549585371050792279689258923"
    "5420199561121290219608640344181598136297747713099605187072113499999983729780499510597317328160963185"
    "9502445945534690830264252230825334468503526193118817101000313783875288658753320838142061717766914730"
    "3598253490428755468731159562863882353787593751957781857730532171226806613001927876611195909216420198"
    "9380952572010654858632788659361533818279682303019520353018529689957736225994138912497217752834791315"
    "1557485724245415069595082953311686172785588907509838175463746493931925506040092770167113900984882401"
    "2858361603563707660104710181942955596198946767837449448255379774726847104047534646208046684259069491"
    "2933136770289891521047521620569660240580381501935112533824300355876402474964732639141992726042699227"
    "9678235478163600934172164121992458631503028618297455570674983850549458858692699569092721079750930295"
    "5321165344987202755960236480665499119881834797753566369807426542527862551818417574672890977772793800"
    "0816470600161452491921732172147723501414419735685481613611573525521334757418494684385233239073941433"
    "3454776241686251898356948556209921922218427255025425688767179049460165346680498862723279178608578438"
    "3827967976681454100953883786360950680064225125205117392984896084128488626945604241965285022210661186"
    "3067442786220391949450471237137869609563643719172874677646575739624138908658326459958133904780275900"
    "9946576407895126946839835259570982582262052248940772671947826848260147699090264013639443745530506820"
    "3496252451749399651431429809190659250937221696461515709858387410597885959772975498930161753928468138"
    "2686838689427741559918559252459539594310499725246808459872736446958486538367362226260991246080512438"
    "8439045124413654976278079771569143599770012961608944169486855584840635342207222582848864815845602850"
    "6016842739452267467678895252138522549954666727823986456596116354886230577456498035593634568174324112"
    "5150760694794510965960940252288797108931456691368672287489405601015033086179286809208747609178249385"
    "8900971490967598526136554978189312978482168299894872265880485756401427047755513237964145152374623436"
    "4542858444795265867821051141354735739523113427166102135969536231442952484937187110145765403590279934"
    "4037420073105785390621983874478084784896833214457138687519435064302184531910484810053706146806749192"
    "7819119793995206141966342875444064374512371819217999839101591956181467514269123974894090718649423196"
    "1567945208095146550225231603881930142093762137855956638937787083039069792077346722182562599661501421"
    "5030680384477345492026054146659252014974428507325186660021324340881907104863317346496514539057962685"
    "6100550810665879699816357473638405257145910289706414011097120628043903975951567715770042033786993600"
    "7230558763176359421873125147120532928191826186125867321579198414848829164470609575270695722091756711"
    "6722910981690915280173506712748583222871835209353965725121083579151369882091444210067510334671103141"
    "2671113699086585163983150197016515116851714376576183515565088490998985998238734552833163550764791853"
    "5893226185489632132933089857064204675259070915481416549859461637180270981994309924488957571282890592"
    "3233260972997120844335732654893823911932597463667305836041428138830320382490375898524374417029132765"
    "6180937734440307074692112019130203303801976211011004492932151608424448596376698389522868478312355265"
    "8213144957685726243344189303968642624341077322697802807318915441101044682325271620105265227211166039"
    "6665573092547110557853763466820653109896526918620564769312570586356620185581007293606598764861179104"
    "5334885034611365768675324944166803962657978771855608455296541266540853061434443185867697514566140680"
    "0700237877659134401712749470420562230538994561314071127000407854733269939081454664645880797270826683"
    "0634328587856983052358089330657574067954571637752542021149557615814002501262285941302164715509792592"
    "3099079654737612551765675135751782966645477917450112996148903046399471329621073404375189573596145890"
    "1938971311179042978285647503203198691514028708085990480109412147221317947647772622414254854540332157"
    "1853061422881375850430633217518297986622371721591607716692547487389866549494501146540628433663937900"
    "3976926567214638530673609657120918076383271664162748888007869256029022847210403172118608204190004229"
    "6617119637792133757511495950156604963186294726547364252308177036751590673502350728354056704038674351"
    "3622224771589150495309844489333096340878076932599397805419341447377441842631298608099888687413260472"
)
LOTTERY = [
    162, 671, 933, 414, 788, 730, 817, 33, 536, 875, 670, 236, 473, 167, 877, 980, 316, 950, 456, 92,
    517, 557, 956, 954, 104, 178, 794, 278, 147, 773, 437, 435, 502, 610, 582, 780, 689, 562, 964, 791,
    28, 97, 848, 281, 858, 538, 660, 972, 671, 613, 867, 448, 738, 966, 139, 636, 847, 659, 754, 243,
    122, 455, 195, 968, 793, 59, 730, 361, 574, 522, 97, 762, 431, 158, 429, 414, 22, 629, 788, 999,
    187, 215, 810, 782, 47, 34, 108, 986, 25, 644, 829, 630, 315, 567, 919, 331, 207, 412, 242, 607,
    668, 944, 749, 168, 864, 442, 533, 805, 372, 63, 458, 777, 416, 340, 436, 140, 919, 350, 510, 572,
    905, 900, 85, 389, 473, 758, 444, 169, 625, 692, 140, 897, 672, 288, 312, 860, 724, 226, 884, 508,
    976, 741, 476, 417, 831, 15, 318, 432, 241, 114, 799, 955, 833, 358, 935, 146, 630, 830, 440, 642,
    356, 373, 271, 715, 367, 393, 190, 669, 8, 861, 108, 795, 269, 590, 326, 866, 64, 523, 862, 840,
    219, 382, 998, 4, 628, 305, 747, 247, 34, 747, 729, 645, 856, 974, 24, 568, 24, 694, 608, 480,
    410, 729, 947, 293, 53, 930, 223, 203, 677, 227, 62, 455, 387, 318, 562, 242, 428, 968,
]
LEW = [
    -213, -564, -35, -15, 141, 115, -420, -360, 203, -338, -431, 194, -220, -513, 154, -125, -559, 92, -21, -579,
    -52, 99, -543, -175, 162, -457, -346, 204, -300, -474, 164, -107, -572, -8, 83, -541, -224, 180, -420, -374,
    201, -236, -531, 83, 27, -564, -112, 131, -507, -254, 199, -311, -495, 143, -46, -579, -90, 136, -472, -338,
    202, -287, -477, 169, -124, -568, 17, 48, -568, -135, 162, -430, -422, 172, -74, -577, -13, 92, -534, -243,
    194, -355, -465, 156, -81, -578, -64, 139, -449, -384, 193, -198, -538, 110, -44, -577, -6, 66, -552, -164,
    161, -460, -344, 205, -281, -504, 134, -28, -576, -118, 156, -437, -381, 200, -220, -540, 83, 11, -568, -160,
    172, -414, -408, 188, -125, -572, -32, 139, -492, -321, 205, -262, -504, 142, -83, -574, 0, 48, -571, -106,
    137, -501, -266, 190, -391, -406, 194, -186, -553, 83, -13, -577, -49, 103, -515, -280, 201, 300, -506, 131,
    -45, -578, -80, 138, -462, -361, 201, -211, -554, 32, 74, -533, -235, 187, -372, -442, 182, -147, -566, 25,
    68, -535, -244, 194, -351, -463, 174, -125, -570, 15, 72, -550, -190, 172, -424, -385, 198, -218, -536, 96,
]
MAVRO = [
    2.00180, 2.00170, 2.00180, 2.00190, 2.00180, 2.00170, 2.00150, 2.00140, 2.00150, 2.00150,
    2.00170, 2.00180, 2.00180, 2.00190, 2.00190, 2.00210, 2.00200, 2.00160, 2.00140, 2.00130,
    2.00130, 2.00150, 2.00150, 2.00160, 2.00150, 2.00140, 2.00130, 2.00140, 2.00150, 2.00140,
    2.00150, 2.00160, 2.00150, 2.00160, 2.00190, 2.00200, 2.00200, 2.00210, 2.00220, 2.00230,
    2.00240, 2.00250, 2.00270, 2.00260, 2.00260, 2.00260, 2.00270, 2.00260, 2.00250, 2.00240,
]
MICHELSO = [
    299.85, 299.74, 299.90, 300.07, 299.93, 299.85, 299.95, 299.98, 299.98, 299.88,
    300.00, 299.98, 299.93, 299.65, 299.76, 299.81, 300.00, 300.00, 299.96, 299.96,
    299.96, 299.94, 299.96, 299.94, 299.88, 299.80, 299.85, 299.88, 299.90, 299.84,
    299.83, 299.79, 299.81, 299.88, 299.88, 299.83, 299.80, 299.79, 299.76, 299.80,
    299.88, 299.88, 299.88, 299.86, 299.72, 299.72, 299.62, 299.86, 299.97, 299.95,
    299.88, 299.91, 299.85, 299.87, 299.84, 299.84, 299.85, 299.84, 299.84, 299.84,
    299.89, 299.81, 299.81, 299.82, 299.80, 299.77, 299.76, 299.74, 299.75, 299.76,
    299.91, 299.92, 299.89, 299.86, 299.88, 299.72, 299.84, 299.85, 299.85, 299.78,
    299.89, 299.84, 299.78, 299.81, 299.76, 299.81, 299.79, 299.81, 299.82, 299.85,
    299.87, 299.87, 299.81, 299.74, 299.81, 299.94, 299.95, 299.80, 299.81, 299.87,
]


def numacc(first, low, high):
    return [first] + [low, high] * 500


# (name, difficulty, data, certified mean, certified sample SD)
NIST_UNIVARIATE = [
    ("PiDigits", "lower", [int(c) for c in PIDIGITS], 4.53480000000000, 2.86733906028871),
    ("Lottery", "lower", LOTTERY, 518.958715596330, 291.699727470969),
    ("Lew", "lower", LEW, -177.435000000000, 277.332168044316),
    ("Mavro", "lower", MAVRO, 2.00185600000000, 0.000429123454003053),
    ("Michelso", "lower", MICHELSO, 299.852400000000, 0.0790105478190518),
    ("NumAcc1", "lower", [10000001, 10000003, 10000002], 10000002.0, 1.0),
    ("NumAcc2", "average", numacc(1.2, 1.1, 1.3), 1.2, 0.1),
    ("NumAcc3", "average", numacc(1000000.2, 1000000.1, 1000000.3), 1000000.2, 0.1),
    ("NumAcc4", "higher", numacc(10000000.2, 10000000.1, 10000000.3), 10000000.2, 0.1),
]
nist_uni = []
for name, difficulty, data, mean, sd in NIST_UNIVARIATE:
    # Self-check of the transcription: numpy reproduces the certified values closely.
    assert abs(np.mean(data) - mean) <= 1e-9 * abs(mean), name
    assert abs(np.std(data, ddof=1) - sd) <= 1e-7 * sd, name
    nist_uni.append({"name": name, "difficulty": difficulty, "n": len(data), "values": data,
                     "certified_mean": mean, "certified_sd": sd})
write("nist_univariate", {"datasets": nist_uni})
