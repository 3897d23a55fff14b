import Store

/// `model list`: each stored model with its latest version; with `--versions`, every
/// version below it (number, content hash, the file it was read from, when).
public struct ModelVersionList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var model: DocumentSummary
        /// Every version, oldest first; nil when they are not to be listed.
        public var versions: [StoredDocument]?

        public init(model: DocumentSummary, versions: [StoredDocument]? = nil) {
            self.model = model
            self.versions = versions
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public func blocks(style: NumberStyle) -> [Block] {
        var rows: [[TableBlock.Cell]] = []
        for e in entries {
            let m = e.model
            rows.append([TableBlock.Cell(m.id), TableBlock.Cell(String(m.latestVersion)), Listing.count(m.versionCount, style: style),
                         TableBlock.Cell(m.addedAt)])
            for v in e.versions ?? [] {
                rows.append([TableBlock.Cell("  v\(v.version)"), TableBlock.Cell(String(v.sha256.prefix(12))),
                             TableBlock.Cell(v.sourcePath ?? ""), TableBlock.Cell(v.addedAt)])
            }
        }
        return [.table(Listing.table(["id", "version", "versions", "added (UTC)"], rows))]
    }
}
