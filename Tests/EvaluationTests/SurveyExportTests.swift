import Testing
import LogicModel
@testable import Evaluation

/// Survey-tool exports read through the instrument: headings by statement text or its
/// start, answers by the scale's labels (docs/readiness.md, "Survey-tool exports").
struct SurveyExportTests {
    let instrument = Instrument(
        id: "t", name: "T",
        scale: ResponseScale(min: 1, max: 7, anchors: [
            ScaleAnchor(value: 1, sv: "Instämmer inte alls", en: "Do not agree at all"),
            ScaleAnchor(value: 4, sv: "Varken eller", en: "Neither"),
            ScaleAnchor(value: 7, sv: "Instämmer helt", en: "Agree completely"),
        ]),
        items: [
            SurveyItem(key: "why", sv: "Jag förstår varför utvecklingsarbetet behövs", en: "I understand why the development work is needed"),
            SurveyItem(key: "measure", sv: "Jag förstår varför vi mäter resultaten", en: "I understand why we measure results"),
            SurveyItem(key: "time", sv: "Jag har tid för arbetet"),
        ])

    @Test func headingsByStatementItsStartOrWithMoreAfterIt() {
        func key(_ h: String) -> SurveyExport.HeaderMatch { SurveyExport.item(forHeader: h, in: instrument) }
        #expect(key("Jag förstår varför utvecklingsarbetet behövs") == .item("why"))
        #expect(key("3. Jag har tid för arbetet?") == .item("time"))                   // numbering, punctuation
        #expect(key("Q2  JAG FÖRSTÅR VARFÖR VI MÄTER") == .item("measure"))            // the start, any case
        #expect(key("I understand why the development work is needed") == .item("why"))  // English
        #expect(key("Jag har tid för arbetet - 1 = instämmer inte alls, 7 = instämmer helt") == .item("time"))
        #expect(key("Jag förstår varför") == .ambiguous(["why", "measure"]))
        #expect(key("Jag har") == .none)                 // too short a start to trust
        #expect(key("Vilken enhet arbetar du på?") == .none)
    }

    @Test func answersByLabelNumberAndLabelOrEnglishLabel() {
        func value(_ t: String) -> SurveyExport.Answer { SurveyExport.answer(t, scale: instrument.scale) }
        #expect(value("Instämmer helt") == .value(7))
        #expect(value("instämmer inte alls") == .value(1))
        #expect(value("7 – Instämmer helt") == .value(7))
        #expect(value("7 - instämmer helt") == .value(7))
        #expect(value("4. Varken eller") == .value(4))
        #expect(value("Varken eller (4)") == .value(4))
        #expect(value("Agree completely") == .value(7))
        #expect(value("1 = Do not agree at all") == .value(1))
        #expect(value("5 – ganska mycket") == .value(5))          // no anchor for 5: the number stands
        #expect(value("7 – Instämmer inte alls") == .disagrees(7))
        #expect(value("Vet ej") == .unknown)
        #expect(value("9 – Instämmer helt") == .unknown)         // off the scale
    }
}
