import Foundation
import LogicModel
import Statistics
import Store
import Testing
@testable import Evaluation

/// A fresh database in a temporary folder with the readiness fixtures at hand.
struct ReadinessWorkspace {
    let directory: URL
    let database: Database

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pe-readiness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try Database(path: directory.appendingPathComponent("t.db").path)
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/readiness").appendingPathComponent(name).path
    }

    func instrument() throws -> Instrument {
        try InstrumentCatalog(database).resolve(Self.fixture("instrument.yaml"))
    }

    @discardableResult
    func importFixture(_ name: String, wave: String, aggregated: Bool = false, instrument: Instrument? = nil) throws -> ReadinessImporter.Outcome {
        try ReadinessImporter(database).importFile(path: Self.fixture(name), displayName: name,
                                                   instrument: instrument ?? self.instrument(), wave: wave, aggregated: aggregated)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func count(_ table: String) throws -> Int { try database.scalar("SELECT count(*) FROM \(table)").int ?? -1 }
}

/// expected.json from make_fixtures_readiness.py.
enum ReadinessExpected {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = FileManager.default.contents(atPath: ReadinessWorkspace.fixture("expected.json"))!
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func dict(_ any: Any?) -> [String: Any] { any as! [String: Any] }
    static func list(_ any: Any?) -> [[String: Any]] { any as! [[String: Any]] }
    static func number(_ any: Any?) -> Double { (any as! NSNumber).doubleValue }
}

/// DESIGN §4: relative 1e-9 with an absolute floor of 1e-15.
func expectClose(_ figure: Figure, _ expected: Any?, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let e = ReadinessExpected.number(expected)
    guard let v = figure.value else {
        Issue.record("\(what): undefined (\(figure.note ?? "")), expected \(e)", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(v - e) <= max(1e-9 * abs(e), 1e-15), "\(what): \(v) vs \(e)", sourceLocation: sourceLocation)
}
