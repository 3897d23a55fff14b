import ArgumentParser
import Evaluation
import Foundation
import Presentation
import Statistics

extension CohortComparison.Design: ExpressibleByArgument {}

/// `--by` values for `cases compare`.
enum CasesCompareBy: String, ExpressibleByArgument, CaseIterable {
    case gender
}

/// `piloteval cases compare`: pilot versus line on one case outcome (a subcommand of
/// `cases`, beside `cases import`).
struct CasesCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the pilot's cases with the line's on one outcome, honestly.",
        discussion: """
        Always: descriptives by cohort and by gender within cohort, the unadjusted
        comparison (Welch/Mann–Whitney for numbers, proportions for 0/1, Kaplan–Meier
        and log-rank for durations with open cases censored), a covariate balance table
        (standardised mean differences before/after weighting) and caveats in words.
        --design adds one estimate that respects that the pilot is one team:
          adjusted     inverse-probability weights on age, gender, referral reason
                       (regression adjustment shown as a check)
          did          the pilot's area before vs after the start against the line
                       areas, event-study pre-trends, randomisation over areas and a
                       wild cluster bootstrap
          permutation  the pilot ranked among all units (smallest p = 1/J)

        --from-start compares only cases referred from the pilot's start, so the
        pilot's years meet the line's same years (the line may reach back further).

        See docs/cohort-comparisons.md.

          piloteval cases compare --model vallingbyteamet --outcome days_to_assessment
          piloteval cases compare --model vallingbyteamet --outcome re_referral_12m \\
              --by gender --format json
          piloteval cases compare --model vallingbyteamet \\
              --outcome investigation_within_4m --design did
          piloteval cases compare --model vallingbyteamet --outcome re_referral_12m \\
              --from-start
        """
    )

    @Option(help: "The logic model (id or path) whose cases to compare.") var model: String
    @Option(help: "Outcome name, e.g. days_to_assessment, investigation_within_4m, re_referral_12m.") var outcome: String
    @Option(help: "Also compare within each value of: gender.") var by: CasesCompareBy?
    @Option(help: "unadjusted, adjusted, did or permutation.") var design: CohortComparison.Design = .unadjusted
    @Flag(help: "Compare only cases referred from the pilot's start (reports show both; did still reads the years before).")
    var fromStart = false
    @Option(help: "Seed of the wild cluster bootstrap (did).") var seed: UInt = 20240601
    @Option(help: "Wild cluster bootstrap replicates (did).") var replicates: Int = 9999
    @Option(help: "table or json.") var format: ResultFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard replicates >= 99 else { throw ValidationError("--replicates must be at least 99") }
    }

    func run() throws {
        try reportingFailures {
            let dataset = try loadCaseDataset(database: database, modelID: model)
            let options = CohortComparison.Options(
                design: design, byGender: by == .gender,
                bootstrap: .init(weights: .webb, replicates: replicates, seed: seed), fromPilotStart: fromStart)
            let result: CohortComparisonResult
            do {
                result = try CohortComparison.run(dataset, outcome: outcome, options: options)
            } catch let e as CohortComparisonError {
                throw Failure(e.message)
            }
            guard format == .table else { print(try ResultOutput.json(result), terminator: ""); return }
            // The result's blocks (Presentation), in English for the analyst.
            print(PlainTextWriter().render(result.blocks(style: .terminal)), terminator: "")
        }
    }
}
