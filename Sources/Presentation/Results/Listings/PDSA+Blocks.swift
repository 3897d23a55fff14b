import LogicModel

/// `pdsa list`: the stored cycles, by start date.
public struct PDSACycleList: Sendable, Equatable {
    public var cycles: [PDSACycle]

    public init(cycles: [PDSACycle]) { self.cycles = cycles }

    public func blocks(style: NumberStyle) -> [Block] {
        let rows: [[TableBlock.Cell]] = cycles.map { c in
            [c.start.iso, c.end?.iso ?? "", c.id, c.activity, c.measure ?? "", c.decision?.rawValue ?? c.status, c.previous ?? "", c.title]
                .map { TableBlock.Cell($0) }
        }
        return [.table(Listing.table(["start", "end", "id", "activity", "measure", "decision", "previous", "title"], rows))]
    }
}

extension PDSACycle {
    /// `pdsa show`: the cycle's Plan, Do, Study and Act as fields, and its ramp (the
    /// chain of cycles it belongs to, oldest first) with this cycle in brackets.
    public func blocks(style: NumberStyle, ramp: [PDSACycle]) -> [Block] {
        var rows: [[String]] = [
            ["id", id],
            ["title", title],
            ["activity", [model, activity].compactMap { $0 }.joined(separator: " / ")],
            ["change idea", changeIdea],
            ["plan: prediction", prediction],
        ]
        if let question { rows.append(["plan: question", question]) }
        rows += [
            ["do", start.iso + " … " + (end?.iso ?? "ongoing")],
            ["study", observations ?? "(not yet)"],
            ["act", (decision?.rawValue ?? "(not yet)") + (next.map { ": " + $0 } ?? "")],
            ["measure", measure ?? ""],
            ["ramp", ramp.map { $0.id == id ? "[\($0.id)]" : $0.id }.joined(separator: " → ")],
        ]
        if illustrative { rows.append(["illustrative", "yes: an example, not a record of a real test"]) }
        return [.table(Listing.table(["field", "value"], rows.map { [TableBlock.Cell($0[0], isRowHeader: true), TableBlock.Cell($0[1])] }))]
    }
}
