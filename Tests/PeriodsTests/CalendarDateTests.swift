import Foundation
import Periods
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(arguments: [
        ("2021-03-05", 2021, 3, 5), ("20210305", 2021, 3, 5), ("2021-03-05 14:30", 2021, 3, 5),
        ("2021-03-05T14:30:00Z", 2021, 3, 5), ("2021-3-5", 2021, 3, 5), (" 2020-02-29 ", 2020, 2, 29),
        ("25/3/2021", 2021, 3, 25), ("3/25/2021", 2021, 3, 25), ("4/4/2021", 2021, 4, 4),
        ("2000-02-29", 2000, 2, 29), ("2021-12-31", 2021, 12, 31),
    ])
    func parses(_ text: String, _ y: Int, _ m: Int, _ d: Int) {
        #expect(CalendarDate.parse(text) == .value(CalendarDate(year: y, month: m, day: d)!))
    }

    @Test(arguments: [
        "2021-02-29", "1900-02-29", "2021-04-31", "2021-13-01", "2021-00-10", "20211301",
        "5/3/2021", "13/13/2021", "2021-03", "21-03-05", "yesterday", "2021.03.05", "44260",
    ])
    func invalidHasAReason(_ text: String) {
        let result = CalendarDate.parse(text)
        #expect(result.value == nil)
        #expect(result.reason != nil, "\(text) should be invalid with a reason")
    }

    @Test func blankIsEmpty() {
        #expect(CalendarDate.parse("") == .empty)
        #expect(CalendarDate(parsing: "  ") == nil)
    }

    @Test func dayArithmetic() throws {
        let d = try #require(CalendarDate(parsing: "2021-03-01"))
        #expect(d.days(until: CalendarDate(parsing: "2021-03-15")!) == 14)
        #expect(d.adding(days: -1).iso == "2021-02-28")
        #expect(CalendarDate(parsing: "2020-02-28")!.adding(days: 1).iso == "2020-02-29")
        #expect(CalendarDate(parsing: "2020-12-31")!.adding(days: 1).iso == "2021-01-01")
        #expect(CalendarDate(parsing: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate(dayNumber: 18_691).iso == "2021-03-05")
        #expect(CalendarDate(parsing: "2020-01-01")!.days(until: CalendarDate(parsing: "2021-01-01")!) == 366)
        #expect(d.weekday == 1)  // 2021-03-01 was a Monday
        // Round trip across four centuries, including 1900 (not leap) and 2000 (leap).
        for n in stride(from: -30_000, through: 120_000, by: 37) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test func calendarMonthsClampToMonthEnd() {
        func plus(_ s: String, _ m: Int) -> String { CalendarDate(parsing: s)!.adding(months: m).iso }
        #expect(plus("2021-01-31", 1) == "2021-02-28")
        #expect(plus("2020-01-31", 1) == "2020-02-29")
        #expect(plus("2021-10-31", 4) == "2022-02-28")
        #expect(plus("2021-03-05", 4) == "2021-07-05")
        #expect(plus("2021-11-15", 2) == "2022-01-15")
        #expect(plus("2021-03-31", -1) == "2021-02-28")
        #expect(plus("2021-01-15", -1) == "2020-12-15")
    }

    @Test func codableAsISOText() throws {
        let date = CalendarDate(year: 2021, month: 3, day: 5)!
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2021-03-05\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2021-02-29\"]".utf8))
        }
    }
}
