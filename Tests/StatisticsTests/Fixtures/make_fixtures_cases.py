#!/usr/bin/env python3
"""Writes cases_*.json: reference values for survival (Kaplan-Meier, log-rank),
balance (standardised mean differences, inverse-probability weights) and
difference-in-differences (two-way fixed effects, event study, placebo units, wild
cluster bootstrap) used by `piloteval cases compare`.

Run from this folder with the pinned packages (requirements.txt: scipy 1.17.1,
numpy 2.4.6, statsmodels 0.15.0):

    python3 -m pip install -r requirements.txt
    cd Tests/StatisticsTests/Fixtures && python3 make_fixtures_cases.py

Inputs come from fixed seeds, so the output is identical on every run. Where DESIGN
section 4 (or docs/cohort-comparisons.md) gives a formula, it is written out here and
is the reference: the Kaplan-Meier median is the smallest time with S(t) <= 0.5
(computed in exact rational arithmetic; statsmodels' own `quantile` uses S < 0.5), the
share within a limit is 1 - S(limit) with a log(-log) interval, SMDs use the pooled
SD sqrt((s1^2 + s0^2)/2). statsmodels is the reference for S(t), Greenwood's standard
error, the median CI (`quantile_ci`, cloglog), the log-rank test (`survdiff`), the
logistic propensity model (`Logit`) and OLS with cluster-robust errors. The wild
cluster bootstrap is re-implemented here on the individual cases (statsmodels OLS per
replicate) with GSL's mt19937 reproduced through numpy's MT19937 (same init_genrand
seeding) and gsl_rng_uniform_int's rejection rule.
"""
import json
import math
from fractions import Fraction

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight, survdiff

assert scipy.__version__ == "1.17.1", scipy.__version__
assert np.__version__ == "2.4.6", np.__version__
assert statsmodels.__version__ == "0.15.0", statsmodels.__version__

Z = stats.norm.ppf(0.975)


def clean(o):
    if isinstance(o, float) and (math.isnan(o) or math.isinf(o)):
        return None
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [clean(v) for v in o]
    if isinstance(o, (np.floating,)):
        return clean(float(o))
    if isinstance(o, (np.integer,)):
        return int(o)
    return o


def write(name, cases):
    with open(f"cases_{name}.json", "w") as f:
        json.dump(clean({"generator": "make_fixtures_cases.py", "cases": cases}), f, indent=1)
        f.write("\n")


# ---------------------------------------------------------------- GSL mt19937
class GSLMT19937:
    """gsl_rng_mt19937 seeded with gsl_rng_set(r, seed), and gsl_rng_uniform_int."""

    def __init__(self, seed):
        self.bg = np.random.MT19937(0)
        self.bg._legacy_seeding(4357 if seed == 0 else seed)

    def get(self):
        return int(self.bg.random_raw())

    def uniform_int(self, n):
        scale = 0xFFFFFFFF // n
        while True:
            k = self.get() // scale
            if k < n:
                return k


# ---------------------------------------------------------------- survival
def km_design_median(times, events):
    """Smallest event time with S(t) <= 1/2, S in exact rational arithmetic."""
    order = sorted(zip(times, events))
    s = Fraction(1)
    n = len(order)
    i = 0
    while i < len(order):
        t = order[i][0]
        d = sum(1 for tt, e in order if tt == t and e)
        out = sum(1 for tt, e in order if tt == t)
        if d > 0:
            s *= Fraction(n - d, n)
            if s <= Fraction(1, 2):
                return t
        n -= out
        i += out
    return None


def share_within(sf, limit):
    """1 - S(limit) with the log(-log) interval from Greenwood's SE."""
    times = sf.surv_times
    idx = np.flatnonzero(times <= limit)
    if len(idx) == 0:
        return 0.0, None, None
    j = idx[-1]
    s, se = sf.surv_prob[j], sf.surv_prob_se[j]
    if not (0 < s < 1) or not np.isfinite(se):
        return 1 - s, None, None
    st = se / (s * abs(math.log(s)))
    lo_s, hi_s = s ** math.exp(Z * st), s ** math.exp(-Z * st)
    return 1 - s, 1 - hi_s, 1 - lo_s


def km_case(name, times, events, limit):
    times = np.asarray(times, float)
    events = np.asarray(events, int)
    c = {"name": name, "times": times.tolist(), "observed": [bool(e) for e in events], "limit": limit}
    if events.sum() == 0:
        c.update(steps=[], median=None, median_ci_low=None, median_ci_high=None,
                 share=0.0, share_ci_low=None, share_ci_high=None)
        return c
    sf = SurvfuncRight(times, events)
    c["steps"] = [{"time": float(t), "at_risk": float(n), "events": float(d), "survival": float(s),
                   "se": float(se) if np.isfinite(se) else None}
                  for t, n, d, s, se in zip(sf.surv_times, sf.n_risk, sf.n_events, sf.surv_prob, sf.surv_prob_se)]
    c["median"] = km_design_median(times.tolist(), events.tolist())
    c["statsmodels_median"] = float(sf.quantile(0.5))
    lo, hi = sf.quantile_ci(0.5)
    c["median_ci_low"], c["median_ci_high"] = float(lo), float(hi)
    share, slo, shi = share_within(sf, limit)
    c.update(share=share, share_ci_low=slo, share_ci_high=shi)
    return c


def logrank_case(name, t1, e1, t0, e0):
    t = np.concatenate([t1, t0]).astype(float)
    e = np.concatenate([e1, e0]).astype(int)
    g = np.concatenate([np.ones(len(t1)), np.zeros(len(t0))])
    # survdiff takes the first sorted group as reference; the statistic is symmetric.
    chisq, p = survdiff(t, e, g)
    # Observed and expected events in group 1, written out.
    exp1 = 0.0
    for u in np.unique(t):
        at = t >= u
        n, n1 = at.sum(), (at & (g == 1)).sum()
        d = ((t == u) & (e == 1)).sum()
        exp1 += n1 * d / n
    return {"name": name, "pilot_times": list(map(float, t1)), "pilot_observed": [bool(v) for v in e1],
            "comparison_times": list(map(float, t0)), "comparison_observed": [bool(v) for v in e0],
            "chi_square": float(chisq), "p": float(p), "observed_pilot": float(np.sum(e1)),
            "expected_pilot": exp1}


def survival_fixtures():
    rng = np.random.default_rng(20240601)
    km = []
    km.append(km_case("ties_and_censoring", [2, 3, 3, 5, 6, 6, 6, 8, 9, 12, 12, 15, 20, 21, 30],
                      [1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1], 10))
    km.append(km_case("median_exactly_half", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1] * 10, 4))
    km.append(km_case("median_not_reached", [3, 5, 8, 10, 12, 14, 14, 14, 14, 14], [1, 1, 1, 0, 0, 0, 0, 0, 0, 0], 9))
    km.append(km_case("all_censored", [4, 6, 9], [0, 0, 0], 5))
    km.append(km_case("last_is_event", [1, 2, 2, 4, 7], [1, 0, 1, 1, 1], 3))
    n = 240
    tt = np.round(rng.exponential(20, n))
    cc = np.round(rng.uniform(5, 60, n))
    km.append(km_case("generated_240", np.minimum(tt, cc), (tt <= cc).astype(int), 14))
    n = 1200
    tt = np.ceil(rng.gamma(2.0, 9.0, n))
    cc = np.ceil(rng.uniform(1, 120, n))
    km.append(km_case("generated_1200_days", np.minimum(tt, cc), (tt <= cc).astype(int), 14))

    lr = []
    lr.append(logrank_case("small", [2, 3, 3, 5, 6, 9, 12], [1, 1, 0, 1, 1, 0, 1],
                           [1, 2, 4, 4, 6, 7, 8, 10, 11], [1, 1, 1, 0, 1, 1, 1, 0, 1]))
    a_t, a_c = np.ceil(rng.exponential(12, 150)), np.ceil(rng.uniform(1, 40, 150))
    b_t, b_c = np.ceil(rng.exponential(16, 400)), np.ceil(rng.uniform(1, 40, 400))
    lr.append(logrank_case("generated", np.minimum(a_t, a_c), (a_t <= a_c).astype(int),
                           np.minimum(b_t, b_c), (b_t <= b_c).astype(int)))
    same = np.ceil(rng.exponential(10, 300)); cens = np.ceil(rng.uniform(1, 30, 300))
    lr.append(logrank_case("no_difference", np.minimum(same[:100], cens[:100]), (same[:100] <= cens[:100]).astype(int),
                           np.minimum(same[100:], cens[100:]), (same[100:] <= cens[100:]).astype(int)))
    write("survival", {"kaplan_meier": km, "log_rank": lr})


# ---------------------------------------------------------------- balance
def smd(x1, x0, kind, w1=None, w0=None):
    """Pooled-SD standardised mean difference; weighted means over an unweighted denominator."""
    x1, x0 = np.asarray(x1, float), np.asarray(x0, float)
    if kind == "continuous":
        den = math.sqrt((np.var(x1, ddof=1) + np.var(x0, ddof=1)) / 2)
    else:
        p1, p0 = x1.mean(), x0.mean()
        den = math.sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2)
    m1 = x1.mean() if w1 is None else np.sum(w1 * x1) / np.sum(w1)
    m0 = x0.mean() if w0 is None else np.sum(w0 * x0) / np.sum(w0)
    return (m1 - m0) / den


def balance_fixtures():
    rng = np.random.default_rng(7)
    n = 600
    age = np.round(rng.uniform(0, 18, n))
    girl = (rng.uniform(size=n) < 0.48).astype(float)
    reason = rng.integers(0, 3, n)
    r1, r2 = (reason == 1).astype(float), (reason == 2).astype(float)
    lin = -1.2 + 0.06 * age - 0.4 * girl + 0.7 * r1 - 0.3 * r2
    treated = (rng.uniform(size=n) < 1 / (1 + np.exp(-lin))).astype(int)
    outcome = 10 + 0.5 * age + 2 * r1 - 1.5 * treated + rng.normal(0, 3, n)
    X = sm.add_constant(np.column_stack([age, girl, r1, r2]))
    fit = sm.Logit(treated, X).fit(disp=0, tol=1e-12, maxiter=100)
    e = fit.predict(X)
    w = np.where(treated == 1, 1.0, e / (1 - e))
    t, c = treated == 1, treated == 0
    covs = {"age": (age, "continuous"), "girl": (girl, "binary"), "reason1": (r1, "binary"), "reason2": (r2, "binary")}
    rows = []
    for name, (x, kind) in covs.items():
        rows.append({"name": name, "kind": kind, "smd_before": smd(x[t], x[c], kind),
                     "smd_after": smd(x[t], x[c], kind, w[t], w[c])})
    ipw = {"age": age.tolist(), "girl": girl.tolist(), "reason1": r1.tolist(), "reason2": r2.tolist(),
           "treated": treated.tolist(), "outcome": outcome.tolist(),
           "propensity": e.tolist(), "weights": w.tolist(),
           "weighted_mean_comparison": float(np.sum(w[c] * outcome[c]) / np.sum(w[c])),
           "mean_pilot": float(outcome[t].mean()),
           "ess_comparison": float(np.sum(w[c]) ** 2 / np.sum(w[c] ** 2)),
           "balance": rows}
    # Small hand-checkable SMDs.
    small = [
        {"name": "continuous", "kind": "continuous", "treated": [1, 2, 3, 4], "comparison": [2, 4, 6],
         "smd": smd([1, 2, 3, 4], [2, 4, 6], "continuous")},
        {"name": "binary", "kind": "binary", "treated": [1, 1, 0, 1, 0], "comparison": [0, 0, 1, 0, 0, 0],
         "smd": smd([1, 1, 0, 1, 0], [0, 0, 1, 0, 0, 0], "binary")},
        {"name": "weighted_continuous", "kind": "continuous", "treated": [1, 2, 3, 4], "comparison": [2, 4, 6],
         "treated_weights": [1, 1, 1, 1], "comparison_weights": [0.5, 2, 1],
         "smd": smd([1, 2, 3, 4], [2, 4, 6], "continuous", np.ones(4), np.array([0.5, 2, 1]))},
    ]
    write("balance", {"ipw": ipw, "smd": small})


# ---------------------------------------------------------------- difference in differences
def twfe_X(unit, period, effects, units, periods):
    cols = [(unit == u).astype(float) for u in units]
    cols += [(period == p).astype(float) for p in periods[1:]]
    cols += effects
    return np.column_stack(cols)


def did_fit(y, unit, period, treated, first):
    units, periods = sorted(set(unit)), sorted(set(period))
    D = ((unit == treated) & (period >= first)).astype(float)
    X = twfe_X(unit, period, [D], units, periods)
    res = sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": unit}, use_t=True)
    return res.params[-1], res.bse[-1], res


def event_study(y, unit, period, treated, ks):
    """Coefficients of treated x 1{period = k}; None where the unit has no cases in k."""
    units, periods = sorted(set(unit)), sorted(set(period))
    present = [k for k in ks if np.any((unit == treated) & (period == k))]
    eff = [((unit == treated) & (period == k)).astype(float) for k in present]
    X = twfe_X(unit, period, eff, units, periods)
    res = sm.OLS(y, X).fit()
    b = dict(zip(present, res.params[-len(present):]))
    return [b.get(k) for k in ks]


def wild_bootstrap(y, unit, period, treated, first, weights, draws):
    units, periods = sorted(set(unit)), sorted(set(period))
    D = ((unit == treated) & (period >= first)).astype(float)
    X = twfe_X(unit, period, [D], units, periods)
    X0 = X[:, :-1]
    b, se, _ = did_fit(y, unit, period, treated, first)
    t = b / se
    r0 = sm.OLS(y, X0).fit()
    yhat0, u0 = r0.fittedvalues, r0.resid
    gidx = np.searchsorted(units, unit)
    extreme = 0
    for v in draws:
        ys = yhat0 + np.asarray(v)[gidx] * u0
        rs = sm.OLS(ys, X).fit(cov_type="cluster", cov_kwds={"groups": unit}, use_t=True)
        # The all-flipped pattern ties with |t| exactly in theory; 1e-10 relative absorbs rounding.
        if abs(rs.params[-1] / rs.bse[-1]) >= abs(t) * (1 - 1e-10):
            extreme += 1
    return {"t": t, "se": se, "estimate": b, "p": extreme / len(draws), "replicates": len(draws)}


def make_panel(rng, units, periods, treated, first, effect, sizes=(20, 60)):
    ys, us, ps = [], [], []
    ua = {u: rng.normal(0, 2) for u in units}
    pa = {p: 0.8 * p + rng.normal(0, 0.5) for p in periods}
    for u in units:
        for p in periods:
            n = int(rng.integers(*sizes))
            y = 30 + ua[u] + pa[p] + (effect if (u == treated and p >= first) else 0) + rng.normal(0, 5, n)
            ys += list(y); us += [u] * n; ps += [p] * n
    return np.array(ys), np.array(us), np.array(ps)


def did_fixtures():
    rng = np.random.default_rng(42)
    units = [0, 1, 2, 3, 4, 5, 6]
    periods = [-3, -2, -1, 0, 1, 2]
    treated, first = 0, 0
    y, unit, period = make_panel(rng, units, periods, treated, first, effect=-4.0)
    # drop one comparison cell to make the panel unbalanced
    keep = ~((unit == 3) & (period == 1))
    y, unit, period = y[keep], unit[keep], period[keep]
    b, se, res = did_fit(y, unit, period, treated, first)
    ref = -1
    ks = [k for k in periods if k != ref]
    es = event_study(y, unit, period, treated, ks)
    others = unit != treated
    placebo = []
    placebo_es = []
    for u in units[1:]:
        pb, _, _ = did_fit(y[others], unit[others], period[others], u, first)
        placebo.append(pb)
        placebo_es.append(event_study(y[others], unit[others], period[others], u, ks))
    stat = np.abs([b] + placebo)
    rank = int(np.sum(stat >= abs(b) * (1 - 100 * np.finfo(float).eps)))
    es_rows = []
    for i, k in enumerate(ks):
        s = np.abs([es[i]] + [pe[i] for pe in placebo_es if pe[i] is not None])
        es_rows.append({"period": k, "estimate": es[i], "placebos": [pe[i] for pe in placebo_es],
                        "p": float(np.sum(s >= abs(es[i]) * (1 - 100 * np.finfo(float).eps)) / len(s))})
    # Wild cluster bootstrap: every Rademacher pattern (2^7 = 128), cluster g takes bit g.
    G = len(units)
    rad = [[1.0 if (bpat >> g) & 1 else -1.0 for g in range(G)] for bpat in range(2 ** G)]
    wcb_rad = wild_bootstrap(y, unit, period, treated, first, "rademacher", rad)
    # Webb weights from GSL's mt19937, seed 2024, 99 replicates, cluster by cluster.
    webb_vals = [-math.sqrt(1.5), -1.0, -math.sqrt(0.5), math.sqrt(0.5), 1.0, math.sqrt(1.5)]
    gen = GSLMT19937(2024)
    webb = [[webb_vals[gen.uniform_int(6)] for _ in range(G)] for _ in range(99)]
    wcb_webb = wild_bootstrap(y, unit, period, treated, first, "webb", webb)
    main = {"y": y.tolist(), "unit": unit.tolist(), "period": period.tolist(), "treated": treated, "first": first,
            "estimate": b, "cluster_se": se, "cluster_t": b / se,
            "means": {"treated_before": y[(unit == 0) & (period < 0)].mean(), "treated_after": y[(unit == 0) & (period >= 0)].mean(),
                      "comparison_before": y[(unit != 0) & (period < 0)].mean(), "comparison_after": y[(unit != 0) & (period >= 0)].mean()},
            "reference_period": ref, "event_study": es_rows, "placebos": placebo,
            "randomisation_p": rank / len(stat), "randomisation_rank": rank,
            "wild_rademacher": wcb_rad, "wild_webb": wcb_webb, "webb_seed": 2024, "webb_replicates": 99}
    gen = GSLMT19937(7)
    draws = [gen.uniform_int(6) for _ in range(20)] + [gen.uniform_int(2) for _ in range(20)]
    # Two comparison units only: placebos exist (p can be 1/3 at best).
    rng2 = np.random.default_rng(5)
    y2, u2, p2 = make_panel(rng2, [10, 20, 30], [-1, 0], 10, 0, effect=2.0, sizes=(5, 9))
    b2, se2, _ = did_fit(y2, u2, p2, 10, 0)
    write("did", {"main": main, "mt19937_seed7_draws": draws,
                  "three_units": {"y": y2.tolist(), "unit": u2.tolist(), "period": p2.tolist(), "treated": 10,
                                  "first": 0, "estimate": b2, "cluster_se": se2}})


survival_fixtures()
balance_fixtures()
did_fixtures()
