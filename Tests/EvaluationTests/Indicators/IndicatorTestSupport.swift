import Foundation
import Testing
@testable import Evaluation
import LogicModel
import Periods
import Store

/// Shipped models and seed datasets, read from the checkout (as ShippedModelsTests does),
/// and small models written inline for rule and roll-up cases.
enum IndicatorFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shippedModel(_ id: String) throws -> LogicModel {
        let result = LogicModelDecoder.read(path: root.appendingPathComponent("Models/\(id).yaml").path)
        return try #require(result.model, "\(result.errors)")
    }

    /// The seed dataset of a model, read, checked and given import 1 / version 1 as if stored.
    static func seedObservations(_ id: String) throws -> (LogicModel, ObservationCheckResult) {
        let model = try shippedModel(id)
        let path = root.appendingPathComponent("Datasets/seeds-observations/\(id).csv").path
        let rows = try ObservationFile.read(try CSVReader(path: path))
        var checked = ObservationChecks.check(rows, model: model, file: "\(id).csv")
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        checked.observations = checked.observations.map { var o = $0; o.importID = 1; o.modelVersion = 1; return o }
        return (model, checked)
    }

    static func model(_ yaml: String) throws -> LogicModel {
        let result = LogicModelDecoder.decode(Data(yaml.utf8), file: "inline.yaml")
        return try #require(result.model, "\(result.diagnostics.map(\.description))")
    }

    static func rows(_ csv: String, name: String = "obs.csv") throws -> [Observation] {
        try ObservationFile.read(try CSVReader(data: Data(csv.utf8), name: name))
    }

    static func period(_ s: String) -> Period { Period(parsing: s)! }

    static func tempDatabase() throws -> (Database, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-ind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try Database(path: dir.appendingPathComponent("t.db").path), dir)
    }
}

extension IndicatorStatusReport {
    func row(_ id: String) -> IndicatorStatusRow? { indicators.first { $0.id == id } }
    func goal(_ id: String) -> GoalAssessmentRow? { goals.first { $0.id == id } }
}
