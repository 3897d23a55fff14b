#!/usr/bin/env python3
"""Writes the models_*.json fixtures for the Regression, Resampling and Reliability tests.

Run from this folder with the pinned packages (requirements.txt: scipy 1.17.1,
numpy 2.4.6, statsmodels 0.15.0):

    python3 -m pip install -r requirements.txt
    cd Tests/StatisticsTests/Fixtures && python3 make_fixtures_models.py

Inputs are generated from fixed seeds, so the output is identical on every run.
Where DESIGN §4 gives a formula (Feldt CI, ICC, r_wg(J)), the formula is written
out below and is the reference; elsewhere statsmodels/scipy are.
"""
import json
import math

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats

assert scipy.__version__ == "1.17.1", scipy.__version__
assert np.__version__ == "2.4.6", np.__version__
assert statsmodels.__version__ == "0.15.0", statsmodels.__version__


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def clean(o):
    """Missing values (NaN) become JSON null; JSON has no NaN."""
    if isinstance(o, float) and math.isnan(o):
        return None
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [clean(v) for v in o]
    return o


def write(name, cases):
    with open(f"models_{name}.json", "w") as f:
        json.dump({"generator": "make_fixtures_models.py", "cases": clean(cases)}, f, indent=1, allow_nan=False)
        f.write("\n")


def table(res):
    ci = np.asarray(res.conf_int(0.05))
    return {"params": floats(res.params), "bse": floats(res.bse), "tvalues": floats(res.tvalues),
            "pvalues": floats(res.pvalues), "ci_low": floats(ci[:, 0]), "ci_high": floats(ci[:, 1]),
            "df": float(res.df_resid_inference) if getattr(res, "df_resid_inference", None) is not None
            else float(res.df_resid)}


# ---------------------------------------------------------------- OLS
def ols_case(name, y, cols, names, intercept, groups=None, expect_problem=None):
    X = np.column_stack(cols) if cols else np.empty((len(y), 0))
    if intercept:
        X = sm.add_constant(X, has_constant="add")
    case = {"name": name, "y": floats(y), "predictors": [floats(c) for c in cols], "names": names,
            "intercept": intercept, "clusters": [str(g) for g in groups] if groups is not None else None}
    if expect_problem:
        case["expect_problem"] = expect_problem
        return case
    m = sm.OLS(np.asarray(y, float), X)
    classical = m.fit()
    hc1 = m.fit(cov_type="HC1", use_t=True)          # t with n − K df
    case["classical"] = table(classical)
    case["hc1"] = table(hc1)
    if groups is not None:
        # CRV1: G/(G−1)·(N−1)/(N−K), t with G − 1 df
        cl = m.fit(cov_type="cluster", cov_kwds={"groups": np.asarray(groups), "use_correction": True,
                                                 "df_correction": True}, use_t=True)
        assert cl.df_resid_inference == len(set(groups)) - 1
        case["cluster"] = table(cl)
    case["rsquared"] = float(classical.rsquared)
    case["rsquared_adj"] = float(classical.rsquared_adj)
    case["sigma"] = float(np.sqrt(classical.scale))
    case["ssr"] = float(classical.ssr)
    case["fvalue"] = float(classical.fvalue) if classical.df_model > 0 else None
    case["f_pvalue"] = float(classical.f_pvalue) if classical.df_model > 0 else None
    return case


rng = np.random.default_rng(20240601)
ols = []
n = 40
x1 = rng.normal(50, 10, n)
x2 = rng.binomial(1, 0.4, n).astype(float)
units = np.repeat(np.arange(7), [3, 9, 4, 8, 5, 6, 5])          # unbalanced clusters
y = 3 + 0.4 * x1 - 2.5 * x2 + rng.normal(0, 1, 7)[units] + rng.normal(0, 3 + 0.1 * x1 / 10, n)
ols.append(ols_case("ordinary_unbalanced_clusters", y, [x1, x2], ["x1", "pilot"], True, [f"unit{u}" for u in units]))
# Heteroskedastic, offset in x. (With an offset of 1e6 statsmodels' pinv loses ~5
# digits and cannot serve as the reference; at 1e3 it keeps ~12.)
x3 = 1e3 + rng.uniform(0, 10, 30)
y3 = 1 + 2 * (x3 - 1e3) + rng.normal(0, 1, 30) * (x3 - 1e3)
ols.append(ols_case("offset_heteroskedastic", y3, [x3], ["x"], True, [str(i % 4) for i in range(30)]))
# Tiny: n = 5, one predictor; two clusters.
ols.append(ols_case("tiny", [1.2, 2.5, 2.0, 4.5, 5.0], [[1.0, 2.0, 3.0, 4.0, 5.0]], ["x"], True,
                    ["a", "a", "b", "b", "b"]))
# No intercept (uncentred R²).
xn = rng.uniform(1, 5, 15)
ols.append(ols_case("no_intercept", 2 * xn + rng.normal(0, 0.5, 15), [xn], ["x"], False))
# Intercept only.
ols.append(ols_case("intercept_only", rng.normal(10, 2, 12), [], [], True, [str(i % 3) for i in range(12)]))
# Collinear: x3 = x1 + 2·x2 → the fit must refuse and name the columns.
xa = rng.normal(size=20); xb = rng.normal(size=20)
ols.append(ols_case("collinear", rng.normal(size=20), [xa, xb, xa + 2 * xb], ["a", "b", "c"], True,
                    expect_problem="linear combination"))
# Constant predictor beside the intercept.
ols.append(ols_case("constant_column", rng.normal(size=10), [[3.0] * 10], ["k"], True,
                    expect_problem="linear combination"))
# More coefficients than observations.
ols.append(ols_case("too_few_rows", [1.0, 2.0], [[1.0, 2.0], [3.0, 1.0]], ["a", "b"], True,
                    expect_problem="observations"))
write("ols", ols)

# ---------------------------------------------------------------- Logit
def logit_case(name, y, cols, names, expect_problem=None):
    X = sm.add_constant(np.column_stack(cols), has_constant="add")
    case = {"name": name, "y": floats(y), "predictors": [floats(c) for c in cols], "names": names,
            "intercept": True}
    if expect_problem:
        case["expect_problem"] = expect_problem
        return case
    res = sm.Logit(np.asarray(y, float), X).fit(method="newton", tol=1e-14, maxiter=200, disp=0)
    assert res.mle_retvals["converged"]
    ci = np.asarray(res.conf_int(0.05))
    # The null log-likelihood in closed form, n[p̄ log p̄ + (1 − p̄) log(1 − p̄)]:
    # statsmodels' `llnull` refits a constant-only model with its optimiser and is off by
    # ~1e-10 relative, which McFadden's R² amplifies beyond 1e-9.
    yv = np.asarray(y, float); pbar = yv.mean()
    llnull = len(yv) * (pbar * np.log(pbar) + (1 - pbar) * np.log(1 - pbar))
    assert abs(llnull - res.llnull) < 1e-8 * abs(llnull)
    case.update({"params": floats(res.params), "bse": floats(res.bse), "zvalues": floats(res.tvalues),
                 "pvalues": floats(res.pvalues), "ci_low": floats(ci[:, 0]), "ci_high": floats(ci[:, 1]),
                 "llf": float(res.llf), "llnull": float(llnull), "prsquared": float(1 - res.llf / llnull)})
    return case


logit = []
n = 80
age = rng.uniform(0, 17, n)
pilot = rng.binomial(1, 0.5, n).astype(float)
eta = -1.0 + 0.08 * age - 0.7 * pilot
yy = rng.binomial(1, 1 / (1 + np.exp(-eta))).astype(float)
logit.append(logit_case("ordinary", yy, [age, pilot], ["age", "pilot"]))
logit.append(logit_case("small", [0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1],
                        [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]], ["x"]))
logit.append(logit_case("rare_events", (rng.uniform(size=200) < 0.05 + 0.05 * (np.arange(200) % 2)).astype(float),
                        [(np.arange(200) % 2).astype(float)], ["pilot"]))
logit.append(logit_case("complete_separation", [0, 0, 0, 0, 1, 1, 1, 1], [[1, 2, 3, 4, 5, 6, 7, 8]], ["x"],
                        expect_problem="separation"))
logit.append(logit_case("quasi_separation", [0, 0, 0, 0, 1, 0, 1, 1, 1, 1], [[1, 2, 3, 4, 5, 5, 6, 7, 8, 9]], ["x"],
                        expect_problem="separation"))
xa = rng.normal(size=30)
logit.append(logit_case("collinear", rng.binomial(1, 0.5, 30).astype(float), [xa, 2 * xa], ["a", "a2"],
                        expect_problem="linear combination"))
logit.append(logit_case("no_variation", [1.0] * 6, [[1, 2, 3, 4, 5, 6]], ["x"], expect_problem="does not vary"))
write("logit", logit)

# ---------------------------------------------------------------- Resampling
# Interval formulas checked on scipy's own replicates: scipy.stats.bootstrap returns its
# bootstrap distribution, so the Swift percentile/BCa code, fed the same replicates,
# the estimate and the jackknife values, must reproduce scipy's interval exactly.
def jackknife_one(x, stat):
    return [float(stat(np.delete(x, i))) for i in range(len(x))]


boot = []
for name, data in [("skewed", rng.exponential(2.0, 25)), ("small_normal", rng.normal(5, 1, 8))]:
    for method in ["percentile", "BCa"]:
        res = stats.bootstrap((data,), np.mean, method=method, n_resamples=999, rng=np.random.default_rng(7))
        theta = float(np.mean(data))
        jack = jackknife_one(data, np.mean)
        case = {"name": f"{name}_{method}", "kind": "one_sample", "method": method.lower(), "data": floats(data),
                "replicates": floats(res.bootstrap_distribution), "estimate": theta, "jackknife": [jack],
                "ci_low": float(res.confidence_interval.low), "ci_high": float(res.confidence_interval.high)}
        if method == "BCa":
            # The formulas written out (Efron & Tibshirani 1993 eq. 14.14, 14.15).
            b = res.bootstrap_distribution
            z0 = stats.norm.ppf((np.sum(b < theta) + np.sum(b <= theta)) / (2 * len(b)))
            u = (len(data) - 1) * (np.mean(jack) - np.array(jack))
            a = np.sum(u ** 3) / len(data) ** 3 / (6 * (np.sum(u ** 2) / len(data) ** 2) ** 1.5)
            case["z0"] = float(z0)
            case["acceleration"] = float(a)
        boot.append(case)
pa, pc = rng.normal(10, 3, 12), rng.gamma(2.0, 4.0, 15)
for method in ["percentile", "BCa"]:
    stat = lambda x, y, axis=-1: np.mean(x, axis=axis) - np.mean(y, axis=axis)
    res = stats.bootstrap((pa, pc), stat, method=method, n_resamples=999, rng=np.random.default_rng(11))
    theta = float(np.mean(pa) - np.mean(pc))
    jack = [[float(np.mean(np.delete(pa, i)) - np.mean(pc)) for i in range(len(pa))],
            [float(np.mean(pa) - np.mean(np.delete(pc, i))) for i in range(len(pc))]]
    boot.append({"name": f"difference_{method}", "kind": "two_sample", "method": method.lower(),
                 "pilot": floats(pa), "comparison": floats(pc),
                 "replicates": floats(res.bootstrap_distribution), "estimate": theta, "jackknife": jack,
                 "ci_low": float(res.confidence_interval.low), "ci_high": float(res.confidence_interval.high)})

# Exact permutation tests. Our p (two-sided on |diff|) equals scipy's 'greater' p for the
# statistic |mean(x) − mean(y)|; scipy's 'two-sided' (doubled smaller one-sided p) is kept
# as `scipy_two_sided` to check `doubledOneSidedP`.
perm = []
for name, x, y in [
    ("small", [12.0, 15.0, 9.0, 20.0, 17.0], [8.0, 11.0, 7.0, 10.0, 13.0, 9.5]),
    ("ties", [1.0, 2.0, 2.0, 3.0, 3.0, 3.0], [2.0, 2.0, 1.0, 1.0, 3.0, 1.0, 2.0]),
    ("unequal", list(rng.normal(1, 1, 4)), list(rng.normal(0, 1, 13))),
    ("null_effect", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
]:
    x, y = np.asarray(x), np.asarray(y)
    absdiff = lambda a, b, axis=-1: np.abs(np.mean(a, axis=axis) - np.mean(b, axis=axis))
    diff = lambda a, b, axis=-1: np.mean(a, axis=axis) - np.mean(b, axis=axis)
    r1 = stats.permutation_test((x, y), absdiff, permutation_type="independent", n_resamples=np.inf,
                                alternative="greater")
    r2 = stats.permutation_test((x, y), diff, permutation_type="independent", n_resamples=np.inf,
                                alternative="two-sided")
    perm.append({"name": name, "pilot": floats(x), "comparison": floats(y),
                 "difference": float(np.mean(x) - np.mean(y)), "p": float(r1.pvalue),
                 "scipy_two_sided": float(r2.pvalue), "arrangements": math.comb(len(x) + len(y), len(x))})
write("resampling", {"bootstrap": boot, "permutation": perm})

# ---------------------------------------------------------------- Reliability
def cronbach(rows, confidence=0.95):
    """Cronbach 1951 with Feldt's CI (as pingouin.cronbach_alpha):
    lower = 1 − (1 − α)·F.isf(γ/2, n−1, (n−1)(k−1)) = 1 − (1 − α)·F_{1−γ/2}
    upper = 1 − (1 − α)·F.isf(1 − γ/2, …)          = 1 − (1 − α)·F_{γ/2}"""
    X = np.array([r for r in rows if all(np.isfinite(r))], float)   # listwise
    n, k = X.shape
    alpha = k / (k - 1) * (1 - X.var(axis=0, ddof=1).sum() / X.sum(axis=1).var(ddof=1))
    g = 1 - confidence
    df1, df2 = n - 1, (n - 1) * (k - 1)
    return {"alpha": float(alpha), "ci_low": float(1 - (1 - alpha) * stats.f.isf(g / 2, df1, df2)),
            "ci_high": float(1 - (1 - alpha) * stats.f.isf(1 - g / 2, df1, df2)), "n": int(n), "k": int(k)}


def icc(scores, units):
    """ICC(1) = (MSB − MSW)/(MSB + (k − 1)·MSW), ICC(2) = (MSB − MSW)/MSB,
    k = (N − Σ n_j²/N)/(J − 1)."""
    scores = np.asarray(scores, float); units = np.asarray(units)
    labels = list(dict.fromkeys(units))
    groups = [scores[units == u] for u in labels]
    N, J = len(scores), len(groups)
    grand = scores.mean()
    ssb = sum(len(g) * (g.mean() - grand) ** 2 for g in groups)
    ssw = sum(((g - g.mean()) ** 2).sum() for g in groups)
    msb, msw = ssb / (J - 1), ssw / (N - J)
    k = (N - sum(len(g) ** 2 for g in groups) / N) / (J - 1)
    f, p = stats.f_oneway(*groups)
    assert abs(f - msb / msw) <= 1e-9 * f + 1e-15
    return {"icc1": float((msb - msw) / (msb + (k - 1) * msw)), "icc2": float((msb - msw) / msb),
            "msb": float(msb), "msw": float(msw), "k": float(k), "f": float(f), "p": float(p)}


def rwg_j(rows, A):
    """James, Demaree & Wolf 1984: σ² = (A² − 1)/12, s̄² = mean item variance (n − 1),
    r = J(1 − s̄²/σ²)/(J(1 − s̄²/σ²) + s̄²/σ²); 0 when s̄² ≥ σ² (truncation)."""
    X = np.array([r for r in rows if all(np.isfinite(r))], float)
    J = X.shape[1]
    s2 = X.var(axis=0, ddof=1).mean()
    sigma2 = (A * A - 1) / 12
    if s2 >= sigma2:
        return {"rwg": 0.0, "mean_item_variance": float(s2), "truncated": True}
    r = s2 / sigma2
    return {"rwg": float(J * (1 - r) / (J * (1 - r) + r)), "mean_item_variance": float(s2), "truncated": False}


nan = float("nan")
rel = {"alpha": [], "icc": [], "rwg": []}
latent = rng.normal(0, 1, 30)
likert = np.clip(np.round(4 + 1.2 * latent[:, None] + rng.normal(0, 1, (30, 5))), 1, 7)
rows = likert.tolist()
rows[3][2] = nan; rows[17][0] = nan                                   # listwise
rel["alpha"].append({"name": "likert_missing", "responses": rows, **cronbach(rows)})
rel["alpha"].append({"name": "tiny", "responses": [[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5]],
                     **cronbach([[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5]])})
neg = [[1, 7], [7, 1], [2, 6], [6, 3], [4, 4]]
rel["alpha"].append({"name": "negative", "responses": neg, **cronbach(neg)})

unit_sizes = [4, 9, 6, 12, 5]
u_labels = np.repeat([f"u{j}" for j in range(5)], unit_sizes)
u_effect = rng.normal(0, 0.6, 5)[np.repeat(np.arange(5), unit_sizes)]
score = 4 + u_effect + rng.normal(0, 1, len(u_labels))
rel["icc"].append({"name": "unequal_units", "scores": floats(score), "units": list(u_labels), **icc(score, u_labels)})
eq = np.repeat(["a", "b", "c"], 4)
s_eq = np.array([3, 4, 5, 4, 2, 3, 3, 2, 6, 5, 6, 7], float)
rel["icc"].append({"name": "equal_units", "scores": floats(s_eq), "units": list(eq), **icc(s_eq, eq)})
s_neg = np.array([1, 7, 4, 2, 6, 5, 3, 5, 4], float)                   # ICC(1) < 0
u_neg = np.repeat(["a", "b", "c"], 3)
rel["icc"].append({"name": "negative", "scores": floats(s_neg), "units": list(u_neg), **icc(s_neg, u_neg)})

agree = [[5, 6, 5, 6], [6, 6, 5, 5], [5, 5, 6, 6], [6, 5, 5, 6], [5, 6, 6, 5]]
rel["rwg"].append({"name": "high_agreement", "responses": agree, "options": 7, **rwg_j(agree, 7)})
spread = [[1, 7, 1], [7, 1, 7], [1, 7, 7], [7, 1, 1]]
rel["rwg"].append({"name": "truncated", "responses": spread, "options": 7, **rwg_j(spread, 7)})
moderate = likert[:8, :].tolist(); moderate[2][1] = nan
rel["rwg"].append({"name": "moderate_missing", "responses": moderate, "options": 7, **rwg_j(moderate, 7)})
five = [[2, 3], [3, 4], [4, 2], [3, 3], [2, 2], [4, 4]]
rel["rwg"].append({"name": "five_point", "responses": five, "options": 5, **rwg_j(five, 5)})
write("reliability", rel)
print("wrote models_ols.json, models_logit.json, models_resampling.json, models_reliability.json")
