extension CohortComparison {
    /// The unadjusted comparison among the cases whose gender is one of `genders` (nil
    /// stands for "not recorded"): what a report needs for a row that joins small
    /// categories ("annat/okänt", docs/privacy.md), computed from the cases rather than
    /// combined from the categories' results (a Kaplan–Meier share does not add up).
    /// - Throws: `CohortComparisonError` when no case has the outcome.
    public static func unadjusted(_ dataset: CaseDataset, outcome: String,
                                  genders: Set<CaseRecord.Gender?>? = nil) throws -> UnadjustedComparison {
        var sample = try OutcomeSample(dataset, outcome: outcome)
        if let genders { sample = sample.filter { genders.contains($0.gender) } }
        return UnadjustedComparison(sample, pilotLabel: dataset.pilotCohort, comparisonLabel: comparisonLabel)
    }
}

extension CohortComparison {
    /// The difference-in-differences of one outcome alone (no wild bootstrap: a report
    /// shows the randomisation over areas), as `run` with `--design did` computes it.
    /// - Throws: `CohortComparisonError` when no case has the outcome.
    public static func differenceInDifferences(_ dataset: CaseDataset, outcome: String) throws -> CohortDifferenceInDifferences {
        let sample = try OutcomeSample(dataset, outcome: outcome)
        return CohortDifferenceInDifferences.compute(dataset: dataset, sample: sample, bootstrap: nil)
    }

    /// Girls against boys within one cohort (the pilot's cases, or the line's), as the
    /// unadjusted comparison does pilot against line: girls take the pilot's place, so
    /// every difference is girls − boys (Welch for means, Newcombe for proportions, a
    /// Wald interval from Greenwood's errors for a share within a time limit).
    /// - Throws: `CohortComparisonError` when no case has the outcome.
    public static func girlsAgainstBoys(_ dataset: CaseDataset, outcome: String, pilot: Bool) throws -> UnadjustedComparison {
        let sample = try OutcomeSample(dataset, outcome: outcome).girlsAgainstBoys(pilot: pilot)
        return UnadjustedComparison(sample, pilotLabel: "girl", comparisonLabel: "boy")
    }
}
