import Evaluation
import Foundation
import LogicModel
@testable import Presentation
@testable import Reports
import Store

/// A small model, a budget and a text file written inline (ReportsTests has no
/// resource folder), stored in a real SQLite database in a temporary folder.
struct ReportFixture {
    let directory: URL
    let database: Database
    let model: LogicModel
    let provenance: ReportRecord.ModelProvenance

    static let modelYAML = """
    schema: piloteval/logic-model/v1
    id: testteamet
    name: Testteamet
    language: sv
    owner: Testförvaltningen, avdelningen för barn och unga
    period: {start: 2020-01-01, end: 2022-12-31}
    goals:
      - {id: G1, title: Barn och unga har en trygg uppväxt}
    outcomes:
      - {id: O1, title: Färre barn aktualiseras på nytt, term: short, contributes_to: [G1]}
    outputs:
      - {id: P1, title: Ärenden i hela kedjan, leads_to: [O1]}
    activities:
      - {id: A1, title: Hela kedjan, leads_to: [P1]}
    indicators:
      - id: I1
        title: Andel barn som åter aktualiseras inom 12 månader
        measures: O1
        unit: percent
        direction: decrease
        targets:
          - {period: 2021, rule: "<= 22"}
          - {period: 2021, rule: "<= 20", set_by: city}
        breakdowns: {gender: [girls, boys]}
        illustrative: true
    """

    /// The seed's budget (004, Ekonomisk redovisning) as Swedish Excel saves it.
    static let budgetCSV = "\u{FEFF}section;line;line_en;amount\r\n"
        + "income;Beviljat belopp från socialnämnden;Grant;500 000\r\n"
        + "income;Egen insats;Own contribution;650 000\r\n"
        + "income;Övriga intäkter;Other income;\r\n"
        + "income;Summa;Total income;1 150 000\r\n"
        + "cost;Personalkostnader inkl. sociala avgifter;Staff;1 457 956\r\n"
        + "cost;Administrativa kostnader;Admin;4 104\r\n"
        + "cost;Utbildningskostnader;Training;37 940\r\n"
        + "cost;Summa;Total costs;1 500 000\r\n"

    static let text = """
    ---
    projekt: Ett testprojekt
    dnr: HV 2019/554
    ---
    # 1 Sammanfattning
    Syftet är *tidigt stöd* och **kontinuitet**.

    # BAKGRUND
    Behovsanalysen visade:

    - att kontinuiteten behöver förbättras

    - att barn utreds mer än en gång

    ## En underrubrik
    Mer text.

    # 6.2 Jämställdhet
    Statistik redovisas könsuppdelat.
    """

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try Database(path: directory.appendingPathComponent("test.db").path)
        let path = directory.appendingPathComponent("testteamet.yaml").path
        try Self.modelYAML.write(toFile: path, atomically: true, encoding: .utf8)
        let (model, stored) = try ModelCatalog(database).resolveStored(path)
        self.model = model
        provenance = .init(id: stored.id, name: model.name, version: stored.version, sha256: stored.sha256)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func request(_ kind: ReportKind = .final, format: ReportFormat = .json, withText: Bool = true,
                 withBudget: Bool = true) throws -> ReportRequest {
        var r = ReportRequest(kind: kind, language: .sv, format: format.rawValue, toolVersion: "test",
                              generatedAt: Date(timeIntervalSince1970: 1_645_999_200))
        if withBudget {
            r.budget = try Budget.read(data: Data(Self.budgetCSV.utf8), name: "budget.csv")
        }
        if withText {
            let matcher = ReportLayout.matcher(kind, strings: ReportStrings(.sv), model: model)
            r.text = try SectionText.parse(Self.text, fileName: "text.md", matcher: matcher)
        }
        return r
    }

    func build(_ kind: ReportKind = .final, format: ReportFormat = .json, withText: Bool = true) throws -> BuiltReport {
        try ReportEngine.build(model: model, provenance: provenance, request: request(kind, format: format, withText: withText && kind == .final),
                               strings: ReportStrings(.sv), database: database)
    }
}

/// A temporary folder and SQLite database holding one logic model written inline —
/// and, when given, its observations imported: the set-up of suites that need a model
/// of their own (the indicator overview, event counts).
struct TemporaryModel {
    let directory: URL
    let database: Database
    let model: LogicModel
    let provenance: ReportRecord.ModelProvenance

    init(yaml: String, fileName: String, observations: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try Database(path: directory.appendingPathComponent("test.db").path)
        let modelPath = directory.appendingPathComponent(fileName).path
        try yaml.write(toFile: modelPath, atomically: true, encoding: .utf8)
        let (model, stored) = try ModelCatalog(database).resolveStored(modelPath)
        self.model = model
        provenance = .init(id: stored.id, name: model.name, version: stored.version, sha256: stored.sha256)
        if let observations { try importObservations(observations) }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Imports an observation file (CSV text) for the model.
    func importObservations(_ csv: String) throws {
        try csv.write(toFile: path("obs.csv"), atomically: true, encoding: .utf8)
        _ = try IndicatorImporter(database).importFile(try CSVReader(path: path("obs.csv")),
                                                       model: ModelCatalog(database).resolveVersioned(model.id))
    }
}
