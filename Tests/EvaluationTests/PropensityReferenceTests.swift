import Foundation
import Periods
import Store
import Testing
@testable import Evaluation

/// `--design adjusted` on the tutorial's 1 500-case extract (docs/tutorial.md §3). Its
/// line has 16 cases of gender "other" with the outcome and the pilot none: the
/// propensity model used to fail (quasi-complete separation), saying only "could not be
/// fitted". The level is now pooled with the reference, with a note, and the weights and
/// ATT agree with statsmodels' Logit on the same data
/// (Fixtures/propensity/make_propensity_reference.py).
@Suite struct PropensityReferenceTests {
    static func fixture(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/propensity").appendingPathComponent(name)
    }

    /// The fixture's cases as the importer stores them, measures derived by the same code
    /// as `CaseDataset.load`.
    static func dataset() throws -> CaseDataset {
        let reader = try CSVReader(path: fixture("tutorial-cases.csv").path)
        let extract = CalendarDate(year: 2022, month: 12, day: 31)!
        func col(_ name: String) throws -> Int { try #require(reader.columnIndex(name)) }
        let (id, cohort, age, gender, reason, start, end) = try (col("case_id"), col("cohort"), col("age"), col("gender"),
                                                                 col("referral_reason"), col("investigation_start"),
                                                                 col("investigation_end"))
        let snapshots = try reader.readAll().map { r in
            CaseSnapshot(caseID: r[id], cohort: r[cohort], gender: CaseRecord.Gender(rawValue: r[gender]),
                         age: Int(r[age]), referralReason: r[reason].isEmpty ? nil : r[reason],
                         investigationStart: CalendarDate(parsing: r[start]), investigationEnd: CalendarDate(parsing: r[end]),
                         censorDate: extract)
        }
        let values = CaseMeasures.derive(snapshots)
        let cases = zip(snapshots, values).map { s, v in
            CaseRecord(caseID: s.caseID, cohort: s.cohort, isPilot: s.cohort == "norrteamet", gender: s.gender, age: s.age,
                       referralReason: s.referralReason, values: v)
        }
        return CaseDataset(modelID: "norrteamet", pilotCohort: "norrteamet", pilotStart: nil, extractDate: extract, cases: cases)
    }

    static func close(_ a: Double?, _ b: Double, rel: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= rel * max(abs(b), 1e-15)
    }

    @Test func weightsAndATTMatchStatsmodels() throws {
        let reference = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.fixture("propensity_reference.json"))) as? [String: Any])
        let dataset = try Self.dataset()
        let sample = try OutcomeSample(dataset, outcome: "investigation_within_4m")
        #expect(sample.pilot.count == reference["n_pilot"] as? Int && sample.comparison.count == reference["n_line"] as? Int)

        let adjustment = PropensityAdjustment(sample: sample)
        #expect(adjustment.failure == nil, "\(adjustment.notes)")
        // The model's columns: the reference's, in any order.
        #expect(Set(adjustment.covariates.modelColumns.map(\.balanceName))
                == Set(try #require(reference["model_columns"] as? [String]).map { $0 == "age" ? "age (model, unknown → mean)" : $0 }))
        #expect(adjustment.notes.contains { $0.hasPrefix("gender: other: 0 pilot and 16 line case(s)") && $0.contains("pools them with the reference level (boy)") })

        let expected = try #require(reference["weights"] as? [String: Double])
        let weights = try #require(adjustment.weights)
        #expect(weights.count == expected.count)
        var worst = 0.0
        for (observation, w) in zip(sample.all, weights) {
            let e = try #require(expected[observation.record.caseID])
            worst = max(worst, abs(w - e) / e)
        }
        #expect(worst <= 1e-9, "largest relative difference of a weight: \(worst)")

        let result = try CohortComparison.run(dataset, outcome: "investigation_within_4m", options: .init(design: .adjusted))
        let adjusted = try #require(result.adjusted)
        #expect(Self.close(adjusted.pilotValue.value, reference["pilot_mean"] as! Double))
        #expect(Self.close(adjusted.comparisonWeightedValue.value, reference["line_weighted_mean"] as! Double))
        #expect(Self.close(adjusted.ipwEstimate.value, reference["att"] as! Double))
        #expect(Self.close(adjusted.effectiveComparisonN.value, reference["effective_n_line"] as! Double))
        // The balance table still shows the pooled level, now with an "after" SMD.
        let other = try #require(result.balance.rows.first { $0.name == "gender: other" })
        #expect(other.smdAfter.isDefined)
    }

    /// When the model still cannot be fitted, every undefined figure names the real
    /// reason, not "see notes".
    @Test func aFailedFitSaysWhy() throws {
        var dataset = try Self.dataset()
        // Every pilot case is 17 or older and every line case younger: age separates the
        // cohorts completely.
        dataset.cases = dataset.cases.map { c in
            var c = c
            c.age = c.isPilot ? 17 + Int(c.caseID.suffix(1))! % 2 : Int(c.caseID.suffix(1))! % 16
            return c
        }
        let result = try CohortComparison.run(dataset, outcome: "investigation_within_4m", options: .init(design: .adjusted))
        let adjusted = try #require(result.adjusted)
        let note = try #require(adjusted.ipwEstimate.note ?? adjusted.comparisonWeightedValue.note)
        #expect(note.contains("separation"), "\(note)")
        let age = try #require(result.balance.rows.first { $0.name == "age" })
        #expect(age.smdAfter.note?.contains("separation") == true, "\(String(describing: age.smdAfter.note))")
        #expect(!(result.balance.effectiveComparisonN.note ?? "").contains("see notes"))
    }
}
