/// `model show --format mermaid`: a left-to-right flowchart with one subgraph per
/// column of the chain.
public enum MermaidRenderer {
    public static func render(_ model: LogicModel) -> String {
        let s = RenderStrings.for(model.language)
        let columns = ChainColumns(model, strings: s)
        let graph = ModelGraph(model)
        var out = "flowchart LR\n"
        for (i, column) in columns.columns.enumerated() {
            out += "  subgraph col\(i)[\"\(Escape.mermaid(column.title))\"]\n"
            for id in column.ids {
                out += "    \(Escape.identifier(id))[\"\(Escape.mermaid(id + ": " + (graph.titles[id] ?? "")))\"]\n"
            }
            out += "  end\n"
        }
        for edge in graph.edges where columns.columnOf[edge.from] != nil && columns.columnOf[edge.to] != nil {
            out += "  \(Escape.identifier(edge.from)) --> \(Escape.identifier(edge.to))\n"
        }
        return out
    }
}
