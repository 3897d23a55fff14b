import Foundation
import LogicModel
import Periods
import Store

extension CaseDataset {
    /// The cases imported for `modelID`, the latest snapshot of each `case_id`, with
    /// the derived measures computed and open durations censored.
    ///
    /// - Supersession: among the imports of this model, a case's snapshot comes from the
    ///   extract with the latest extract date (ties: the later import). Rows are kept per
    ///   import, so `imports undo` of a later extract brings the earlier snapshot back.
    /// - Censoring: each case at the extract date of the import its snapshot came from —
    ///   what that extract could know; `extractDate` is the latest of them, or
    ///   `extractDate` when given (then only imports with an extract date on or before it
    ///   are read: the data as it stood on that day).
    /// - The pilot: the model's `cohorts.pilot` (case-insensitive match on `cohort`); the
    ///   pilot's start: the model's period start, else its earliest activity start.
    public static func load(database: Database, modelID: String, extractDate: CalendarDate? = nil) throws -> CaseDataset {
        let model = try ModelCatalog(database).resolve(modelID)
        guard let pilot = model.cohorts?.pilot else {
            throw CaseImportError("model \(modelID) has no `cohorts.pilot`; add `cohorts: {pilot: NAME}` to it (DESIGN §3.1)")
        }
        let snapshots = try loadSnapshots(database: database, modelID: model.id, asOf: extractDate)
        guard !snapshots.isEmpty else {
            throw CaseImportError("no case extract is imported for model \(model.id)\(extractDate.map { " with an extract date on or before \($0.iso)" } ?? ""); import one with `piloteval cases import FILE --model \(model.id)`")
        }
        let values = CaseMeasures.derive(snapshots)
        let start = model.period?.start ?? model.activities.compactMap(\.start).min()
        let pilotKey = pilot.trimmingCharacters(in: .whitespaces)
        var cases: [CaseRecord] = []
        cases.reserveCapacity(snapshots.count)
        for (s, v) in zip(snapshots, values) {
            var age = s.age
            if age == nil, let b = s.birthYear, let r = s.referralDate, r.year >= b { age = r.year - b }
            cases.append(CaseRecord(
                caseID: s.caseID, personKey: s.personKey, cohort: s.cohort,
                isPilot: s.cohort.caseInsensitiveCompare(pilotKey) == .orderedSame,
                unit: s.unit, area: s.area, gender: s.gender, birthYear: s.birthYear, age: age,
                referralDate: s.referralDate, referralReason: s.referralReason, values: v))
        }
        let latest = snapshots.map(\.censorDate).max()!
        return CaseDataset(modelID: model.id, pilotCohort: pilot, pilotStart: start,
                           extractDate: extractDate ?? latest, cases: cases)
    }

    /// The latest snapshot of each case for a model, read with a window function so the
    /// choice happens in SQLite, one pass.
    public static func loadSnapshots(database: Database, modelID: String, asOf: CalendarDate? = nil) throws -> [CaseSnapshot] {
        let statement = try database.prepare("""
            SELECT case_id, person_key, cohort, unit, area, gender, birth_year, age, referral_date, referral_reason,
                   assessment_decision_date, investigation_start, investigation_end, intervention_start,
                   intervention_end, caseworker_count, re_referral_date, outcomes, extract_date, import_id
            FROM (SELECT c.*, ci.extract_date,
                         row_number() OVER (PARTITION BY c.case_id ORDER BY ci.extract_date DESC, c.import_id DESC) AS n
                  FROM cases c JOIN case_imports ci ON ci.import_id = c.import_id
                  WHERE ci.model_id = ?1 AND (?2 IS NULL OR ci.extract_date <= ?2))
            WHERE n = 1
            ORDER BY referral_date, case_id
            """)
        try statement.bind(modelID, at: 1)
        try statement.bind(asOf?.iso, at: 2)
        func date(_ i: Int) -> CalendarDate? { statement.string(at: i).flatMap { CalendarDate(parsing: $0) } }
        var result: [CaseSnapshot] = []
        while try statement.step() {
            var outcomes: [String: Double] = [:]
            if let json = statement.string(at: 17),
               let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] {
                for (k, v) in object { if let n = v as? NSNumber { outcomes[k] = n.doubleValue } }
            }
            var snapshot = CaseSnapshot(
                caseID: statement.string(at: 0) ?? "", personKey: statement.string(at: 1),
                cohort: statement.string(at: 2) ?? "", unit: statement.string(at: 3), area: statement.string(at: 4),
                gender: statement.string(at: 5).flatMap(CaseRecord.Gender.init(rawValue:)),
                birthYear: statement.int(at: 6), age: statement.int(at: 7), referralDate: date(8),
                referralReason: statement.string(at: 9), assessmentDecisionDate: date(10),
                investigationStart: date(11), investigationEnd: date(12), interventionStart: date(13),
                interventionEnd: date(14), caseworkerCount: statement.double(at: 15), reReferralDate: date(16),
                outcomes: outcomes, censorDate: date(18)!)
            snapshot.importID = statement.int(at: 19)
            result.append(snapshot)
        }
        return result
    }
}
