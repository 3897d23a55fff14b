#!/usr/bin/env python3
"""Reference values for the run and control chart tests (Statistics/SPC).

Run from the repository root:

    python3 -m pip install -r Tests/StatisticsTests/Fixtures/requirements.txt
    python3 Tests/StatisticsTests/Fixtures/make_fixtures_spc.py

It writes Fixtures/spc_cases.json next to itself.

R and qicharts2 are not installable on the build machines, so this script is an
independent transcription of qicharts2 0.8.1 (github.com/anhoej/qicharts2,
R/helper.functions.R and R/qic.R), written from the R source, not from the Swift code:

- qic.agg: points are split into parts by makeparts(part, n); within each part the
  chart function computes cl/lcl/ucl from the baseline points (xx <= freeze, and not
  excluded); freeze is ignored when part is given.
- runs.analysis: runs <- sign(y - cl) over included points, dropping 0 and NA;
  n.useful; longest.run.max <- round(log2(n.useful)) + 3;
  n.crossings <- max(n.runs - 1, 0); n.crossings.min <- qbinom(0.05, n.useful - 1, 0.5);
  runs.signal <- longest.run > longest.run.max || n.crossings < n.crossings.min.
- qic.run: cl = median(y[base]).
- qic.i with option qic.screenedmr = TRUE (set by .onAttach, so the default for anyone
  who calls library(qicharts2)): cl = mean(y[base]); mr = |diff(y[base] - cl[base])|;
  amr = mean(mr); mr = mr[mr < 3.267 * amr]; amr = mean(mr); sd = amr / 1.128;
  limits cl +- 3 sd.
- qic.mr: y = c(NA, |diff(y)|); cl = mean(y[base]); lcl = 0; ucl = 3.267 cl; no runs signal.
- qic.p: cl = sum(num[base]) / sum(n[base]); sd = sqrt(cl (1 - cl) / n); ucl capped at 1,
  lcl floored at 0.
- qic.u: cl = sum(num[base]) / sum(n[base]); sd = sqrt(cl / n); lcl floored at 0.
- sigma.signal = y > ucl | y < lcl, NA -> FALSE; non-finite limits -> NA.
- y, cl, lcl, ucl are multiplied by `multiply` after the analysis.

Published values checked here before anything is written (the script stops if one
disagrees):
- qicharts2's vignette (master/articles/qicharts2.md, section "The Anhoej rules"):
  set.seed(19); y <- rnorm(24); y[22] <- 4; y[13:24] <- rnorm(12, mean = 2);
  summary(qic(y, chart = 'i')) prints n.obs 24, n.useful 24, longest.run 13,
  longest.run.max 8, n.crossings 4, n.crossings.min 8, runs.signal 1,
  aLCL -2.114884, CL 1.057091, aUCL 4.229067. R's Mersenne-Twister and inversion
  normal generator are reproduced below to regenerate y.
- The vignette's text: 24 useful points give a longest-run limit of 8 and a crossings
  limit of 8.
- Montgomery, Introduction to Statistical Quality Control, Example 7.1 (orange juice
  cans, 30 samples of 50; qicharts2's tests use it as tbl_07.03): p-bar 0.2313,
  UCL 0.4102, LCL 0.0524, samples 15 and 23 above the UCL; with 15 and 23 excluded,
  p-bar 0.2150, UCL 0.3893, LCL 0.0407 (4 decimals as printed).
- Montgomery Example 7.4 (nonconformities in samples of 5 computers): u-bar 1.93,
  UCL 3.79, LCL 0.07 (2 decimals as printed).
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import stats
from scipy.special import ndtri

assert scipy.__version__ == "1.17.1", scipy.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
NA = float("nan")


# ---------------------------------------------------------------- R's RNG (set.seed, rnorm)

class RRandom:
    """R's default generator: Mersenne-Twister seeded by set.seed's LCG scrambling,
    normals by inversion with two uniforms (R's src/main/RNG.c, snorm.c)."""

    def __init__(self, seed):
        s = seed & 0xFFFFFFFF
        for _ in range(50):
            s = (69069 * s + 1) & 0xFFFFFFFF
        seeds = []
        for _ in range(625):
            s = (69069 * s + 1) & 0xFFFFFFFF
            seeds.append(s)
        self.mt = seeds[1:]
        self.mti = 624          # FixupSeeds: dummy[0] = 624

    def _genrand(self):
        N, M = 624, 397
        mt = self.mt
        if self.mti >= N:
            mag01 = (0, 0x9908B0DF)
            for kk in range(N - M):
                y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7FFFFFFF)
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 1]
            for kk in range(N - M, N - 1):
                y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7FFFFFFF)
                mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 1]
            y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7FFFFFFF)
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 1]
            self.mti = 0
        y = mt[self.mti]
        self.mti += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        return (y & 0xFFFFFFFF) * 2.3283064365386963e-10

    def unif_rand(self):
        x = self._genrand()
        i2_32m1 = 2.328306437080797e-10
        if x <= 0.0:
            return 0.5 * i2_32m1
        if 1.0 - x <= 0.0:
            return 1.0 - 0.5 * i2_32m1
        return x

    def norm_rand(self):
        big = 134217728.0  # 2^27
        u = self.unif_rand()
        u = int(big * u) + self.unif_rand()
        return float(ndtri(u / big))

    def rnorm(self, n, mean=0.0, sd=1.0):
        return [mean + sd * self.norm_rand() for _ in range(n)]


# ---------------------------------------------------------------- qicharts2, transcribed

def is_na(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def r_mean(values):
    vals = [v for v in values if not is_na(v)]
    return sum(vals) / len(vals) if vals else NA


def r_median(values):
    vals = sorted(v for v in values if not is_na(v))
    if not vals:
        return NA
    m = len(vals)
    return vals[m // 2] if m % 2 else (vals[m // 2 - 1] + vals[m // 2]) / 2


def r_round(x):
    """R's round(): IEC 60559 half to even."""
    return int(np.round(x))


def qbinom(p, size, prob):
    return int(stats.binom.ppf(p, size, prob))


def makeparts(part, n):
    xs = sorted(set([0] + list(part or [])))
    xs = [x for x in xs if 0 <= x < n]
    out = []
    bounds = xs + [n]
    for i in range(len(xs)):
        out += [i + 1] * (bounds[i + 1] - bounds[i])
    return out


def runs_analysis(y, cl, include):
    ys = [v for v, inc in zip(y, include) if inc]
    cls = [c for c, inc in zip(cl, include) if inc]
    runs = []
    for v, c in zip(ys, cls):
        if is_na(v) or is_na(c):
            continue
        s = (v > c) - (v < c)
        if s != 0:
            runs.append(s)
    n_useful = len(runs)
    out = {"n_obs": len(ys), "n_useful": n_useful}
    if n_useful:
        lengths = []
        for s in runs:
            if lengths and lengths[-1][0] == s:
                lengths[-1][1] += 1
            else:
                lengths.append([s, 1])
        longest = max(l for _, l in lengths)
        lmax = r_round(math.log2(n_useful)) + 3
        crossings = max(len(lengths) - 1, 0)
        cmin = qbinom(0.05, max(n_useful - 1, 0), 0.5)
        out.update(longest_run=longest, longest_run_max=lmax, crossings=crossings,
                   crossings_min=cmin, runs_signal=bool(longest > lmax or crossings < cmin))
    else:
        out.update(longest_run=None, longest_run_max=None, crossings=None,
                   crossings_min=None, runs_signal=False)
    return out


def chart_part(chart, y, num, den, base):
    """One part: returns (y, cl, lcl, ucl) lists for the chart type."""
    k = len(y)
    yb = [v for v, b in zip(y, base) if b]
    if chart == "run":
        cl = r_median(yb)
        return y, [cl] * k, [NA] * k, [NA] * k
    if chart == "i":
        cl = r_mean(yb)
        d = [v - cl for v in yb]
        mr = [abs(d[j + 1] - d[j]) if not (is_na(d[j]) or is_na(d[j + 1])) else NA
              for j in range(len(d) - 1)]
        amr = r_mean(mr)
        ulmr = 3.267 * amr
        # R: mr[mr < ulmr] keeps NA entries as NA; mean(na.rm = TRUE) drops them.
        mr = [m for m in mr if is_na(m) or m < ulmr]
        amr = r_mean(mr)
        sd = amr / 1.128
        return y, [cl] * k, [cl - 3 * sd] * k, [cl + 3 * sd] * k
    if chart == "mr":
        ym = [NA] + [abs(y[j + 1] - y[j]) if not (is_na(y[j]) or is_na(y[j + 1])) else NA
                     for j in range(k - 1)]
        cl = r_mean([v for v, b in zip(ym, base) if b])
        return ym, [cl] * k, [0.0] * k, [3.267 * cl] * k
    if chart in ("p", "u"):
        sn = sum(v for v, b in zip(num, base) if b and not is_na(v))
        sd_ = sum(v for v, b in zip(den, base) if b and not is_na(v))
        cl = sn / sd_ if sd_ else NA
        lcl, ucl = [], []
        for n in den:
            with np.errstate(divide="ignore", invalid="ignore"):
                if is_na(n) or is_na(cl):
                    s = NA
                elif n == 0:
                    s = math.inf
                else:
                    s = math.sqrt(cl * (1 - cl) / n) if chart == "p" else math.sqrt(cl / n)
            u_, l_ = cl + 3 * s, cl - 3 * s
            if chart == "p" and not is_na(u_) and math.isfinite(u_) and u_ > 1:
                u_ = 1.0
            if not is_na(l_) and math.isfinite(l_) and l_ < 0:
                l_ = 0.0
            lcl.append(l_)
            ucl.append(u_)
        return y, [cl] * k, lcl, ucl
    raise ValueError(chart)


def qic(chart, values, denominators=None, freeze=None, part=None, exclude=None, multiply=1.0):
    n = len(values)
    if denominators is not None:
        num, den, y = [], [], []
        for v, d in zip(values, denominators):
            if is_na(v) or is_na(d):
                num.append(NA); den.append(NA); y.append(NA)
            else:
                num.append(v); den.append(d)
                y.append(v / d if d != 0 else NA)
    else:
        num, den, y = list(values), [NA] * n, [NA if is_na(v) else v for v in values]
    if freeze is None or part:
        freeze = math.inf
    parts = makeparts(part, n)
    xx = list(range(1, n + 1))
    baseline = [i <= freeze for i in xx]
    include = [i not in (exclude or []) for i in xx]
    points, summaries = [], []
    for p in sorted(set(parts)):
        idx = [i for i in range(n) if parts[i] == p]
        base = [baseline[i] and include[i] for i in idx]
        py, cl, lcl, ucl = chart_part(chart, [y[i] for i in idx], [num[i] for i in idx],
                                      [den[i] for i in idx], base)
        ra = runs_analysis(py, cl, [include[i] for i in idx])
        if chart == "mr":
            ra["runs_signal"] = False
        def fin(v):
            return None if is_na(v) or not math.isfinite(v) else v * multiply
        for j, i in enumerate(idx):
            yy = None if is_na(py[j]) else py[j] * multiply
            c, lo, hi = fin(cl[j]), fin(lcl[j]), fin(ucl[j])
            sig = bool(yy is not None and ((hi is not None and yy > hi) or (lo is not None and yy < lo)))
            points.append({"y": yy, "cl": c, "lcl": lo, "ucl": hi, "part": p, "signal": sig,
                           "runs_signal": ra["runs_signal"]})
        ra["part"] = p
        ra["cl"] = fin(cl[0]) if cl else None
        summaries.append(ra)
    return {"points": points, "parts": summaries}


def summary_means(result, key):
    vals = [pt[key] for pt in result["points"] if pt[key] is not None]
    return sum(vals) / len(vals)


# ---------------------------------------------------------------- cases

def case(name, chart, values, denominators=None, freeze=None, part=None, exclude=None,
         multiply=1.0, source=""):
    res = qic(chart, values, denominators, freeze, part, exclude, multiply)
    return {"name": name, "chart": chart, "values": [None if is_na(v) else v for v in values],
            "denominators": None if denominators is None else
            [None if is_na(v) else v for v in denominators],
            "freeze": freeze, "parts": part or [], "exclude": exclude or [],
            "multiply": multiply, "source": source, "expected": res}


def close(a, b, decimals):
    return abs(a - b) <= 0.5 * 10 ** (-decimals) + 1e-12


def main():
    out = {"generated_by": "make_fixtures_spc.py", "qicharts2_version": "0.8.1 (transcribed)",
           "critical_values": [], "cases": []}

    # Critical values n = 1..100 (the vignette's Appendix 2 covers 10..100).
    for n in range(1, 101):
        lmax = r_round(math.log2(n)) + 3
        cmin = qbinom(0.05, n - 1, 0.5)
        out["critical_values"].append({"n_useful": n, "longest_run_max": lmax,
                                       "crossings_min": cmin,
                                       "signal_possible": bool(n > lmax or cmin > 0)})
    cv = {c["n_useful"]: c for c in out["critical_values"]}
    assert cv[24]["longest_run_max"] == 8 and cv[24]["crossings_min"] == 8   # vignette text

    # qicharts2 vignette, "The Anhoej rules": set.seed(19) ...
    rng = RRandom(19)
    y = rng.rnorm(24)
    y[21] = 4.0
    y[12:24] = rng.rnorm(12, mean=2.0)
    c = case("vignette_i_chart_seed19", "i", y,
             source="qicharts2 vignette: set.seed(19); y <- rnorm(24); y[22] <- 4; "
                    "y[13:24] <- rnorm(12, mean = 2); summary(qic(y, chart = 'i'))")
    s = c["expected"]["parts"][0]
    r = c["expected"]
    assert (s["n_obs"], s["n_useful"], s["longest_run"], s["longest_run_max"],
            s["crossings"], s["crossings_min"], s["runs_signal"]) == (24, 24, 13, 8, 4, 8, True), s
    assert close(summary_means(r, "lcl"), -2.114884, 6), summary_means(r, "lcl")
    assert close(summary_means(r, "cl"), 1.057091, 6), summary_means(r, "cl")
    assert close(summary_means(r, "ucl"), 4.229067, 6), summary_means(r, "ucl")
    c["published"] = {"n_obs": 24, "n_useful": 24, "longest_run": 13, "longest_run_max": 8,
                      "crossings": 4, "crossings_min": 8, "runs_signal": True,
                      "lcl": -2.114884, "cl": 1.057091, "ucl": 4.229067, "decimals": 6}
    out["cases"].append(c)
    # The same numbers as a run chart (no published summary; reference only).
    out["cases"].append(case("vignette_run_chart_seed19", "run", y))
    out["cases"].append(case("vignette_mr_chart_seed19", "mr", y))

    # Montgomery Example 7.1 (tbl_07.03 in qicharts2's tests).
    juice = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11,
             20, 18, 24, 15, 9, 12, 7, 13, 9, 6]
    c = case("montgomery_7_1_p", "p", juice, [50] * 30,
             source="Montgomery, Introduction to SQC, Example 7.1 (Table 7.1)")
    pt = c["expected"]["points"][0]
    assert close(pt["cl"], 0.2313, 4) and close(pt["ucl"], 0.4102, 4) and close(pt["lcl"], 0.0524, 4), pt
    assert [i + 1 for i, p in enumerate(c["expected"]["points"]) if p["signal"]] == [15, 23]
    c["published"] = {"cl": 0.2313, "ucl": 0.4102, "lcl": 0.0524, "signals": [15, 23], "decimals": 4}
    out["cases"].append(c)
    # qicharts2's test ex_7.1_5 also passes part = 30, which makeparts() drops (30 is not
    # below n = 30); piloteval refuses such a break, so it is left out here.
    c = case("montgomery_7_1_p_excluded", "p", juice, [50] * 30, exclude=[15, 23],
             source="Montgomery Example 7.1, samples 15 and 23 excluded (qicharts2 test ex_7.1_5)")
    pt = c["expected"]["points"][0]
    assert close(pt["cl"], 0.2150, 4) and close(pt["ucl"], 0.3893, 4) and close(pt["lcl"], 0.0407, 4), pt
    c["published"] = {"cl": 0.2150, "ucl": 0.3893, "lcl": 0.0407, "decimals": 4}
    out["cases"].append(c)

    # Montgomery Example 7.4: nonconformities in 20 samples of 5 computers.
    pcs = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5]
    c = case("montgomery_7_4_u", "u", pcs, [5] * 20,
             source="Montgomery, Introduction to SQC, Example 7.4")
    pt = c["expected"]["points"][0]
    assert close(pt["cl"], 1.93, 2) and close(pt["ucl"], 3.79, 2) and close(pt["lcl"], 0.07, 2), pt
    c["published"] = {"cl": 1.93, "ucl": 3.79, "lcl": 0.07, "decimals": 2}
    out["cases"].append(c)

    # Hand-made series exercising the edges of the rules.
    rs = np.random.default_rng(20210301)
    weekly = [round(float(v), 1) for v in rs.normal(20, 4, 30)]
    out["cases"].append(case("run_weekly", "run", weekly))
    shifted = weekly[:15] + [round(v - 6, 1) for v in weekly[15:]]
    out["cases"].append(case("run_shift_freeze15", "run", shifted, freeze=15))
    out["cases"].append(case("run_shift_part15", "run", shifted, part=[15]))
    out["cases"].append(case("run_shift_parts_10_20", "run", shifted, part=[10, 20]))
    ties = [3, 5, 5, 5, 7, 5, 2, 5, 8, 5, 5, 1, 9, 5, 4]
    out["cases"].append(case("run_ties_on_median", "run", ties))
    missing = [10.0, 12.0, NA, 11.0, 9.0, NA, 14.0, 13.0, 8.0, 12.0, 11.0, 10.0]
    out["cases"].append(case("run_missing", "run", missing))
    out["cases"].append(case("i_missing", "i", missing))
    out["cases"].append(case("run_too_few", "run", [4.0, 6.0, 5.0, 7.0, 3.0]))
    out["cases"].append(case("run_all_equal", "run", [5.0] * 8))
    out["cases"].append(case("i_all_equal", "i", [5.0] * 8))
    spike = [20.1, 19.4, 21.0, 20.6, 19.8, 35.0, 20.3, 19.9, 20.8, 20.0, 19.5, 21.2,
             20.4, 19.7, 20.9, 20.2, 19.6, 20.7]
    out["cases"].append(case("i_screened_spike", "i", spike))
    out["cases"].append(case("i_screened_spike_exclude6", "i", spike, exclude=[6]))
    out["cases"].append(case("i_freeze12", "i", shifted, freeze=12))
    out["cases"].append(case("i_parts", "i", shifted, part=[15]))
    out["cases"].append(case("mr_spike", "mr", spike))
    out["cases"].append(case("mr_freeze10", "mr", spike, freeze=10))
    num = [int(v) for v in rs.binomial(40, 0.35, 24)]
    den = [int(v) for v in rs.integers(25, 60, 24)]
    num = [min(a, b) for a, b in zip(num, den)]
    out["cases"].append(case("p_varying_n", "p", num, den))
    out["cases"].append(case("p_varying_n_freeze12", "p", num, den, freeze=12, multiply=100.0))
    out["cases"].append(case("p_varying_n_parts", "p", num, den, part=[8, 16]))
    num2 = list(num); den2 = list(den)
    num2[5] = NA; den2[9] = 0
    num2[9] = 0
    out["cases"].append(case("p_missing_and_zero_n", "p", num2, den2))
    p_edge = [0, 0, 1, 0, 2, 0, 0, 1, 0, 0, 0, 1]
    out["cases"].append(case("p_lcl_floor", "p", p_edge, [12] * 12))
    p_top = [11, 12, 12, 10, 12, 12, 11, 12, 12, 12, 11, 12]
    out["cases"].append(case("p_ucl_cap", "p", p_top, [12] * 12))
    counts = [int(v) for v in rs.poisson(6, 26)]
    exposure = [round(float(v), 1) for v in rs.uniform(80, 140, 26)]
    out["cases"].append(case("u_varying_exposure", "u", counts, exposure, multiply=100.0))
    out["cases"].append(case("u_freeze13", "u", counts, exposure, freeze=13))
    out["cases"].append(case("run_ratio_with_denominator", "run", counts, exposure))
    out["cases"].append(case("i_ratio_with_denominator", "i", counts, exposure))

    with open(os.path.join(HERE, "spc_cases.json"), "w") as f:
        json.dump(out, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", len(out["cases"]), "cases and", len(out["critical_values"]), "critical values")


if __name__ == "__main__":
    main()
