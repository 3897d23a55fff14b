#!/bin/sh
# A fuller steering brief than the demo's (issue 20), from invented data only: a
# synthetic pilot "Syntetteamet" whose brief has everything at once — pilot vs line on
# synthetic cases (`piloteval synth cases`), a readiness survey of three units in two
# waves (the change column filled), three PDSA cycles decided adopt, adapt and abandon,
# 10 indicators of which 8 are off target, and three decisions for the group. Nothing
# here is client data; every name says it is synthetic.
#
#   Tests/print/fuller-brief.sh PILOTEVAL OUT_DIR
#
# Writes OUT_DIR/steering-{sv,en}.{html,docx} (and the database and inputs under
# OUT_DIR/data). Tests/print/run.sh prints them and counts their pages.
set -eu
bin="${1:?usage: Tests/print/fuller-brief.sh PILOTEVAL OUT_DIR}"
out="${2:?usage: Tests/print/fuller-brief.sh PILOTEVAL OUT_DIR}"
data="$out/data"
rm -rf "$data"
mkdir -p "$data"
db="$data/fuller.db"
run() { "$bin" "$@" --db "$db" >>"$data/log" 2>&1; }

cat >"$data/syntetteamet.yaml" <<'EOF'
schema: piloteval/logic-model/v1
id: syntetteamet
name: Syntetteamet (påhittat exempel)
language: sv
owner: Syntetisk förvaltning, avdelningen för barn och unga
period: {start: 2020-01-01, end: 2022-12-31}
description: >-
  Ett påhittat pilotteam för utskriftsprovet: allt i modellen och i data är syntetiskt.
cohorts:
  pilot: syntetteamet
  comparison: [linjen]
goals:
  - {id: G1, title: Barn och unga får rätt stöd i tid}
  - {id: G2, title: Familjer har tillit till socialtjänsten}
  - {id: G3, title: Medarbetare ser nyttan med sitt arbete}
outcomes:
  - {id: O1, title: Kortare utredningstider, term: short, contributes_to: [G1]}
  - {id: O2, title: Färre barn aktualiseras på nytt, term: intermediate, contributes_to: [G1]}
  - {id: O3, title: Familjer känner sig delaktiga, term: short, contributes_to: [G2]}
  - {id: O4, title: Medarbetare är redo för nya arbetssätt, term: short, contributes_to: [G3]}
outputs:
  - {id: P1, title: Tidsplanerade utredningar, leads_to: [O1]}
  - {id: P2, title: Familjeråd erbjudna vid avslut, leads_to: [O2, O3]}
activities:
  - {id: A1, title: Tidsplan tillsammans med familjen, leads_to: [P1]}
  - {id: A2, title: Familjeråd vid avslutad placering, leads_to: [P2]}
  - {id: A3, title: Dialog med linjens medarbetare, leads_to: [O4]}
inputs:
  - {id: R1, title: Teamchef och sex socialsekreterare, supports: [A1, A2, A3]}
indicators:
EOF
# Ten indicators with a 2022 target; the values below miss eight of them.
for k in 1 2 3 4 5 6 7 8 9 10; do
    case $k in
        1|2|3) measures=O1 ;; 4|5|6) measures=O2 ;; 7|8) measures=O3 ;; *) measures=O4 ;;
    esac
    cat >>"$data/syntetteamet.yaml" <<EOF
  - id: I$k
    title: Andel ärenden där syntetiskt delmål $k uppfylls inom avtalad tid enligt uppföljningen
    measures: $measures
    unit: percent
    direction: increase
    targets:
      - {period: "2022", rule: ">= 80"}
    source: Syntetiska uppgifter (påhittade)
EOF
done
{
    echo "indicator,period,group,value,numerator,denominator,note"
    for k in 1 2 3 4 5 6 7 8 9 10; do
        prev=$((60 + k)); now=$((58 + k))
        [ "$k" -ge 9 ] && now=$((80 + k))
        echo "I$k,2021,total,$prev,,,syntetiskt"
        echo "I$k,2022,total,$now,,,syntetiskt"
    done
} >"$data/indicators.csv"

cat >"$data/syntetteamet-readiness.yaml" <<'EOF'
schema: piloteval/instrument/v1
id: syntetteamet-readiness
name: Förändringsbenägenhet, syntetisk förvaltning (påhittad enkät)
language: sv
source: Påhittad för utskriftsprovet.
scale:
  min: 1
  max: 7
  agree_from: 6
items:
  - {key: vision, sv: Jag anser att vi arbetar utifrån en gemensam vision, en: We work from a shared vision}
  - {key: why, sv: Jag förstår varför utvecklingsarbetet behövs, en: I understand why the work is needed}
  - {key: contribute, sv: Jag vill vara med och bidra till utvecklingsarbetet, en: I want to contribute}
  - {key: prerequisites, sv: Jag har förutsättningar att arbeta på det nya sättet, en: I have what I need to work the new way}
EOF
# Two waves of three units, 12–20 respondents each; answers from a fixed recipe.
for wave in 2022-03 2023-03; do
    awk -v wave="$wave" 'BEGIN {
        split("Syntetiska enheten för barn och unga|Syntetiska enheten för förebyggande arbete|Syntetiska mottagningsenheten", units, "|")
        print "respondent,unit,vision,why,contribute,prerequisites"
        r = 0; shift = (wave == "2023-03") ? 1 : 0
        for (u = 1; u <= 3; u++) for (i = 1; i <= 12 + 4 * u; i++) {
            r++
            line = wave "-" r "," units[u]
            for (q = 1; q <= 4; q++) {
                v = 2 + (r * 7 + q * 3 + u) % 5 + (u == 1 ? shift : 0) - (u == 3 ? shift : 0)
                if (v < 1) v = 1; if (v > 7) v = 7
                line = line "," v
            }
            print line
        }
    }' >"$data/readiness-$wave.csv"
done

# Three cycles on one measure: adopted, adapted, abandoned.
n=0
for decision in adopt adapt abandon; do
    n=$((n + 1))
    cat >"$data/cykel-$n.yaml" <<EOF
schema: piloteval/pdsa/v1
id: syntet-$n
title: Syntetisk förändring $n
illustrative: true
model: syntetteamet
activity: A1
ramp: syntet
$( [ $n -gt 1 ] && echo "previous: syntet-$((n - 1))" )
measure: syntetiska-tidsplaner
change_idea: Påhittad förändringsidé $n för utskriftsprovet.
plan:
  prediction: Fler utredningar får en tidsplan.
do:
  start: 2022-0$((n * 2))-01
  end: 2022-0$((n * 2 + 1))-15
study:
  observations: Påhittade iakttagelser.
act:
  decision: $decision
EOF
done
{
    echo "month,numerator,denominator"
    for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
        echo "2022-$m,$((10 + ${m#0})),30"
    done
} >"$data/tidsplaner.csv"

cat >"$data/styrgrupp.md" <<'EOF'
# 5 Beslut som styrgruppen ombeds fatta

*Syntetiskt: skrivet för utskriftsprovet, inte ett verkligt underlag.*

1. **Implementeringens start.** Ska implementeringen i linjen börja efter sommaren, eller vänta tills enkäten i mars visar högre förändringsbenägenhet i alla tre enheterna? Underlag: avsnitt 3.
2. **Vilka arbetssätt först.** Vilket av de prövade arbetssätten (tidsplan tillsammans med familjen, familjeråd vid avslutad placering) ska föras över till linjen först, och vilket avbrutet arbetssätt ska inte tas upp igen?
3. **Uppföljning.** Ska indikatorerna som inte når målet följas upp per tertial med en åtgärdsplan för var och en?
EOF

# The generator names its pilot cohort vallingbyteamet; here it is Syntetteamet.
"$bin" synth cases --seed 20 --cases 2500 --effect-investigation-days=-12 --out "$data/synth.csv" >>"$data/log" 2>&1
sed 's/;vallingbyteamet;/;syntetteamet;/' "$data/synth.csv" >"$data/cases.csv"
run model add "$data/syntetteamet.yaml"
run indicators import "$data/indicators.csv" --model syntetteamet
run readiness import "$data/readiness-2022-03.csv" --instrument "$data/syntetteamet-readiness.yaml" --wave 2022-03
run readiness import "$data/readiness-2023-03.csv" --instrument syntetteamet-readiness --wave 2023-03
run pdsa add "$data"/cykel-*.yaml
run measures import "$data/tidsplaner.csv" --measure syntetiska-tidsplaner --date month --model syntetteamet
run cases import "$data/cases.csv" --model syntetteamet

for lang in sv en; do
    for format in html docx; do
        "$bin" report build --db "$db" --model syntetteamet --kind steering --lang "$lang" --format "$format" \
            --period 2022 --text "$data/styrgrupp.md" -o "$out/steering-$lang.$format" 2>/dev/null
    done
done
