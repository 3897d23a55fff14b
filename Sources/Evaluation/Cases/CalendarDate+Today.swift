import Foundation
import Periods

extension CalendarDate {
    /// Today in this machine's time zone (a Swedish office's date, not UTC's): what an
    /// import without an extract date takes as its reference (`CaseImportRequest.today`).
    /// Here rather than in Periods, which stays free of Foundation.
    public static func today() -> CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
