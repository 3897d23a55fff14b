extension CohortComparison {
    /// The unadjusted comparison among the cases whose gender is one of `genders` (nil
    /// stands for "not recorded"): what a report needs for a row that joins small
    /// categories ("annat/okänt", docs/privacy.md), computed from the cases rather than
    /// combined from the categories' results (a Kaplan–Meier share does not add up).
    /// - Throws: `CohortComparisonError` when no case has the outcome.
    public static func unadjusted(_ dataset: CaseDataset, outcome: String,
                                  genders: Set<CaseRecord.Gender?>) throws -> UnadjustedComparison {
        let sample = try OutcomeSample(dataset, outcome: outcome).filter { genders.contains($0.gender) }
        return UnadjustedComparison(sample, pilotLabel: dataset.pilotCohort, comparisonLabel: comparisonLabel)
    }
}
