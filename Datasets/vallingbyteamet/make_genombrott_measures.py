#!/usr/bin/env python3
"""Writes the ILLUSTRATIVE Genombrott measures in this folder (see README.md,
"Genombrott measures"). The seed (004_dbc242ee135760d4.txt, line 207) names the four
areas Vällingbyteamet tested with SKR's Genombrott tool in 2021 but publishes no
measurements, so these series are invented: plausible sizes for a team of six
caseworkers, and a change in level after the PDSA cycles in Models/pdsa/ start.

    python3 Datasets/vallingbyteamet/make_genombrott_measures.py

Files are written as Swedish Excel saves them: `;`, UTF-8 with BOM, CRLF.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2021)


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8-sig", newline="") as f:
        f.write(";".join(header) + "\r\n")
        for r in rows:
            f.write(";".join("" if v is None else str(v) for v in r) + "\r\n")


def binom(n, p):
    return sum(rng.random() < p for _ in range(n))


def poisson(lam):
    # Knuth; small lambdas only.
    import math
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l:
            return k
        k += 1


def months(y0, m0, count):
    y, m = y0, m0
    for _ in range(count):
        yield f"{y}-{m:02d}"
        m += 1
        if m > 12:
            y, m = y + 1, 1


# 1. Tidsplanerade utredningar: investigations with a written time plan shared with the
#    family within 14 days, of investigations opened that month. PDSA ramp from 2021-02.
rows = []
for label in months(2020, 7, 18):
    opened = rng.randint(8, 16)
    p = 0.35 if label < "2021-03" else 0.55 if label < "2021-05" else 0.82
    note = {"2021-02": "PDSA tidsplan-1 startar", "2021-03": "PDSA tidsplan-2 startar",
            "2021-05": "PDSA tidsplan-3 startar"}.get(label)
    rows.append([label, binom(opened, p), opened, note])
write("genombrott-tidsplanerade-utredningar.csv", ["månad", "planerade", "inledda", "kommentar"], rows)

# 2. Konsultation till förskolor: consultations given to preschool staff per week.
rows = []
for week in range(2, 41):
    if 26 <= week <= 31:       # summer: preschools closed or on reduced staff
        rows.append([f"2021-v{week:02d}", None, "sommaruppehåll"])
        continue
    lam = 1.2 if week < 9 else 2.2 if week < 16 else 3.4
    note = {9: "PDSA forskola-1 startar", 16: "PDSA forskola-2 (walk-and-talk) startar",
            34: "PDSA forskola-3 startar"}.get(week)
    rows.append([f"2021-v{week:02d}", poisson(lam), note])
write("genombrott-konsultation-forskolor.csv", ["vecka", "konsultationer", "kommentar"], rows)

# 3. Familjerådslag vid avslutad placering: placements ended in the month, and of those
#    how many had a family group conference offered in the ending plan. Small numbers.
rows = []
for label in months(2020, 9, 16):
    ended = rng.choice([0, 1, 1, 2, 2, 3, 3, 4])
    p = 0.15 if label < "2021-04" else 0.45 if label < "2021-07" else 0.75
    rows.append([label, binom(ended, p), ended, None])
write("genombrott-familjerad-avslutad-placering.csv", ["månad", "erbjudna", "avslutade", "kommentar"], rows)

# 4. Informationsbrev till barn: children in newly opened investigations who received an
#    age-adapted information letter within 7 days.
rows = []
for label in months(2020, 9, 16):
    children = rng.randint(9, 18)
    p = 0.25 if label < "2021-02" else 0.5 if label < "2021-04" else 0.6 if label < "2021-06" else 0.85
    rows.append([label, binom(children, p), children, None])
write("genombrott-informationsbrev-barn.csv", ["månad", "brev_inom_7_dagar", "barn", "kommentar"], rows)
print("wrote 4 files")
