import Foundation
import LogicModel
import Periods
import Store
@testable import Evaluation

/// A fresh database with the test model stored, in a temporary folder that goes away.
final class CaseTestBench {
    let directory: URL
    let database: Database
    let model: LogicModel
    static let today = CalendarDate(year: 2024, month: 6, day: 1)!

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pe-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try Database(path: directory.appendingPathComponent("t.db").path)
        let modelPath = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/cases/model.yaml").path
        model = try ModelCatalog(database).add(path: modelPath).model
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    /// Text with `\n` turned into CRLF and encoded as Windows-1252 (Latin-1 letters only).
    @discardableResult
    func writeWindows1252(_ name: String, _ text: String) throws -> String {
        let bytes = text.replacingOccurrences(of: "\n", with: "\r\n").unicodeScalars.map { UInt8($0.value) }
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    @discardableResult
    func importCases(_ file: String, mapping: CaseMapping? = nil, key: PseudonymKey? = nil,
                     extractDate: CalendarDate? = nil) throws -> CaseImportSummary {
        let request = CaseImportRequest(path: file, displayName: (file as NSString).lastPathComponent, model: model,
                                        mapping: mapping, key: key, extractDate: extractDate, today: Self.today)
        return try CaseImporter(database).run(request)
    }

    func load() throws -> CaseDataset { try CaseDataset.load(database: database, modelID: model.id) }

    func count(_ table: String) throws -> Int { try database.scalar("SELECT count(*) FROM \(table)").int ?? -1 }

    /// Every byte of the database files (main file, WAL, shared memory), for checking
    /// that something was never written.
    func databaseBytes() throws -> Data {
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasPrefix("t.db") {
            all.append(try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        return all
    }
}

func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

/// A valid identity number `YYYYMMDD-NNNC` with the check digit computed by the Luhn rule.
func identity(_ yyyymmdd: String, serial: Int) -> String {
    let s = String(format: "%03d", serial)
    let nine = Array((yyyymmdd.dropFirst(2) + s).utf8).map { $0 - 48 }
    return yyyymmdd + "-" + s + String(IdentityNumber.luhnCheckDigit(nine))
}

extension Data {
    func contains(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}
