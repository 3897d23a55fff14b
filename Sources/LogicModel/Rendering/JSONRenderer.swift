import Foundation

/// `model show --format json`: the normalised model, the same JSON the store keeps.
public enum JSONRenderer {
    public static func render(_ model: LogicModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(model), as: UTF8.self) + "\n"
    }

    public static func decode(_ json: String) throws -> LogicModel {
        try JSONDecoder().decode(LogicModel.self, from: Data(json.utf8))
    }
}
