import Foundation

/// `--format json`: the report's record (see `ReportRecord`), pretty-printed with
/// sorted keys so two reports diff line by line.
public enum JSONWriter {
    public static func write(_ record: ReportRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(record)
        data.append(0x0A)
        return data
    }

    public static func read(_ data: Data, name: String) throws -> ReportRecord {
        do {
            return try JSONDecoder().decode(ReportRecord.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw VerifyError(message: "\(name): not valid JSON (\(context.debugDescription))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw VerifyError(message: "\(name): \(path(context.codingPath + [key])) is missing; is this a piloteval report JSON?")
        } catch let DecodingError.typeMismatch(_, context) {
            throw VerifyError(message: "\(name): \(path(context.codingPath)) has the wrong type (\(context.debugDescription))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw VerifyError(message: "\(name): \(path(context.codingPath)) is null")
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}
