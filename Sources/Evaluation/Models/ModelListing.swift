import Store

/// The JSON of one stored model (`model list --format json`, `GET /api/v1/models`).
public struct ModelListing: Encodable, Sendable {
    public struct Version: Encodable, Sendable {
        let version: Int, sha256: String, sourcePath: String?, addedAt: String
        enum CodingKeys: String, CodingKey {
            case version, sha256
            case sourcePath = "source_path", addedAt = "added_at"
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(version, forKey: .version)
            try c.encode(sha256, forKey: .sha256)
            try c.encodeIfPresent(sourcePath, forKey: .sourcePath)
            try c.encode(addedAt, forKey: .addedAt)
        }
    }
    public let id: String, latestVersion: Int, versionCount: Int, addedAt: String
    public let versions: [Version]

    public init(_ m: DocumentSummary, versions: [StoredDocument]) {
        id = m.id; latestVersion = m.latestVersion; versionCount = m.versionCount; addedAt = m.addedAt
        self.versions = versions.map { Version(version: $0.version, sha256: $0.sha256, sourcePath: $0.sourcePath, addedAt: $0.addedAt) }
    }

    enum CodingKeys: String, CodingKey {
        case id, versions
        case latestVersion = "latest_version", versionCount = "version_count", addedAt = "added_at"
    }
}

extension ModelCatalog {
    /// Every stored model with its versions, as `model list --format json` prints them.
    public func listings() throws -> [ModelListing] {
        try list().map { ModelListing($0, versions: try versions(of: $0.id)) }
    }
}
