import ArgumentParser
import Foundation
import Presentation

enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// A result value as JSON (DESIGN §5): the single source of truth, and an output only.
/// The terminal's tables are the result's blocks (`Presentation/Results/`) through
/// `PlainTextWriter`, never drawn from this JSON.
enum ResultOutput {
    static func json<T: Encodable>(_ value: T) throws -> String {
        try ResultJSON.text(value)
    }
}
