import Foundation
import Testing
@testable import LogicModel

/// Every model in Models/ (encoded from the seeds) validates without errors and
/// survives the JSON round trip.
@Suite struct ShippedModelsTests {
    static let modelsDir = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: modelsDir.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func thereAreFiveSeedModels() {
        #expect(Self.files.count >= 5)
        #expect(Self.files.contains("vallingbyteamet.yaml"))
    }

    @Test(arguments: files)
    func validatesWithoutErrors(_ file: String) throws {
        let result = LogicModelDecoder.read(path: Self.modelsDir.appendingPathComponent(file).path, displayName: file)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description).joined(separator: "\n"))")
        let model = try #require(result.model)
        #expect(try JSONRenderer.decode(try JSONRenderer.render(model)) == model)
    }

    @Test func vallingbyteametHasItsFourGoalsAndCohorts() throws {
        let model = try #require(LogicModelDecoder.read(path: Self.modelsDir.appendingPathComponent("vallingbyteamet.yaml").path).model)
        #expect(model.goals.count == 4)
        #expect(model.cohorts?.pilot == "vallingbyteamet")
        #expect(model.goals.contains { $0.title.contains("trygg uppväxt") })
    }
}
