import LogicModel
import Store

/// The JSON of one validation diagnostic (`model validate`, `model add`, `pdsa add`
/// with `--format json`): the same facts as the `file:line:column: severity: [id]
/// message` line on stderr, as fields.
public struct DiagnosticListing: Encodable, Sendable {
    let severity: String, file: String, line: Int, column: Int, id: String?, message: String

    public init(_ d: Diagnostic) {
        severity = d.severity.rawValue; file = d.location.file; line = d.location.line
        column = d.location.column; id = d.id; message = d.message
    }

    enum CodingKeys: String, CodingKey { case severity, file, line, column, id, message }

    /// `id` is left out when the diagnostic concerns no node (a YAML error, the schema line).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(message, forKey: .message)
    }
}

/// The JSON of a stored document (`model add`, and the web API's model versions, with
/// `--format json`): which version it is and whether this run stored it.
public struct AddListing: Encodable, Sendable {
    public let id: String
    public let version: Int
    public let outcome: String
    public let warnings: [DiagnosticListing]

    public init(id: String, outcome: AddOutcome, warnings: [Diagnostic]) {
        self.id = id
        switch outcome {
        case .added(let v): version = v; self.outcome = "added"
        case .unchanged(let v): version = v; self.outcome = "unchanged"
        }
        self.warnings = warnings.map(DiagnosticListing.init)
    }
}
