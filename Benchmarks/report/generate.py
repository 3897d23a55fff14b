"""A large synthetic evaluation for the report benchmark: a logic model with
INDICATORS indicators (default 100) observed over 20 tertials (2018-T1 … 2024-T2, total,
girls and boys), 10 goals, 20 outcomes, 20 outputs, 10 activities, yearly targets of
every kind the format has, and 10 respondent-level readiness waves (2015-03 … 2024-03;
400 respondents in 10 units each, the Vällingbyteamet instrument). Seeded.

    python3 generate.py OUT_DIR [--indicators 100] [--waves 10] [--seed 7]

Writes OUT_DIR/model.yaml, OUT_DIR/indicators.csv, OUT_DIR/readiness-<wave>.csv.
"""
import argparse
import os

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--indicators", type=int, default=100)
p.add_argument("--waves", type=int, default=10)
p.add_argument("--respondents", type=int, default=400)
p.add_argument("--seed", type=int, default=7)
a = p.parse_args()
os.makedirs(a.out, exist_ok=True)
rng = np.random.default_rng(a.seed)

GOALS, OUTCOMES, OUTPUTS, ACTIVITIES = 10, 20, 20, 10
periods = [f"{y}-T{t}" for y in range(2018, 2025) for t in (1, 2, 3)][:20]
units = ["percent", "count", "mean", "days", "ratio"]

m = ["schema: piloteval/logic-model/v1", "id: benchmark-large", "name: Benchmark large pilot",
     "language: sv", "owner: Benchmark stadsdelsförvaltning",
     "period: {start: 2018-01-01, end: 2024-12-31}",
     "cohorts: {pilot: pilot, comparison: [linjen]}", "goals:"]
m += [f"  - {{id: G{g + 1}, title: \"Mål {g + 1}: barn och unga har en trygg uppväxt\"}}" for g in range(GOALS)]
m.append("outcomes:")
m += [f"  - {{id: O{o + 1}, title: \"Effekt {o + 1}\", term: {['short', 'intermediate', 'long'][o % 3]}, "
      f"contributes_to: [G{o % GOALS + 1}]}}" for o in range(OUTCOMES)]
m.append("outputs:")
m += [f"  - {{id: P{q + 1}, title: \"Prestation {q + 1}\", leads_to: [O{q % OUTCOMES + 1}]}}" for q in range(OUTPUTS)]
m.append("activities:")
m += [f"  - {{id: A{x + 1}, title: \"Aktivitet {x + 1}\", leads_to: [P{2 * x + 1}, P{2 * x + 2}], "
      f"start: 2018-01-01, end: 2024-12-31}}" for x in range(ACTIVITIES)]
m.append("indicators:")
rows = ["indicator,period,group,value,numerator,denominator,note"]
for i in range(a.indicators):
    iid = f"I{i + 1:03d}"
    unit = units[i % len(units)]
    direction = ["increase", "decrease"][i % 2]
    level = {"percent": 50.0, "count": 120.0, "mean": 4.5, "days": 30.0, "ratio": 1.0}[unit]
    m += [f"  - id: {iid}", f"    title: \"Indikator {i + 1}\"", f"    measures: O{i % OUTCOMES + 1}",
          f"    unit: {unit}", f"    direction: {direction}", "    frequency: tertial",
          f"    baseline: {{period: 2017, value: {level:.1f}}}", "    targets:"]
    op = ">=" if direction == "increase" else "<="
    for y in range(2018, 2025):
        rule = [f"\"{op} {level:.1f}\"", "improve", "maintain_or_improve",
                f"\"between {level * 0.9:.1f} and {level * 1.1:.1f}\""][(i + y) % 4]
        m.append(f"      - {{period: {y}, rule: {rule}}}")
    m.append(f"      - {{period: 2024, rule: \"{op} {level:.1f}\", set_by: city}}")
    m.append("    breakdowns: {gender: [girls, boys]}")
    walk = level + np.cumsum(rng.normal(0, level * 0.03, len(periods)))
    for per, v in zip(periods, walk):
        if unit == "percent":
            d_girls, d_boys = rng.integers(40, 80, 2)
            k_girls = int(min(d_girls, max(0, round(d_girls * v / 100 + rng.normal(0, 2)))))
            k_boys = int(min(d_boys, max(0, round(d_boys * v / 100 + rng.normal(0, 2)))))
            rows.append(f"{iid},{per},girls,,{k_girls},{d_girls},")
            rows.append(f"{iid},{per},boys,,{k_boys},{d_boys},")
            rows.append(f"{iid},{per},total,,{k_girls + k_boys},{d_girls + d_boys},")
        else:
            g_, b_ = v + rng.normal(0, level * 0.02), v + rng.normal(0, level * 0.02)
            if unit == "count":
                g_, b_ = round(max(g_, 0) / 2), round(max(b_, 0) / 2)
                rows += [f"{iid},{per},girls,{g_},,,", f"{iid},{per},boys,{b_},,,", f"{iid},{per},total,{g_ + b_},,,"]
            else:
                rows += [f"{iid},{per},girls,{g_:.2f},,,", f"{iid},{per},boys,{b_:.2f},,,", f"{iid},{per},total,{v:.2f},,,"]
with open(os.path.join(a.out, "model.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(m) + "\n")
with open(os.path.join(a.out, "indicators.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(rows) + "\n")

ITEMS = ["shared_vision", "follow_individual_important", "follow_individual_possible",
         "needs_adapted_support", "understand_why", "want_to_contribute",
         "know_what_it_means_for_me", "have_prerequisites"]
for w in range(a.waves):
    wave = f"{2025 - a.waves + w}-03"
    n = a.respondents
    unit = rng.integers(0, 10, n)
    latent = 4.2 + 0.08 * w + rng.normal(0, 0.4, 10)[unit][:, None] + rng.normal(0, 0.8, n)[:, None] \
        + rng.normal(0, 0.9, (n, len(ITEMS)))
    answers = np.clip(np.rint(latent), 1, 7).astype(int)
    blank = rng.random((n, len(ITEMS))) < 0.03
    with open(os.path.join(a.out, f"readiness-{wave}.csv"), "w", encoding="utf-8") as f:
        f.write("respondent,unit,wave," + ",".join(ITEMS) + "\n")
        for r in range(n):
            cells = ["" if blank[r, j] else str(answers[r, j]) for j in range(len(ITEMS))]
            f.write(f"{wave}-{r + 1:04d},Enhet {unit[r] + 1:02d},{wave}," + ",".join(cells) + "\n")
