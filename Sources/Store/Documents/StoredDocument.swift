/// One version of a stored document.
public struct StoredDocument: Sendable, Hashable {
    /// What it is: `logic-model`, `instrument`, `pdsa`.
    public let kind: String
    /// The document's own id (the `id:` in its YAML).
    public let id: String
    /// 1 for the first version stored, +1 for each changed content.
    public let version: Int
    /// SHA-256 of `content` (its UTF-8 bytes), lowercase hex.
    public let sha256: String
    /// The text as read from the file.
    public let content: String
    /// The normalised JSON the caller derived from the content.
    public let json: String
    /// Where the content was read from, as given; nil when not from a file.
    public let sourcePath: String?
    /// ISO 8601 UTC.
    public let addedAt: String
}

/// One document id with its history at a glance, for `model list`.
public struct DocumentSummary: Sendable, Hashable {
    public let kind: String
    public let id: String
    public let latestVersion: Int
    public let versionCount: Int
    /// When the latest version was added (ISO 8601 UTC).
    public let addedAt: String
}

/// What `DocumentStore.add` did.
public enum AddOutcome: Sendable, Hashable {
    /// A new id (version 1) or changed content (previous version + 1).
    case added(version: Int)
    /// The latest stored version already has this exact content; nothing was written.
    case unchanged(version: Int)

    public var version: Int {
        switch self {
        case .added(let v), .unchanged(let v): return v
        }
    }
}
