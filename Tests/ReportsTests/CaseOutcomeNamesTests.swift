import LogicModel
@testable import Presentation
@testable import Reports
import Testing

/// The outcomes' names moved from the reports' string tables to Presentation
/// (`CaseOutcomeNames`, shared with the web's blocks): the reports' defaults and the
/// order of the strings file stay as they were.
@Suite struct CaseOutcomeNamesTests {
    @Test func reportDefaultsUnchanged() {
        let sv = ReportStrings(.sv), en = ReportStrings(.en)
        let expected: [(String, String, String)] = [
            ("days_to_assessment", "Dagar till beslut om förhandsbedömning", "Days to the initial assessment decision"),
            ("assessment_within_14d", "Förhandsbedömning inom 14 dagar", "Initial assessment within 14 days"),
            ("investigation_days", "Utredningstid (dagar)", "Investigation length (days)"),
            ("investigation_within_4m", "Utredning klar inom 4 månader", "Investigation completed within 4 months"),
            ("re_referral_12m", "Ny aktualisering inom 12 månader", "Re-referral within 12 months"),
            ("distinct_caseworkers", "Antal handläggare per ärende", "Caseworkers per case"),
            ("investigations_per_child", "Utredningar per barn", "Investigations per child"),
        ]
        for (key, s, e) in expected {
            #expect(sv("cohort.outcome.\(key)") == s)
            #expect(en("cohort.outcome.\(key)") == e)
        }
        // Same place in the strings file as before the move.
        let keys = ReportStrings.keys
        let at = keys.firstIndex(of: "cohort.outcome.days_to_assessment")
        #expect(at.map { keys[$0 - 1] } == "cohort.gender.value.time_to_event")
        #expect(at.map { keys[$0 + 7] } == "cohort.share.days_to_assessment")   // then the durations' shares (a share's name)
        #expect(at.map { keys[$0 + 9] } == "readiness.none")
        #expect(Set(ReportStrings.enTable.map(\.0)) == Set(keys))
    }
}
