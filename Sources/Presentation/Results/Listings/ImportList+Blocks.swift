import Evaluation
import Store

/// `imports list`: every import, oldest first, and which later imports replaced its
/// rows (docs/storage.md, "Superseded imports").
public struct ImportList: Sendable, Equatable {
    public var records: [ImportRecord]
    /// By import id; imports with nothing superseded may be absent.
    public var superseded: [Int: Supersession]

    public init(records: [ImportRecord], superseded: [Int: Supersession] = [:]) {
        self.records = records
        self.superseded = superseded
    }

    /// One table; the superseded column only when a later import replaced something.
    public func blocks(style: NumberStyle) -> [Block] {
        let showSuperseded = records.contains { (superseded[$0.id]?.rows ?? 0) > 0 }
        let header = ["id", "kind", "file", "target", "rows", "imported (UTC)", "sha256"] + (showSuperseded ? ["superseded"] : [])
        let rows: [[TableBlock.Cell]] = records.map { r in
            [TableBlock.Cell(String(r.id)), TableBlock.Cell(r.kind), TableBlock.Cell(r.fileName), TableBlock.Cell(r.target ?? ""),
             Listing.count(r.rowCount, style: style), TableBlock.Cell(r.startedAt), TableBlock.Cell(String(r.fileSHA256.prefix(12)))]
            + (showSuperseded ? [TableBlock.Cell(Self.superseded(superseded[r.id], of: r.rowCount, style: style))] : [])
        }
        return [.table(Listing.table(header, rows))]
    }

    /// "all by 9" when every row was replaced, "3 of 12 rows by 9" when some were,
    /// empty when none.
    public static func superseded(_ s: Supersession?, of rowCount: Int, style: NumberStyle) -> String {
        guard let s, s.rows > 0 else { return "" }
        let by = "by " + s.by.map(String.init).joined(separator: ", ")
        return s.rows >= rowCount ? "all " + by : "\(style.integer(s.rows)) of \(style.integer(rowCount)) rows " + by
    }
}
