"""Reference Wilson 95 % intervals for the counts in the indicator tests.

Regenerate:  python3 wilson_reference.py > wilson_reference.json
(statsmodels pinned in requirements.txt). Percent scale (x100), as `indicators status`
prints intervals of percent indicators.
"""
import json
from statsmodels.stats.proportion import proportion_confint

CASES = [
    ("forebyggande-och-behandling-2022 I11 2021", 142, 346),  # 000 l. 1017: 142/346
    ("forebyggande-och-behandling-2022 I12 2022-T1", 11, 14),  # 000 l. 946: 11 of 14
    ("CLI fixture tertial1.csv I1 2022-T1", 41, 50),  # Tests/CLITests/IndicatorsCommandTests
    ("zero events", 0, 12),
    ("all events", 12, 12),
]

out = []
for label, k, n in CASES:
    low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
    out.append({"label": label, "k": k, "n": n, "percent": 100 * k / n,
                "ci_low": 100 * low, "ci_high": 100 * high})
print(json.dumps(out, indent=2))
