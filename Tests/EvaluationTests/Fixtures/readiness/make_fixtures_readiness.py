#!/usr/bin/env python3
"""Reference values for the readiness analyses (Tests/EvaluationTests/ReadinessTests).

    cd Tests/EvaluationTests/Fixtures/readiness && python3 make_fixtures_readiness.py

Writes wave-a.csv and wave-b.csv (deterministic synthetic answers to instrument.yaml:
1-7, item e reverse-scored, ~6 % blanks, unit U4 below the minimum group size of 5)
and expected.json, computed independently of piloteval with numpy / scipy / pandas /
statsmodels (versions in requirements.txt). Where DESIGN §4 gives the formula (alpha
with Feldt CI, ICC(1)/ICC(2), r_wg(J)), it is written out here, not taken from a package.
"""
import csv
import json
import math
import random

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.oneway import anova_oneway

ITEMS = ["a", "b", "c", "d", "e"]
REVERSE = {"e"}
SCALES = {"all_items": ITEMS, "s1": ["a", "b", "c"], "s2": ["d", "e"]}
LO, HI, AGREE_FROM, MIN_GROUP = 1, 7, 6, 5
SIZES = {"wave-a": {"U1": 10, "U2": 8, "U3": 6, "U4": 4},
         "wave-b": {"U1": 12, "U2": 9, "U3": 7, "U4": 3}}
LEVEL = {"U1": 5.2, "U2": 4.1, "U3": 4.6, "U4": 3.9}
SHIFT = {"wave-a": 0.0, "wave-b": 0.5}


def make_waves():
    rng = random.Random(7)
    for wave, sizes in SIZES.items():
        rows = []
        k = 0
        for unit, n in sizes.items():
            for _ in range(n):
                k += 1
                person = rng.gauss(0, 0.9)
                answers = []
                for j, item in enumerate(ITEMS):
                    mu = LEVEL[unit] + SHIFT[wave] + 0.3 * (j - 2) + person
                    if item in REVERSE:
                        mu = LO + HI - mu
                    x = min(HI, max(LO, round(mu + rng.gauss(0, 0.8))))
                    answers.append("" if rng.random() < 0.06 else str(x))
                rows.append([f"{wave[-1]}{k:02d}", unit, wave] + answers)
        with open(f"{wave}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["respondent", "unit", "wave"] + ITEMS)
            w.writerows(rows)


def load(wave):
    df = pd.read_csv(f"{wave}.csv", dtype={"respondent": str})
    for item in ITEMS:
        df[item] = df[item].astype(float)
    scored = df.copy()
    for item in REVERSE:
        scored[item] = LO + HI - scored[item]
    for key, members in SCALES.items():
        answered = scored[members].notna().sum(axis=1)
        score = scored[members].mean(axis=1, skipna=True)
        scored["score_" + key] = score.where(2 * answered >= len(members))
    return df, scored


def t_ci(x):
    x = np.asarray(x, float)
    n = len(x)
    m, s = x.mean(), x.std(ddof=1)
    h = stats.t.ppf(0.975, n - 1) * s / math.sqrt(n)
    return m, s, m - h, m + h


def cronbach(matrix):
    """alpha = k/(k-1)(1 - sum s_i^2 / s_total^2), listwise; Feldt CI with F quantiles."""
    m = matrix[~np.isnan(matrix).any(axis=1)]
    n, k = m.shape
    alpha = k / (k - 1) * (1 - m.var(axis=0, ddof=1).sum() / m.sum(axis=1).var(ddof=1))
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low = 1 - (1 - alpha) * stats.f.ppf(0.975, df1, df2)
    high = 1 - (1 - alpha) * stats.f.ppf(0.025, df1, df2)
    return {"alpha": alpha, "ci_low": low, "ci_high": high, "respondents": int(n)}


def icc(scores, units):
    """ICC(1) = (MSB-MSW)/(MSB+(k-1)MSW), ICC(2) = (MSB-MSW)/MSB, k = (N - sum n_j^2/N)/(J-1)."""
    d = pd.DataFrame({"s": scores, "u": units}).dropna()
    groups = [g["s"].to_numpy() for _, g in d.groupby("u", sort=False)]
    N, J = len(d), len(groups)
    grand = d["s"].mean()
    ssb = sum(len(g) * (g.mean() - grand) ** 2 for g in groups)
    ssw = sum(((g - g.mean()) ** 2).sum() for g in groups)
    msb, msw = ssb / (J - 1), ssw / (N - J)
    k = (N - sum(len(g) ** 2 for g in groups) / N) / (J - 1)
    f = msb / msw
    return {"icc1": (msb - msw) / (msb + (k - 1) * msw), "icc2": (msb - msw) / msb,
            "f": f, "p": stats.f.sf(f, J - 1, N - J), "group_size": k, "respondents": N, "units": J}


def rwg_j(matrix, options):
    """r_wg(J) = J(1 - s2/sE)/(J(1 - s2/sE) + s2/sE), sE = (A^2-1)/12, 0 when s2 >= sE."""
    m = matrix[~np.isnan(matrix).any(axis=1)]
    j = m.shape[1]
    s2 = m.var(axis=0, ddof=1).mean()
    se = (options ** 2 - 1) / 12
    if s2 >= se:
        return 0.0
    return j * (1 - s2 / se) / (j * (1 - s2 / se) + s2 / se)


def summary(wave):
    df, scored = load(wave)
    units = {}
    for unit, g in df.groupby("unit", sort=False):
        if len(g) < MIN_GROUP:
            units[unit] = {"suppressed": True}
            continue
        sg = scored.loc[g.index]
        items = {}
        for item in ITEMS:
            x = g[item].dropna().to_numpy()
            m, s, lo, hi = t_ci(x)
            items[item] = {"n": int(len(x)), "mean": m, "sd": s, "ci_low": lo, "ci_high": hi,
                           "agree_share": float((x >= AGREE_FROM).mean()),
                           "distribution": [int((x == p).sum()) for p in range(LO, HI + 1)]}
        scales = {}
        for key in SCALES:
            x = sg["score_" + key].dropna().to_numpy()
            m, s, lo, hi = t_ci(x)
            scales[key] = {"n": int(len(x)), "mean": m, "sd": s, "ci_low": lo, "ci_high": hi}
        units[unit] = {"suppressed": False, "n": int(len(g)), "items": items, "scales": scales,
                       "rwg_j": rwg_j(sg[ITEMS].to_numpy(), HI - LO + 1)}
    reliability = cronbach(scored[ITEMS].to_numpy())
    reliability["subscales"] = {k: cronbach(scored[v].to_numpy()) for k, v in SCALES.items() if k != "all_items"}
    return {"units": units, "reliability": reliability,
            "aggregation": icc(scored["score_all_items"].to_numpy(), df["unit"].to_numpy())}


def trend():
    a_df, a_sc = load("wave-a")
    b_df, b_sc = load("wave-b")
    out, ps = [], []
    for unit in ["U1", "U2", "U3", "U4"]:
        ga, gb = a_df[a_df.unit == unit], b_df[b_df.unit == unit]
        if len(ga) < MIN_GROUP or len(gb) < MIN_GROUP:
            continue
        pairs = [("item", i, ga[i], gb[i]) for i in ITEMS]
        pairs += [("scale", k, a_sc.loc[ga.index, "score_" + k], b_sc.loc[gb.index, "score_" + k]) for k in SCALES]
        for kind, key, xa, xb in pairs:
            xa, xb = xa.dropna().to_numpy(), xb.dropna().to_numpy()
            r = stats.ttest_ind(xb, xa, equal_var=False)
            ci = r.confidence_interval(0.95)
            out.append({"unit": unit, "kind": kind, "key": key, "difference": xb.mean() - xa.mean(),
                        "ci_low": ci.low, "ci_high": ci.high, "t": r.statistic, "df": r.df, "p": r.pvalue})
            ps.append(r.pvalue)
    adj = multipletests(ps, method="holm")[1]
    for o, p in zip(out, adj):
        o["p_adjusted"] = p
    return out


def gaps(wave):
    df, _ = load(wave)
    shown = [u for u, g in df.groupby("unit", sort=False) if len(g) >= MIN_GROUP]
    within = []
    for unit in shown:
        g = df[df.unit == unit]
        for i in range(len(ITEMS)):
            for j in range(i + 1, len(ITEMS)):
                a, b = ITEMS[i], ITEMS[j]
                both = g[[a, b]].dropna()
                r = stats.ttest_rel(both[a], both[b])
                ci = r.confidence_interval(0.95)
                d = both[a] - both[b]
                within.append({"unit": unit, "item_a": a, "item_b": b, "n": int(len(both)),
                               "difference": d.mean(), "ci_low": ci.low, "ci_high": ci.high,
                               "t": r.statistic, "df": r.df, "p": r.pvalue, "d_z": d.mean() / d.std(ddof=1)})
    adj = multipletests([w["p"] for w in within], method="holm")[1]
    for w, p in zip(within, adj):
        w["p_adjusted"] = p
    between = []
    for item in ITEMS:
        groups = [df[df.unit == u][item].dropna().to_numpy() for u in shown]
        f = stats.f_oneway(*groups)
        welch = anova_oneway(groups, use_var="unequal", welch_correction=True)
        allv = np.concatenate(groups)
        ssb = sum(len(g) * (g.mean() - allv.mean()) ** 2 for g in groups)
        sst = ((allv - allv.mean()) ** 2).sum()
        k, n = len(groups), len(allv)
        msw = (sst - ssb) / (n - k)
        pairwise = []
        for x in range(k):
            for y in range(x + 1, k):
                r = stats.ttest_ind(groups[x], groups[y], equal_var=False)
                ci = r.confidence_interval(0.95)
                pairwise.append({"unit_a": shown[x], "unit_b": shown[y], "difference": groups[x].mean() - groups[y].mean(),
                                 "ci_low": ci.low, "ci_high": ci.high, "t": r.statistic, "df": r.df, "p": r.pvalue})
        padj = multipletests([p["p"] for p in pairwise], method="holm")[1]
        for p, q in zip(pairwise, padj):
            p["p_adjusted"] = q
        between.append({"item": item, "anova_f": f.statistic, "anova_p": f.pvalue,
                        "welch_f": welch.statistic, "welch_df2": welch.df[1], "welch_p": welch.pvalue,
                        "eta_squared": ssb / sst, "omega_squared": (ssb - (k - 1) * msw) / (sst + msw),
                        "pairwise": pairwise})
    badj = multipletests([b["welch_p"] for b in between], method="holm")[1]
    for b, p in zip(between, badj):
        b["welch_p_adjusted"] = p
    return {"within_units": within, "between_units": between}


def clean(o):
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, list):
        return [clean(v) for v in o]
    if isinstance(o, (np.floating, float)):
        return float(o)
    if isinstance(o, (np.integer,)):
        return int(o)
    return o


if __name__ == "__main__":
    make_waves()
    expected = {"summary_b": summary("wave-b"), "summary_a": summary("wave-a"), "trend": trend(), "gaps_b": gaps("wave-b")}
    with open("expected.json", "w") as f:
        json.dump(clean(expected), f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote wave-a.csv, wave-b.csv, expected.json")
