/// Assigns every chain node to a column, left to right: inputs, activities, outputs,
/// outcomes by term, then goals (sub-goals left of the goals they serve). Empty
/// columns are dropped. Shared by the SVG, DOT and Mermaid renderers so all three
/// draw the same picture.
struct ChainColumns {
    struct Column {
        var title: String
        var ids: [String]
    }

    var columns: [Column] = []
    var columnOf: [String: Int] = [:]

    init(_ model: LogicModel, strings s: RenderStrings) {
        var raw: [(String, [String])] = []
        raw.append((s.inputs, model.inputs.map(\.id)))
        raw.append((s.activities, model.activities.map(\.id)))
        raw.append((s.outputs, model.outputs.map(\.id)))
        for term in OutcomeTerm.allCases {
            let ids = model.outcomes.filter { $0.term == term }.map(\.id)
            raw.append(("\(s.outcomes) (\(s.term(term)))", ids))
        }
        // Goal depth: roots (no parent) rightmost.
        let byID = Dictionary(model.goals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func depth(_ id: String) -> Int {
            var d = 0, current = byID[id]
            var seen: Set<String> = [id]
            while let p = current?.parent, let next = byID[p], seen.insert(p).inserted {
                d += 1
                current = next
            }
            return d
        }
        let maxDepth = model.goals.map { depth($0.id) }.max() ?? 0
        for d in stride(from: maxDepth, through: 0, by: -1) {
            let ids = model.goals.filter { depth($0.id) == d }.map(\.id)
            let levels = Set(model.goals.filter { depth($0.id) == d }.compactMap(\.level))
            var title = s.goals
            if levels.count == 1, let level = levels.first {
                title = switch level {
                case .kf: "KF-mål"
                case .namnd: "Nämndmål"
                case .enhet: "Enhetsmål"
                }
            }
            raw.append((title, ids))
        }
        for (title, ids) in raw where !ids.isEmpty {
            for id in ids { columnOf[id] = columns.count }
            columns.append(Column(title: title, ids: ids))
        }
    }
}
