import Foundation
import Periods
import Testing
@testable import LogicModel

/// YAML → model → JSON → model preserves every field.
@Suite struct RoundTripTests {
    @Test func jsonRoundTripPreservesTheModel() throws {
        let model = try #require(Fixtures.read("valid/complete.yaml").model)
        let json = try JSONRenderer.render(model)
        let back = try JSONRenderer.decode(json)
        #expect(back == model)
        // Re-encoding is byte-identical (sorted keys), so stored JSON is stable.
        #expect(try JSONRenderer.render(back) == json)
    }

    @Test func everyFieldIsRead() throws {
        let m = try #require(Fixtures.read("valid/complete.yaml").model)
        #expect(m.id == "exempelteamet")
        #expect(m.language == .sv)
        #expect(m.owner == "Exempel stadsdelsförvaltning, avdelningen för barn och unga")
        #expect(m.period == DateRange(start: CalendarDate(year: 2020, month: 1, day: 1)!, end: CalendarDate(year: 2022, month: 12, day: 31)!))
        #expect(m.cohorts == Cohorts(pilot: "exempelteamet", comparison: ["linjen"]))
        #expect(m.goals.map(\.id) == ["G1", "G2"])
        #expect(m.goals[1].parent == "G1" && m.goals[1].level == .namnd && m.goals[1].code == "1.4")
        #expect(m.goals[1].assessments == [RecordedAssessment(period: Period(parsing: "2021")!, result: .partlyMet, justification: "Två av tre indikatorer uppfylldes.")])
        #expect(m.outcomes[1].term == .intermediate && m.outcomes[1].contributesTo == ["G2"])
        #expect(m.outputs[0].leadsTo == ["O2"])
        #expect(m.activities[0].leadsTo == ["P1", "O1"] && m.activities[0].responsible == "Teamchef")
        #expect(m.activities[0].end == CalendarDate(year: 2022, month: 12, day: 31))
        #expect(m.inputs[0].supports == ["A1"])
        #expect(m.assumptions[0].on == ["A1", "O1"] && m.assumptions[0].critical)
        let i1 = m.indicators[0]
        #expect(i1.unit == .percent && i1.direction == .decrease && i1.frequency == .tertial)
        #expect(i1.baseline == Baseline(period: Period(parsing: "2019")!, value: 24, note: "Från verksamhetssystemet"))
        #expect(i1.targets.count == 4)
        #expect(i1.targets[2].setBy == .city)
        #expect(i1.targets[3].rule == .any([.threshold(.atMost, .init(value: 6.1, decimals: 1)), .improve]))
        #expect(i1.targets[3].note == "max 6,1 % eller minskar")
        #expect(i1.breakdowns == ["gender": ["girls", "boys", "other"]])
        let i2 = m.indicators[1]
        #expect(i2.illustrative && i2.note == "Förslag från processledaren")
        #expect(i2.targets[0].period == Period(kind: .tertial, year: 2021, index: 2))
        #expect(i2.targets[2].rule == .qualitative && i2.targets[2].note == "tas fram av nämnd")
    }
}
