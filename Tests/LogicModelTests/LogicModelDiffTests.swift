import Foundation
@testable import LogicModel
import Periods
import Testing

/// `LogicModelDiff.compare`: hand-built pairs of models, each differing in one known way,
/// and the exact added / removed / changed result.
@Suite struct LogicModelDiffTests {
    static let base: LogicModel = {
        let yaml = """
            schema: piloteval/logic-model/v1
            id: exempel
            name: Exempelteamet
            period: {start: 2021-01-01, end: 2022-12-31}
            description: Ett exempel på en logikmodell.
            goals:
              - {id: G1, title: Barn har en trygg uppväxt, level: kf, code: "1"}
              - {id: G2, title: Familjer får rätt stöd i tid, level: namnd, code: "1.4", parent: G1}
              - {id: G3, title: Medarbetare trivs, level: enhet}
            outcomes:
              - {id: O1, title: Kortare utredningstider, term: short, contributes_to: [G2]}
            outputs:
              - {id: P1, title: Tidsplanerade utredningar, leads_to: [O1]}
            activities:
              - {id: A1, title: Hela kedjan, leads_to: [P1]}
            assumptions:
              - {id: AS1, text: Personalen stannar i teamet, on: [A1], critical: true}
            indicators:
              - id: I1
                title: Andel utredningar inom fyra månader
                measures: O1
                unit: percent
                direction: increase
                targets:
                  - {period: "2021", rule: ">= 75"}
                  - {period: "2022", rule: ">= 80"}
                  - {period: "2022", rule: ">= 70", set_by: city}
                frequency: tertial
            """
        let result = LogicModelDecoder.decode(Data(yaml.utf8), file: "exempel.yaml")
        precondition(result.isValid, "\(result.diagnostics)")
        return result.model!
    }()

    typealias Diff = LogicModelDiff

    /// Every kind except `kind` has no change.
    func onlyChanges(in kind: NodeKind, _ diff: Diff, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(diff.modelFields.isEmpty, sourceLocation: sourceLocation)
        for other in NodeKind.diffOrder where other != kind {
            #expect(diff.changes(of: other).isEmpty, "\(other)", sourceLocation: sourceLocation)
        }
        #expect(!diff.isUnchanged, sourceLocation: sourceLocation)
    }

    @Test func aTargetChanged() throws {
        var b = Self.base
        b.indicators[0].targets[1].rule = try TargetRule(parsing: ">= 85")
        let diff = Diff.compare(Self.base, b, fromVersion: 1, toVersion: 2)
        onlyChanges(in: .indicator, diff)
        #expect(diff.indicators == Diff.NodeChanges(changed: [
            Diff.NodeChange(id: "I1", title: "Andel utredningar inom fyra månader", targets: [
                Diff.TargetChange(change: .changed, period: Period(kind: .year, year: 2022)!, setBy: .unit,
                                  old: Diff.TargetValue(rule: try TargetRule(parsing: ">= 80")),
                                  new: Diff.TargetValue(rule: try TargetRule(parsing: ">= 85"))),
            ], unit: .percent),
        ]))
        #expect(diff.fromVersion == 1 && diff.toVersion == 2)
    }

    @Test func targetsAddedRemovedAndTheCitysKeptApart() throws {
        var b = Self.base
        b.indicators[0].targets.removeFirst()                                   // 2021 removed
        b.indicators[0].targets.append(Target(period: Period(kind: .year, year: 2023)!, rule: try TargetRule(parsing: ">= 90")))
        b.indicators[0].targets[1].rule = try TargetRule(parsing: ">= 75")     // the city's 2022 target
        b.indicators[0].targets.reverse()                                       // order is not a change
        let diff = Diff.compare(Self.base, b)
        let targets = try #require(diff.indicators.changed.first?.targets)
        #expect(targets.map(\.change) == [.removed, .changed, .added])
        #expect(targets.map(\.period.text) == ["2021", "2022", "2023"])
        #expect(targets[1].setBy == .city)
        #expect(targets[1].old?.rule.text == ">= 70" && targets[1].new?.rule.text == ">= 75")
    }

    @Test func anIndicatorAdded() {
        var b = Self.base
        b.indicators.append(Indicator(id: "I2", title: "Antal familjer i aktiviteten", measures: "A1", unit: .count, direction: .none))
        let diff = Diff.compare(Self.base, b)
        onlyChanges(in: .indicator, diff)
        #expect(diff.indicators == Diff.NodeChanges(added: [Diff.NodeRef(id: "I2", title: "Antal familjer i aktiviteten")]))
    }

    @Test func aGoalRetitledAndAnotherRemoved() {
        var b = Self.base
        b.goals[1].title = "Barn och familjer får rätt stöd i tid"
        b.goals.remove(at: 2)
        let diff = Diff.compare(Self.base, b)
        onlyChanges(in: .goal, diff)
        #expect(diff.goals == Diff.NodeChanges(
            removed: [Diff.NodeRef(id: "G3", title: "Medarbetare trivs")],
            changed: [Diff.NodeChange(id: "G2", title: "Barn och familjer får rätt stöd i tid", code: "1.4", fields: [
                Diff.FieldChange(field: .title, old: "Familjer får rätt stöd i tid", new: "Barn och familjer får rätt stöd i tid"),
            ])]))
    }

    @Test func aParentLinkMoved() {
        var b = Self.base
        b.outcomes[0].contributesTo = ["G3"]
        b.goals[1].parent = "G3"
        let diff = Diff.compare(Self.base, b)
        #expect(diff.goals.changed == [Diff.NodeChange(id: "G2", title: "Familjer får rätt stöd i tid", code: "1.4", fields: [
            Diff.FieldChange(field: .parent, old: "G1", new: "G3",
                             added: [Diff.NodeRef(id: "G3", title: "Medarbetare trivs")],
                             removed: [Diff.NodeRef(id: "G1", title: "Barn har en trygg uppväxt", code: "1")]),
        ])])
        #expect(diff.outcomes.changed == [Diff.NodeChange(id: "O1", title: "Kortare utredningstider", fields: [
            Diff.FieldChange(field: .contributesTo, old: "G2", new: "G3",
                             added: [Diff.NodeRef(id: "G3", title: "Medarbetare trivs")],
                             removed: [Diff.NodeRef(id: "G2", title: "Familjer får rätt stöd i tid", code: "1.4")]),
        ])])
        #expect(diff.indicators.isEmpty && diff.outputs.isEmpty && diff.modelFields.isEmpty)
    }

    @Test func nothingChanged() {
        let diff = Diff.compare(Self.base, Self.base, fromVersion: 3, toVersion: 4)
        #expect(diff.isUnchanged)
        #expect(diff == Diff(model: "exempel", modelName: "Exempelteamet", fromVersion: 3, toVersion: 4))
    }

    @Test func whitespaceAndOrderAreNotChanges() {
        var b = Self.base
        b.description = "Ett exempel på\n  en logikmodell. "
        b.goals[0].title = "Barn har en  trygg uppväxt"
        b.assumptions[0].on = ["A1", "A1"]
        b.outcomes[0].contributesTo = ["G2"]
        b.indicators[0].targets.reverse()
        b.goals.reverse()
        let diff = Diff.compare(Self.base, b)
        #expect(diff.isUnchanged)
        #expect(diff.whitespaceOnly == [Diff.WhitespaceOnly(kind: nil, id: nil, field: .description),
                                        Diff.WhitespaceOnly(kind: .goal, id: "G1", field: .title)])
    }

    @Test func indicatorFieldsModelFieldsAndAssessments() throws {
        var b = Self.base
        b.name = "Exempelteamet 2.0"
        b.cohorts = Cohorts(pilot: "exempel", comparison: ["linjen"])
        b.indicators[0].unit = .ratio
        b.indicators[0].direction = .decrease
        b.indicators[0].frequency = .year
        b.indicators[0].source = "Verksamhetssystemet"
        b.indicators[0].measures = "P1"
        b.indicators[0].data = .cases(outcome: "investigation_within_4m", cohort: .pilot, comparison: .line)
        b.indicators[0].baseline = Baseline(period: Period(kind: .year, year: 2020)!, value: 61.5)
        b.goals[1].assessments = [RecordedAssessment(period: Period(kind: .year, year: 2021)!, result: .partlyMet, justification: "Två av tre.")]
        let diff = Diff.compare(Self.base, b)
        #expect(diff.modelFields == [
            Diff.FieldChange(field: .name, old: "Exempelteamet", new: "Exempelteamet 2.0"),
            Diff.FieldChange(field: .cohortPilot, old: nil, new: "exempel"),
            Diff.FieldChange(field: .cohortComparison, old: nil, new: "linjen"),
        ])
        let i1 = try #require(diff.indicators.changed.first)
        #expect(i1.fields.map(\.field) == [.measures, .unit, .direction, .frequency, .measurementMethod])
        #expect(i1.field(.measures)?.added == [Diff.NodeRef(id: "P1", title: "Tidsplanerade utredningar")])
        #expect(i1.field(.frequency) == Diff.FieldChange(field: .frequency, old: "tertial", new: "year"))
        #expect(i1.baseline?.change == .added && i1.baseline?.new?.value == 61.5)
        #expect(i1.data?.change == .added)
        #expect(i1.unit == .ratio)
        #expect(diff.goals.changed.first?.assessments.map(\.change) == [.added])
    }

    @Test func jsonHasSnakeCaseKeysAndNulls() throws {
        var b = Self.base
        b.indicators[0].targets[2].rule = try TargetRule(parsing: ">= 75")
        b.outcomes[0].contributesTo = ["G2", "G3"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(Diff.compare(Self.base, b, fromVersion: 1, toVersion: 2)), as: UTF8.self)
        #expect(json.contains(#""from_version":1"#))
        #expect(json.contains(#""model_fields":[]"#))
        #expect(json.contains(#""unchanged":false"#))
        #expect(json.contains(#""whitespace_only":[]"#))
        #expect(json.contains(#""set_by":"city""#))
        #expect(json.contains(#""new":{"note":null,"rule":">= 75"}"#))
        #expect(json.contains(#"{"added":[{"id":"G3","title":"Medarbetare trivs"}],"field":"contributes_to","new":"G2, G3","old":"G2","removed":[]}"#))
        // It reads back as the same value.
        let back = try JSONDecoder().decode(Diff.self, from: Data(json.utf8))
        #expect(back == Diff.compare(Self.base, b, fromVersion: 1, toVersion: 2))
    }

    @Test func aNodeThatChangedKindIsRemovedAndAdded() {
        var b = Self.base
        b.outputs = []
        b.activities[0].leadsTo = ["O1"]
        b.outcomes.append(Outcome(id: "P1", title: "Tidsplanerade utredningar", contributesTo: ["G2"]))
        let diff = Diff.compare(Self.base, b)
        #expect(diff.outputs.removed.map(\.id) == ["P1"])
        #expect(diff.outcomes.added.map(\.id) == ["P1"])
    }
}
