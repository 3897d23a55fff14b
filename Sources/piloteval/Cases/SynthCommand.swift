import ArgumentParser
import Evaluation
import Foundation
import Periods

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Synthetic data with known truth.",
        subcommands: [SynthCases.self]
    )
}

extension SyntheticCaseWriter.Dialect: ExpressibleByArgument {}
extension SyntheticCaseWriter.DateForm: ExpressibleByArgument {}
extension SyntheticCaseWriter.Headers: ExpressibleByArgument {}

struct SynthCases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Write a synthetic case extract with effects you plant (deterministic by seed).",
        discussion: """
        One pilot team (cohort vallingbyteamet, area Vällingby from --pilot-start) and
        six line units; referrals 2018–2022; gender, age, referral reasons;
        förhandsbedömning, investigations, interventions, caseworkers, re-referrals as
        new cases of the same child; open cases blank after the extract date. Effects
        apply to pilot cases only. The same seed and flags give the same bytes
        (xoshiro256**, docs/cases.md).

          piloteval synth cases --seed 1 --out cases.csv
          piloteval synth cases --seed 7 --cases 20000 \\
              --effect-investigation-days=-15 \\
              --effect-re-referral=-0.05 --truth truth.json --out cases.csv
          piloteval synth cases --seed 1 --headers swedish --identity \\
              --dialect windows-1252 \\
              --out utdrag.csv --map-out mapping.yaml
        """
    )

    @Option(help: "Random seed (any non-negative integer).") var seed: UInt64
    @Option(help: "Output file (default: stdout).") var out: String?
    @Option(help: "Number of cases.") var cases: Int = 4_000
    @Option(help: "Pilot minus line: mean days to the förhandsbedömning decision.") var effectAssessmentDays: Double = 0
    @Option(help: "Pilot minus line: mean investigation length in days.") var effectInvestigationDays: Double = 0
    @Option(help: "Pilot minus line: probability of re-referral within 12 months after a closed investigation (e.g. --effect-re-referral=-0.05; negative values need the =).")
    var effectReReferral: Double = 0
    @Option(help: "Pilot minus line: mean number of distinct caseworkers per case.") var effectCaseworkers: Double = 0
    @Option(help: "SD of each area's random shift in days to assessment (case mix).") var areaSdAssessment: Double = 1.5
    @Option(help: "SD of each area's random shift in investigation days (case mix).") var areaSdInvestigation: Double = 10
    @Option(help: "When the pilot team takes over its area, YYYY-MM-DD.") var pilotStart: String = "2020-01-01"
    @Option(help: "Extract date, YYYY-MM-DD: later dates are blank (open cases).") var extractDate: String = "2022-12-31"
    @Flag(help: "Include a personnummer column with valid made-up numbers (import needs --key-file).") var identity = false
    @Option(help: "excel-sv (; , BOM), windows-1252 (; , Windows-1252) or plain (, . UTF-8).")
    var dialect: SyntheticCaseWriter.Dialect = .excelSv
    @Option(help: "iso (2021-03-05) or compact (20210305).") var dateForm: SyntheticCaseWriter.DateForm = .iso
    @Option(help: "default (DESIGN §3.3 names) or swedish (needs the mapping from --map-out).")
    var headers: SyntheticCaseWriter.Headers = .default
    @Option(help: "Write the settings, planted effects and drawn unit shifts as JSON here.") var truth: String?
    @Option(help: "Write the mapping file that imports this extract here.") var mapOut: String?

    func run() throws {
        try reportingFailures {
            guard cases > 0 else { throw Failure("--cases must be at least 1") }
            guard (-1...1).contains(effectReReferral) else { throw Failure("--effect-re-referral is a difference in probability, between -1 and 1") }
            var settings = SyntheticCaseSettings(seed: seed)
            settings.cases = cases
            settings.effectAssessmentDays = effectAssessmentDays
            settings.effectInvestigationDays = effectInvestigationDays
            settings.effectReReferral = effectReReferral
            settings.effectCaseworkers = effectCaseworkers
            settings.areaSDAssessmentDays = areaSdAssessment
            settings.areaSDInvestigationDays = areaSdInvestigation
            settings.pilotStart = try Self.date(pilotStart, "--pilot-start")
            settings.extractDate = try Self.date(extractDate, "--extract-date")
            var writer = SyntheticCaseWriter()
            writer.dialect = dialect
            writer.dateForm = dateForm
            writer.headers = headers
            writer.identity = identity
            let extract = SyntheticCaseGenerator(settings).generate()
            if let out {
                do { try writer.write(extract, to: out) } catch { throw Failure("cannot write \(out): \(error.localizedDescription)") }
            } else {
                try writer.write(extract) { FileHandle.standardOutput.write($0) }
            }
            if let mapOut { try Console.emit(writer.mappingYAML(), to: mapOut) }
            if let truth { try Console.emit(try ResultOutput.json(SyntheticTruth(extract)), to: truth) }
            let pilot = extract.cases.filter(\.isPilot).count
            Console.error("wrote \(extract.cases.count) synthetic cases (\(pilot) pilot, \(extract.cases.count - pilot) line) of \(extract.children.count) children" + (out.map { " to \($0)" } ?? ""))
        }
    }

    static func date(_ text: String, _ option: String) throws -> CalendarDate {
        switch CalendarDate.parse(text) {
        case .value(let d): return d
        case .empty: throw Failure("\(option) is blank; give YYYY-MM-DD")
        case .invalid(let reason): throw Failure("\(option): \(reason)")
        }
    }
}

/// What `--truth` writes: the settings (planted effects included) and the area shifts
/// drawn from the seed.
struct SyntheticTruth: Encodable {
    let settings: SyntheticCaseSettings
    let units: [String]
    let areas: [String]
    let areaAssessmentShiftDays: [Double]
    let areaInvestigationShiftDays: [Double]
    let cases: Int
    let pilotCases: Int
    let children: Int

    init(_ e: SyntheticCaseGenerator.Extract) {
        settings = e.settings
        units = SyntheticCaseGenerator.units
        areas = SyntheticCaseGenerator.areas
        areaAssessmentShiftDays = e.areaAssessmentShift
        areaInvestigationShiftDays = e.areaInvestigationShift
        cases = e.cases.count
        pilotCases = e.cases.filter(\.isPilot).count
        children = e.children.count
    }

    enum CodingKeys: String, CodingKey {
        case settings, units, areas, cases, children
        case areaAssessmentShiftDays = "area_assessment_shift_days"
        case areaInvestigationShiftDays = "area_investigation_shift_days"
        case pilotCases = "pilot_cases"
    }
}
