@testable import Evaluation
import LogicModel
import Periods
import Presentation
@testable import Store
import Testing

/// The small listings (`imports list`, `model list`, `measures list`, `pdsa list` and
/// `show`, `cases import`, `cases purge`) → blocks → the terminal writer, against golden
/// files. The records are written here as the store would return them.
@Suite struct ListingGoldenTests {
    static let writer = PlainTextWriter()

    static func record(_ id: Int, _ kind: String, _ file: String, target: String?, rows: Int) -> ImportRecord {
        ImportRecord(id: id, kind: kind, fileName: file, fileSHA256: String(repeating: String(id), count: 64),
                     rowCount: rows, target: target, startedAt: "2026-11-23T02:19:0\(id)Z", finishedAt: "2026-11-23T02:19:0\(id)Z",
                     status: .complete)
    }

    @Test func importsList() throws {
        let records = [Self.record(1, "indicators", "indikatorer.csv", target: "norrteamet", rows: 9),
                       Self.record(2, "cases", "utdrag.csv", target: "norrteamet", rows: 1500),
                       Self.record(3, "readiness", "enkat-2022-03.csv", target: "norrteamet-enkat 2022-03", rows: 13),
                       Self.record(4, "indicators", "indikatorer-rättad.csv", target: "norrteamet", rows: 3),
                       Self.record(5, "measures", "tidsplan.csv", target: nil, rows: 16)]
        let plain = ImportList(records: records)
        try GoldenFile.check(Self.writer.render(plain.blocks(style: .terminal)), "imports-list.txt")
        let superseded = ImportList(records: records, superseded: [1: Supersession(importID: 1, rows: 3, by: [4])])
        try GoldenFile.check(Self.writer.render(superseded.blocks(style: .terminal)), "imports-list-superseded.txt")
    }

    @Test func modelList() throws {
        func version(_ v: Int, _ path: String?) -> StoredDocument {
            StoredDocument(kind: "logic-model", id: "vallingbyteamet", version: v, sha256: String(repeating: "ab\(v)", count: 22),
                           content: "", json: "", sourcePath: path, addedAt: "2026-11-2\(v)T10:00:00Z")
        }
        let models = [
            ModelVersionList.Entry(model: DocumentSummary(kind: "logic-model", id: "vallingbyteamet", latestVersion: 2, versionCount: 2,
                                                   addedAt: "2026-11-22T10:00:00Z"),
                            versions: [version(1, "Models/vallingbyteamet.yaml"), version(2, nil)]),
            ModelVersionList.Entry(model: DocumentSummary(kind: "logic-model", id: "familjeenheten-2022", latestVersion: 1, versionCount: 1,
                                                   addedAt: "2026-11-21T09:30:00Z")),
        ]
        try GoldenFile.check(Self.writer.render(ModelVersionList(entries: models).blocks(style: .terminal)), "model-list.txt")
    }

    @Test func measuresList() throws {
        let list = MeasureList(measures: [
            MeasureSummary(measure: "tidsplanerade-utredningar", points: 16, first: "2021-01-04", last: "2021-04-19",
                           hasDenominator: true, imports: [4]),
            MeasureSummary(measure: "forskolekonsultationer", points: 1040, first: "2001-01-01", last: "2020-12-28",
                           hasDenominator: false, imports: [5, 7], countsEvents: true, title: "Konsultation till förskolor"),
        ])
        try GoldenFile.check(Self.writer.render(list.blocks(style: .terminal)), "measures-list.txt")
    }

    @Test func pdsaListAndShow() throws {
        let cycles = ResultGoldenTests.cycles
        try GoldenFile.check(Self.writer.render(PDSACycleList(cycles: cycles).blocks(style: .terminal)), "pdsa-list.txt")
        var shown = cycles[1]
        shown.model = "vallingbyteamet"
        shown.question = "Planeras alla utredningar när tidsplanen finns i mallen?"
        shown.illustrative = true
        try GoldenFile.check(Self.writer.render(shown.blocks(style: .terminal, ramp: cycles)), "pdsa-show.txt")
    }

    @Test func casesImport() throws {
        let summary = CaseImportSummary(
            importID: 2, file: "utdrag.csv", model: "norrteamet", pilotCohort: "norrteamet", rows: 1500, pilotRows: 190,
            lineRows: 1310, cohorts: ["norrteamet": 190, "linjen": 1310], extractDate: "2022-12-31", extractDateFrom: "latest_in_file",
            supersededCases: 0, columns: ["case_id": "case_id", "cohort": "cohort", "referral_date": "remissdatum"],
            outcomes: ["intervention_hours"], text: [], notImported: [.init(column: "anteckning", reason: "free text is not imported")],
            identityColumns: ["person_id"], pseudonymised: 1500, keyFingerprint: "ec07083321a82e6b", encoding: "utf8",
            delimiter: "comma", warnings: [])
        try GoldenFile.check(Self.writer.render(summary.blocks(style: .terminal)), "cases-import.txt")
    }

    @Test func casesPurge() throws {
        var model = CasePurgeSummary.Model(model: "vallingbyteamet")
        model.casesPurged = 1200; model.rowsDeleted = 2350; model.casesKept = 300; model.openCasesKept = 40
        model.openCasesQuietSinceBeforeCutOff = 3; model.undatedCasesKept = 1; model.importsAffected = 2; model.importsEmptied = 1
        let imports = [
            CasePurgeSummary.Import(importID: 2, model: "vallingbyteamet", fileName: "t1.csv", extractDate: "2020-12-31",
                                    rowsBefore: 1150, rowsDeleted: 1150, rowsLeft: 0),
            CasePurgeSummary.Import(importID: 3, model: "vallingbyteamet", fileName: "t2.csv", extractDate: "2021-12-31",
                                    rowsBefore: 1500, rowsDeleted: 1200, rowsLeft: 300),
        ]
        let dryRun = CasePurgeSummary(before: "2020-01-01", dryRun: true, models: [model], imports: imports, scrub: nil)
        try GoldenFile.check(Self.writer.render(dryRun.blocks(style: .terminal)), "cases-purge-dry-run.txt")
        let purged = CasePurgeSummary(before: "2020-01-01", dryRun: false, models: [model], imports: [],
                                      scrub: .init(secureDelete: true, vacuumed: true, walEmptied: true, notes: []))
        try GoldenFile.check(Self.writer.render(purged.blocks(style: .terminal)), "cases-purge.txt")
    }
}
