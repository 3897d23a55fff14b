@testable import Presentation
import LogicModel
import Testing

/// The final report's pilot-vs-line part as a reader sees it (issue 20): what the words
/// say, with the figures as precise as the tables beside them and no symbols a reader
/// must look up.
@Suite struct PilotVsLineReportTests {
    static func input(_ language: Language) -> PilotVsLineReport.Input {
        .init(strings: ReportStrings(language), style: NumberStyle(language), modelID: "testteamet", modelName: "Testteamet",
              threshold: 5, smallNote: "suppressed: small")
    }

    static func group(_ e: Double, _ lo: Double, _ hi: Double, n: Int = 40) -> PilotVsLineReport.Group {
        .init(label: "x", n: n, nNote: nil, estimate: e, estimateNote: nil, ciLow: lo, ciHigh: hi, median: nil, medianNote: nil)
    }

    /// An outcome with girls and boys in both cohorts and girls − boys as given.
    static func outcome(_ key: String, kind: String, pilot: (Double, Double, Double), line: (Double, Double, Double))
        -> PilotVsLineReport.Outcome {
        let rows = [PilotVsLineReport.GenderRow(gender: "girl", pilot: group(0.8, 0.7, 0.9), line: group(0.5, 0.4, 0.6)),
                    PilotVsLineReport.GenderRow(gender: "boy", pilot: group(0.4, 0.3, 0.5), line: group(0.55, 0.45, 0.65)),
                    PilotVsLineReport.GenderRow(gender: "total", pilot: group(0.6, 0.5, 0.7, n: 80),
                                                line: group(0.52, 0.45, 0.59, n: 80))]
        var o = PilotVsLineReport.Outcome(
            outcome: key, kind: kind, limitDays: nil, pilot: group(0.6, 0.5, 0.7), line: group(0.5, 0.4, 0.6),
            difference: 0.1, differenceNote: nil, ciLow: 0, ciHigh: 0.2, test: kind == "binary" ? "chi_square" : "welch",
            p: nil, pNote: nil, permutationP: nil, permutationNote: nil, units: nil, mddStandardized: nil, mddRaw: nil,
            mddAbove: nil, mddBelow: nil, mddNote: nil, censored: nil, censoredNote: nil, byGender: rows, caveats: [])
        o.genderDifferences = [.init(cohort: "pilot", difference: pilot.0, differenceNote: nil, ciLow: pilot.1, ciHigh: pilot.2),
                               .init(cohort: "line", difference: line.0, differenceNote: nil, ciLow: line.1, ciHigh: line.2)]
        return o
    }

    /// Every table cell's text, in order.
    static func cells(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            guard case .table(let t) = block else { return [] }
            return t.rows.flatMap { $0.map(\.text.plainText) }
        }
    }

    static func report(_ outcomes: [PilotVsLineReport.Outcome]) -> PilotVsLineReport {
        .init(present: true, note: nil, pilot: "testteamet", extractDate: "2022-12-31", pilotStart: "2020-01-01",
              synthetic: false, genders: ["girl", "boy"], joined: false, outcomes: outcomes)
    }

    /// Girls − boys is written to the decimals of the table's figures above it (a share
    /// in percent and a mean to one decimal), not to three: the demo printed
    /// "−0,03 p.e. (−2,64 till +2,57)" under a table of 81,4 % and "−0,051 (−0,098 till
    /// −0,005)" under one of 0,6.
    @Test func girlsAgainstBoysAsPreciseAsTheTable() {
        let share = Self.outcome("assessment_within_14d", kind: "binary", pilot: (0.1234, 0.0151, 0.2317),
                                 line: (-0.0003, -0.0264, 0.0257))
        let mean = Self.outcome("distinct_caseworkers", kind: "continuous", pilot: (0.34, 0.12, 0.56),
                                line: (-0.051, -0.098, -0.005))
        let r = Self.report([share, mean])
        let sv = Self.input(.sv)
        let pp = "\u{00A0}p.e."
        #expect(r.genderDifferences(share, sv) == "Förhandsbedömning inom 14 dagar: i Testteamet skiljer sig flickor och pojkar åt, flickor − pojkar +12,3\(pp) (+1,5 till +23,2); i linjen skiljer sig flickor och pojkar inte säkert, flickor − pojkar 0,0\(pp) (−2,6 till +2,6).")
        #expect(r.genderDifferences(mean, sv) == "Antal handläggare per ärende: i Testteamet skiljer sig flickor och pojkar åt, flickor − pojkar +0,3 (+0,1 till +0,6); i linjen skiljer sig flickor och pojkar åt, flickor − pojkar −0,1 (−0,1 till −0,0).")
        // An interval wholly below zero whose end rounds to zero keeps the end's sign
        // ("till −0,0", not "till 0,0" beside "skiljer sig åt"); one across zero does not.
        let across = Self.outcome("distinct_caseworkers", kind: "continuous", pilot: (-0.04, -0.11, 0.02),
                                  line: (-0.04, -0.11, 0.02))
        #expect(r.genderDifferences(across, sv).hasSuffix("flickor − pojkar 0,0 (−0,1 till 0,0)."))
        // The table beside it writes its figures to the same one decimal.
        let cells = Self.cells(r.genderBlocks(sv))
        #expect(cells.contains("80,0\u{00A0}% (70,0\u{00A0}% till 90,0\u{00A0}%)") && cells.contains("0,8 (0,7 till 0,9)"))
        let en = r.genderDifferences(share, Self.input(.en))
        #expect(en.contains("girls − boys +12.3\u{00A0}pp (+1.5 to +23.2)"), "\(en)")
        #expect(en.contains("girls − boys 0.0\u{00A0}pp (-2.6 to +2.6)"), "\(en)")
    }

    /// The tables say how many units or areas a p ranks the pilot among in words ("6
    /// enheter"), not "J = 6", and the column saying which comparison decides is headed in
    /// plain words ("Bedömningen bygger på"), not "Orden vilar på".
    @Test func noSymbolsOrJargonInTheTables() {
        var o = Self.outcome("re_referral_12m", kind: "binary", pilot: (0.1, 0.0, 0.2), line: (0.1, 0.0, 0.2))
        o.permutationP = 1.0 / 6
        o.units = 6
        o.permutationSign = -1
        o.did = .init(estimate: -0.093, estimateNote: nil, p: 1.0 / 3, pNote: nil, areas: 6)
        let r = Self.report([o])
        let sv = r.blocks(Self.input(.sv)), en = r.blocks(Self.input(.en))
        let svCells = Self.cells(sv), enCells = Self.cells(en)
        #expect(svCells.contains("0,167 (6\u{00A0}enheter)") && svCells.contains("0,333 (6\u{00A0}områden)"), "\(svCells)")
        #expect(enCells.contains("0.167 (6\u{00A0}units)") && enCells.contains("0.333 (6\u{00A0}areas)"), "\(enCells)")
        let svText = PlainTextWriter(width: 400).render(sv), enText = PlainTextWriter(width: 400).render(en)
        for text in [svText, enText] {
            #expect(!text.contains("J\u{00A0}=") && !text.contains("J =") && !text.contains("1/J"))
        }
        #expect(svText.contains("Bedömningen bygger på") && !svText.contains("vilar på") && !svText.contains("Orden"))
        #expect(svText.contains("Bedömningen (oklart) bygger på: rang bland enheterna."))
        #expect(enText.contains("Assessment based on") && !enText.contains("rest on"))
        #expect(enText.contains("The assessment (unclear) is based on: rank among the units."))
        let method = PlainTextWriter(width: 400).render(r.methodBlocks(Self.input(.sv)))
        #expect(method.contains("Vilken jämförelse som avgör bedömningen.") && !method.contains("orden"))
        #expect(method.contains("p = pilotområdets rang bland områdena;") && !method.contains("1/J") && !method.contains(" J "))
    }

    /// The open cases' sentence writes the extract's date in words, as the introduction
    /// above it does ("31 december 2022"), not "2022-12-31".
    @Test func theExtractDateInWordsEverywhere() {
        var o = Self.outcome("investigation_days", kind: "time_to_event", pilot: (0.1, 0.0, 0.2), line: (0.1, 0.0, 0.2))
        o.limitDays = 122
        o.censored = 109
        let sv = PlainTextWriter(width: 1000).render(Self.report([o]).blocks(Self.input(.sv)))
        #expect(sv.contains("uttaget per 31 december 2022"))
        #expect(sv.contains("109 ärenden var inte avslutade vid uttaget 31 december 2022;"))
        #expect(!sv.contains("2022-12-31"))
        let en = PlainTextWriter(width: 1000).render(Self.report([o]).blocks(Self.input(.en)))
        #expect(en.contains("109 cases were still open at the extract of 31 December 2022;") && !en.contains("2022-12-31"))
    }

    /// Every part of pilot vs line a report shows, in Swedish, through the terminal writer:
    /// the final report's part, 6.2, the method and limitations, the brief's verdict and
    /// table (Golden/pilot-vs-line-sv.txt).
    @Test func everyPartAgainstItsGoldenFile() throws {
        var share = Self.outcome("re_referral_12m", kind: "binary", pilot: (-0.1, -0.2, 0.0), line: (-0.038, -0.084, 0.009))
        share.difference = -0.077; share.ciLow = -0.137; share.ciHigh = 0.001
        share.pilot = Self.group(0.167, 0.112, 0.241, n: 126); share.line = Self.group(0.244, 0.221, 0.267, n: 1318)
        share.p = 0.067; share.permutationP = 1.0 / 3; share.units = 6; share.permutationSign = -1
        share.mddStandardized = 0.27; share.mddAbove = 0.363; share.mddBelow = 0.141
        share.did = .init(estimate: -0.093, estimateNote: nil, p: 1.0 / 3, pNote: nil, areas: 6)
        var duration = Self.outcome("investigation_days", kind: "time_to_event", pilot: (0.012, -0.04, 0.06),
                                    line: (0.006, -0.037, 0.049))
        duration.limitDays = 122; duration.censored = 109
        duration.difference = 0.09; duration.ciLow = 0.029; duration.ciHigh = 0.15
        duration.pilot = Self.group(0.814, 0.754, 0.867, n: 200); duration.pilot.median = 68
        duration.line = Self.group(0.724, 0.702, 0.745, n: 1758); duration.line.median = 90
        duration.p = 0.0004; duration.permutationP = 0.5; duration.units = 6; duration.permutationSign = 1
        duration.mddStandardized = 0.21; duration.mddAbove = 0.812; duration.mddBelow = 0.626
        duration.did = .init(estimate: nil, estimateNote: "a duration", p: nil, pNote: "a duration", areas: nil)
        var r = Self.report([share, duration])
        r.synthetic = true
        r.covariates = ["age", "gender"]
        let w = Self.input(.sv)
        let parts: [(String, [Block])] = [
            ("6 Pilot jämförd med linjen", r.blocks(w)), ("6.2 Jämställdhet", r.genderBlocks(w)),
            ("5 Underlag och beräkningar", r.methodBlocks(w)), ("7 Begränsningar", r.limitationBlocks(w)),
            ("Styrgrupp: i korthet", r.verdictBlocks(w)), ("Styrgrupp: pilot och linje", r.steeringBlocks(w)),
        ]
        let text = parts.map { "=== \($0.0) ===\n" + PlainTextWriter().render($0.1) }.joined(separator: "\n")
        try GoldenFile.check(text, "pilot-vs-line-sv.txt")
    }
}
