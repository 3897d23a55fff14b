/// Where something is in a source file: 1-based line and column (columns count
/// Unicode scalars, as libyaml does).
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// An error or warning about a file, located and naming the offending id.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The id of the node or indicator concerned, when there is one.
    public var id: String?
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, id: String? = nil, _ message: String) {
        self.severity = severity
        self.location = location
        self.id = id
        self.message = message
    }

    /// `file:line:column: error: [id] message`, the form compilers use, so editors
    /// can jump to it.
    public var description: String {
        let where_ = "\(location.file):\(location.line):\(location.column)"
        let idPart = id.map { "[\($0)] " } ?? ""
        return "\(where_): \(severity.rawValue): \(idPart)\(message)"
    }
}

/// Thrown when a file cannot be used; carries every diagnostic found.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
