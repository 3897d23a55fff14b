/// `model show --format dot`: Graphviz source (`dot -Tpng`), columns as ranks.
public enum DotRenderer {
    public static func render(_ model: LogicModel) -> String {
        let s = RenderStrings.for(model.language)
        let columns = ChainColumns(model, strings: s)
        let graph = ModelGraph(model)
        var out = "digraph \"\(Escape.dot(model.id))\" {\n"
        out += "  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.9, fontname=\"Helvetica\", label=\"\(Escape.dot(model.name))\", labelloc=t, fontsize=18];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, width=2.6];\n"
        out += "  edge [color=\"#555555\", arrowsize=0.7];\n"
        for (i, column) in columns.columns.enumerated() {
            out += "  subgraph cluster_\(i) {\n    label=\"\(Escape.dot(column.title))\"; style=dashed; color=\"#bbbbbb\"; rank=same;\n"
            for id in column.ids {
                let kind = graph.kinds[id] ?? .goal
                let label = wrap(id + ": " + (graph.titles[id] ?? ""), width: 30).joined(separator: "\n")
                out += "    \(Escape.identifier(id)) [label=\"\(Escape.dot(label))\", fillcolor=\"\(Palette.fill(kind))\", color=\"\(Palette.stroke(kind))\"];\n"
            }
            out += "  }\n"
        }
        for edge in graph.edges where columns.columnOf[edge.from] != nil && columns.columnOf[edge.to] != nil {
            out += "  \(Escape.identifier(edge.from)) -> \(Escape.identifier(edge.to));\n"
        }
        out += "}\n"
        return out
    }
}

/// Colours per node kind, shared by DOT and SVG (colour-blind-safe pairs).
enum Palette {
    static func fill(_ kind: NodeKind) -> String {
        switch kind {
        case .input: "#eeeeee"
        case .activity: "#dbe9f6"
        case .output: "#d9f0e3"
        case .outcome: "#fdebd0"
        case .goal: "#f6d5da"
        default: "#ffffff"
        }
    }

    static func stroke(_ kind: NodeKind) -> String {
        switch kind {
        case .input: "#777777"
        case .activity: "#2b6ca3"
        case .output: "#2e8b57"
        case .outcome: "#c77c02"
        case .goal: "#a8324a"
        default: "#333333"
        }
    }
}
