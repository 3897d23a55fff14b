/// The steering brief's "what changed since the last report": every figure of the
/// previous report's JSON (`--since`) whose value differs now, and a changed model
/// version. Works for any builder's results, so each domain's figures appear here as
/// soon as it plugs in.
enum ChangesSince {
    static func blocks(previous: ReportRecord?, sinceFile: ReportRecord.FileReference?,
                       current: [String: JSONValue], model: ReportRecord.ModelProvenance,
                       context: ReportContext) -> [Block] {
        let s = context.strings
        guard let previous else {
            return [.paragraph(RichText(s("steering.since_none")))]
        }
        var blocks: [Block] = [.paragraph(RichText(s("steering.since", [
            "file": sinceFile.map { lastPathComponent($0.path) } ?? "", "date": String(previous.generatedAt.prefix(10)),
        ])))]
        var rows: [[TableBlock.Cell]] = []
        if previous.model.sha256 != model.sha256 {
            rows.append([TableBlock.Cell(s("cover.model"), isRowHeader: true),
                         TableBlock.Cell("version \(previous.model.version)"), TableBlock.Cell("version \(model.version)")])
        }
        let before = Dictionary(JSONValue.object(previous.results).leaves().map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        for (path, now) in JSONValue.object(current).leaves() {
            guard case .number(let n) = now else { continue }
            let old = before[path]
            if case .number(let o)? = old, o == n { continue }
            let oldText: String
            if case .number(let o)? = old { oldText = context.numbers.decimal(o, decimals: o == o.rounded() ? 0 : 2) } else { oldText = "–" }
            rows.append([TableBlock.Cell(path, isRowHeader: true), TableBlock.Cell(oldText),
                         TableBlock.Cell(context.numbers.decimal(n, decimals: n == n.rounded() ? 0 : 2))])
        }
        if rows.isEmpty {
            blocks.append(.paragraph(RichText(s("steering.no_changes"))))
        } else {
            blocks.append(.table(TableBlock(
                header: [[TableBlock.Cell(s("steering.changes.figure")), TableBlock.Cell(s("steering.changes.before")),
                          TableBlock.Cell(s("steering.changes.now"))]],
                rows: rows, alignments: [.left, .right, .right])))
        }
        return blocks
    }
}
