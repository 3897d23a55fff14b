import Foundation
import Periods
import Testing

@Suite("Periods")
struct PeriodTests {
    @Test(arguments: [
        ("2021", Period.Kind.year, 2021, 1), ("2021-T1", .tertial, 2021, 1), ("2021-T3", .tertial, 2021, 3),
        ("2021-Q1", .quarter, 2021, 1), ("2021-Q4", .quarter, 2021, 4), ("2021-03", .month, 2021, 3),
        ("2021-3", .month, 2021, 3), ("2021-12", .month, 2021, 12), ("2021t2", .tertial, 2021, 2),
        ("2021 T2", .tertial, 2021, 2), (" 2022-q2 ", .quarter, 2022, 2),
    ])
    func parses(_ text: String, _ kind: Period.Kind, _ year: Int, _ index: Int) {
        #expect(Period.parse(text) == .value(Period(kind: kind, year: year, index: index)!))
    }

    @Test(arguments: ["2021-T4", "2021-T0", "2021-Q5", "2021-13", "2021-00", "21", "2021-", "T1 2021",
                      "2021-H1", "2021-T12", "tertial", "2021-03-05", "20211"])
    func invalidHasAReason(_ text: String) {
        let result = Period.parse(text)
        #expect(result.value == nil)
        #expect(result.reason != nil, "\(text) should be invalid with a reason")
    }

    @Test func blankIsEmpty() {
        #expect(Period.parse("") == .empty)
    }

    @Test func textRoundTrips() {
        for text in ["2021", "2021-T2", "2021-Q3", "2021-03", "2021-11"] {
            #expect(Period(parsing: text)?.text == text)
        }
    }

    @Test func calendar() throws {
        let t1 = try #require(Period(parsing: "2021-T1"))
        #expect(t1.start.iso == "2021-01-01")
        #expect(t1.end.iso == "2021-04-30")
        #expect(Period(parsing: "2021-T2")!.end.iso == "2021-08-31")
        #expect(Period(parsing: "2021-T3")!.start.iso == "2021-09-01")
        #expect(Period(parsing: "2020-02")!.end.iso == "2020-02-29")
        #expect(Period(parsing: "2021-Q4")!.end.iso == "2021-12-31")
        #expect(Period(parsing: "2021")!.end.iso == "2021-12-31")
        #expect(t1.contains(CalendarDate(parsing: "2021-04-30")!))
        #expect(!t1.contains(CalendarDate(parsing: "2021-05-01")!))
        #expect(Period(parsing: "2021")!.contains(t1))
        #expect(!t1.contains(Period(parsing: "2021")!))
        #expect(t1.yearPeriod == Period(parsing: "2021"))
        #expect(t1.year == 2021)
        #expect(Period(containing: CalendarDate(parsing: "2021-05-01")!, kind: .tertial) == Period(parsing: "2021-T2"))
        #expect(Period(containing: CalendarDate(parsing: "2021-12-31")!, kind: .quarter) == Period(parsing: "2021-Q4"))
    }

    @Test func previousAndNextCrossYears() {
        #expect(Period(parsing: "2021-T1")!.previous.text == "2020-T3")
        #expect(Period(parsing: "2020-T3")!.next.text == "2021-T1")
        #expect(Period(parsing: "2021-Q1")!.previous.text == "2020-Q4")
        #expect(Period(parsing: "2021-01")!.previous.text == "2020-12")
        #expect(Period(parsing: "2021")!.previous.text == "2020")
        #expect(Period(parsing: "2021-T2")!.previous.text == "2021-T1")
    }

    @Test func ordering() {
        let texts = ["2021-T2", "2020", "2021-01", "2021", "2021-T1", "2020-T3", "2021-Q1"]
        let sorted = texts.compactMap { Period(parsing: $0) }.sorted().map(\.text)
        #expect(sorted == ["2020", "2020-T3", "2021", "2021-T1", "2021-Q1", "2021-01", "2021-T2"])
    }

    @Test func codableAsText() throws {
        let json = try JSONEncoder().encode([Period(parsing: "2021-T1")!])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2021-T1\"]")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Period].self, from: Data("[\"2021-T4\"]".utf8))
        }
    }
}
