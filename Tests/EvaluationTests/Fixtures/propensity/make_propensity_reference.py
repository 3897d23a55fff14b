"""Reference values for the propensity weights (ATT) of `cases compare --design adjusted`
on the tutorial's extract (docs/tutorial.md §3), outcome investigation_within_4m.

Input: tutorial-cases.csv — the 1 500 cases of
    piloteval synth cases --seed 7 --cases 1500 --effect-investigation-days=-20 --identity --dialect plain
after `cases import` (pilot renamed norrteamet), exported from the database's `cases`
table (case_id, cohort, age, gender, referral_reason, investigation dates; no identity
numbers or pseudonyms). Extract date 2022-12-31 (the latest date in the file).

The design is written out here from docs/cohort-comparisons.md, independently of the
Swift code: age (numeric); gender indicators girl and other (boy the reference); referral
reasons with fewer than 5 cases in either cohort pooled as "other reasons", the most
common reason the reference; then every 0/1 column with fewer than 5 ones in either
cohort pooled with its reference (dropped), and constant columns dropped. The model is
statsmodels' Logit (Newton, tolerance 1e-14); ATT weights: pilot 1, line e/(1 − e).

Run: python3 make_propensity_reference.py > propensity_reference.json
"""
import calendar
import csv
import datetime as dt
import json
import os

import numpy as np
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
EXTRACT_DATE = dt.date(2022, 12, 31)
PILOT = "norrteamet"
LIMIT = 5


def add_months(d, months):
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    m += 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def within_4m(start, end):
    """1 if ended on or before start + 4 calendar months; 0 if later or still open past
    that day; None while open and not yet past it (docs/cases.md)."""
    if not start:
        return None
    s = dt.date.fromisoformat(start)
    deadline = add_months(s, 4)
    if end:
        return 1.0 if dt.date.fromisoformat(end) <= deadline else 0.0
    return 0.0 if EXTRACT_DATE > deadline else None


rows = list(csv.DictReader(open(os.path.join(HERE, "tutorial-cases.csv"), encoding="utf-8")))
sample = []
for r in rows:
    y = within_4m(r["investigation_start"], r["investigation_end"])
    if y is not None:
        sample.append((r, y))
# Pilot first, then the line, each in file order (as the Swift sample orders them).
sample = [s for s in sample if s[0]["cohort"] == PILOT] + [s for s in sample if s[0]["cohort"] != PILOT]
pilot = np.array([r["cohort"] == PILOT for r, _ in sample])
y = np.array([v for _, v in sample])

columns = {}
columns["age"] = np.array([float(r["age"]) for r, _ in sample])
genders = [r["gender"] for r, _ in sample]
for g in ["girl", "other"]:
    if g in genders:
        columns["gender: " + g] = np.array([1.0 if x == g else 0.0 for x in genders])
reasons = [r["referral_reason"] for r, _ in sample]
per_cohort = {}
for reason, p in zip(reasons, pilot):
    a, b = per_cohort.get(reason, (0, 0))
    per_cohort[reason] = (a + 1, b) if p else (a, b + 1)
rare = {k for k, (a, b) in per_cohort.items() if min(a, b) < LIMIT}
pooled = ["other reasons" if x in rare else x for x in reasons]
counts = {}
for x in pooled:
    counts[x] = counts.get(x, 0) + 1
reference = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
for level in sorted(counts):
    if level != reference:
        columns["reason: " + level] = np.array([1.0 if x == level else 0.0 for x in pooled])

dropped = {}
for name in list(columns):
    v = columns[name]
    if np.all(v == v[0]):
        del columns[name]
        continue
    if name == "age":
        continue
    in_pilot, in_line = int(v[pilot].sum()), int(v[~pilot].sum())
    if min(in_pilot, in_line) < LIMIT:
        dropped[name] = [in_pilot, in_line]
        del columns[name]

names = list(columns)
X = sm.add_constant(np.column_stack([columns[n] for n in names]))
fit = sm.Logit(pilot.astype(float), X).fit(method="newton", tol=1e-14, maxiter=200, disp=False)
e = fit.predict(X)
w = np.where(pilot, 1.0, e / (1 - e))
wl, yl = w[~pilot], y[~pilot]
pilot_mean = float(y[pilot].mean())
weighted_line = float((wl * yl).sum() / wl.sum())
ess = float(wl.sum() ** 2 / (wl ** 2).sum())

print(json.dumps({
    "outcome": "investigation_within_4m",
    "n_pilot": int(pilot.sum()), "n_line": int((~pilot).sum()),
    "pooled_with_reference": dropped,
    "reference_reason": reference,
    "rare_reasons": sorted(rare),
    "model_columns": names,
    "coefficients": dict(zip(["const"] + names, map(float, fit.params))),
    "converged": bool(fit.mle_retvals["converged"]),
    "pilot_mean": pilot_mean,
    "line_weighted_mean": weighted_line,
    "att": pilot_mean - weighted_line,
    "effective_n_line": ess,
    "weights": {r["case_id"]: float(wi) for (r, _), wi in zip(sample, w)},
    "versions": {"statsmodels": sm.__version__ if hasattr(sm, "__version__") else __import__("statsmodels").__version__,
                 "numpy": np.__version__},
}, indent=1, sort_keys=True))
