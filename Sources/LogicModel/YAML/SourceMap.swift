/// Where each id and each reference was written, so graph checks that run after
/// decoding (missing targets, cycles) can still point at a line and column.
public struct SourceMap: Sendable {
    public struct Reference: Sendable {
        public var from: String
        public var field: String
        public var to: String
        public var location: SourceLocation
    }

    /// Location of each node's `id:` value.
    public var nodes: [String: SourceLocation] = [:]
    public var references: [Reference] = []
    /// Location of the file's first line, for file-level messages.
    public var file: SourceLocation

    public init(file: String) {
        self.file = SourceLocation(file: file, line: 1, column: 1)
    }

    public func location(of id: String) -> SourceLocation { nodes[id] ?? file }
}
