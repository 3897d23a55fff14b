#!/usr/bin/env python3
"""Synthetic respondent-level readiness waves for Vällingbyteamet's line units.

    python3 Datasets/vallingbyteamet/make_readiness_waves.py      # rewrites the two files

SYNTHETIC DATA. The source (seed 004, UPPFÖLJNINGSPLAN) reports only the unit means of
March 2021 (readiness-2021-03.csv). The survey was planned to run every spring until
2023, but no later results exist. This script invents respondent-level answers for
2022-03 and 2023-03 so that piloteval's summary, trend and gap analyses can be shown
on data of the right shape. No real person answered them.

Model (documented in README.md, "## Readiness"):
- three line units from the source, with staff counts in the 15-60 range the issue asks
  for, and a response rate drawn per unit and wave (Binomial(staff, 0.80));
- each unit's item means start from its March 2021 means and move by the planned
  changes below (2022: turnover and a postponed roll-out, little change; 2023: roll-out
  started September 2022, so knowing one's role, prerequisites and the possibility to
  follow the individual rise);
- answer = round(mean + 0.8 * z_person + e), z_person ~ N(0, 1) shared by a person's
  items (this is what gives the scale its reliability), e ~ N(0, 0.9), clipped to 1-7;
- about 3 % of answers blank at random, and one person per wave who stops halfway.

Only Python's standard library is used, and only random.Random(SEED).random(), whose
sequence Python guarantees across versions; normal deviates are made from it by
Box-Muller here rather than by random.gauss, so the files are the same on any Python 3.
"""
import csv
import math
import os
import random

SEED = 20220301
HERE = os.path.dirname(os.path.abspath(__file__))
ITEMS = ["shared_vision", "follow_individual_important", "follow_individual_possible",
         "needs_adapted_support", "understand_why", "want_to_contribute",
         "know_what_it_means_for_me", "have_prerequisites"]

# March 2021 unit means, exactly as in readiness-2021-03.csv (seed 004, l. 194-203).
MEANS_2021 = {
    "Enheten för barn och unga":               [5.3, 5.9, 4.8, 4.5, 6.2, 6.1, 5.0, 4.6],
    "Enheten för förebyggande och behandling": [4.4, 4.6, 3.2, 4.8, 5.4, 5.3, 3.8, 4.9],
    "Familj- och mottagningsenheten":          [5.4, 5.0, 3.6, 4.4, 6.7, 5.9, 4.5, 4.4],
}
STAFF = {  # invented, within the 15-60 the issue gives as plausible
    "Enheten för barn och unga": 46,
    "Enheten för förebyggande och behandling": 24,
    "Familj- och mottagningsenheten": 35,
}
# Planned change of each item mean from the previous wave (same for every unit, plus a
# unit-specific nudge below), in item order.
CHANGE = {
    "2022-03": [-0.1, 0.0, -0.1, 0.0, -0.1, -0.2, 0.0, -0.1],
    "2023-03": [0.2, 0.1, 0.5, 0.2, 0.0, 0.1, 0.7, 0.4],
}
UNIT_NUDGE = {  # e.g. förebyggande och behandling gains most from the roll-out in 2023
    ("2023-03", "Enheten för förebyggande och behandling"): [0.1, 0.2, 0.4, 0.0, 0.2, 0.2, 0.3, 0.0],
}
FILES = {"2022-03": ("readiness-2022-03-synthetic.csv", ",", False),
         "2023-03": ("readiness-2023-03-synthetic.csv", ";", True)}   # 2023 as Swedish Excel saves it


class Stream:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.spare = None

    def uniform(self):
        return self.r.random()

    def normal(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        u1 = 1.0 - self.r.random()          # (0, 1]
        u2 = self.r.random()
        radius = math.sqrt(-2.0 * math.log(u1))
        self.spare = radius * math.sin(2 * math.pi * u2)
        return radius * math.cos(2 * math.pi * u2)

    def binomial(self, n, p):
        return sum(1 for _ in range(n) if self.uniform() < p)


def main():
    rng = Stream(SEED)
    means = {u: list(m) for u, m in MEANS_2021.items()}
    for wave in ["2022-03", "2023-03"]:
        rows = []
        number = 0
        quitter_done = False
        for unit, staff in STAFF.items():
            nudge = UNIT_NUDGE.get((wave, unit), [0.0] * len(ITEMS))
            means[unit] = [m + c + d for m, c, d in zip(means[unit], CHANGE[wave], nudge)]
            respondents = rng.binomial(staff, 0.80)
            for _ in range(respondents):
                number += 1
                z = rng.normal()
                answers = []
                for mu in means[unit]:
                    x = round(mu + 0.8 * z + 0.9 * rng.normal())
                    x = min(7, max(1, x))
                    answers.append("" if rng.uniform() < 0.03 else str(x))
                if not quitter_done and number == 7:   # one person stops after four items
                    answers[4:] = [""] * 4
                    quitter_done = True
                rows.append([f"{wave[:4]}-{number:03d}", unit, wave] + answers)
        name, delimiter, bom = FILES[wave]
        with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
            w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n" if bom else "\n")
            w.writerow(["respondent", "unit", "wave"] + ITEMS)
            w.writerows(rows)
        print(f"{name}: {len(rows)} respondents")


if __name__ == "__main__":
    main()
