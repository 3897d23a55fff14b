#!/usr/bin/env bash
# A respondent-level readiness file without a wave column (so one file can be imported
# as many waves with --wave), N respondents in 20 units, the eight items of
# Models/instruments/vallingbyteamet-readiness.yaml, about 3 % blank. awk only, seeded.
#   Tests/faults/make_wave.sh N OUT.csv [SEED]
set -euo pipefail
awk -v n="$1" -v seed="${3:-1}" 'BEGIN {
    srand(seed)
    print "respondent,unit,shared_vision,follow_individual_important,follow_individual_possible,needs_adapted_support,understand_why,want_to_contribute,know_what_it_means_for_me,have_prerequisites"
    for (i = 1; i <= n; i++) {
        u = int(rand() * 20) + 1; base = 3 + u % 4 + rand() * 2
        line = sprintf("R%07d,Enhet %02d", i, u)
        for (j = 0; j < 8; j++) {
            if (rand() < 0.03) { line = line "," ; continue }
            v = int(base + rand() * 3 - 1); if (v < 1) v = 1; if (v > 7) v = 7
            line = line "," v
        }
        print line
    }
}' > "$2"
