import ArgumentParser
import Foundation

enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Prints a result value as JSON (the single source of truth) or, for people, as
/// an aligned table flattened from that same JSON, so both always agree. Undefined
/// figures show their note instead of a number.
enum ResultOutput {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func render<T: Encodable>(_ value: T, as format: ResultFormat) throws -> String {
        let text = try json(value)
        if format == .json { return text }
        return table(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }

    /// The figure/value table of a JSON object (as parsed by `JSONSerialization`).
    static func table(_ object: Any) -> String {
        var rows: [[String]] = [["figure", "value"]]
        flatten(object, path: "", into: &rows)
        return TextTable.render(rows)
    }

    private static func flatten(_ value: Any, path: String, into rows: inout [[String]]) {
        if let dict = value as? [String: Any] {
            for key in dict.keys.sorted() where !key.hasSuffix("_note") {
                let child = path.isEmpty ? key : path + "." + key
                if dict[key] is NSNull {
                    rows.append([child, "undefined: " + ((dict[key + "_note"] as? String) ?? "no value")])
                } else {
                    flatten(dict[key]!, path: child, into: &rows)
                }
            }
        } else if let array = value as? [Any] {
            // Elements are named by their own label when they have one (a covariate,
            // a gender, a period), else by position.
            for (i, element) in array.enumerated() {
                let dict = element as? [String: Any]
                let label = ["name", "gender", "unit", "area", "period", "code"].lazy
                    .compactMap { dict?[$0].map { "\($0)" } }.first ?? String(i)
                flatten(element, path: path + "[" + label + "]", into: &rows)
            }
        } else if let number = value as? NSNumber, !(value is Bool) {
            let d = number.doubleValue
            rows.append([path, d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(format: "%.6g", d)])
        } else {
            rows.append([path, "\(value)"])
        }
    }
}
