/// A logic model too large for one readable page, cut into strands for print
/// (docs/decisions.md, "The logic model in print"): each part holds a group of
/// activities, the outputs and outcomes they lead to straight on (the strand), then
/// everything further along the chain from there up to the goals, and the inputs that
/// support the group's activities. Outcomes and goals that several strands reach stand
/// in each part that reaches them, so every part reads on its own from inputs to goals;
/// every node and every edge of the model is in at least one part.
///
/// The strands are the connected groups of activities, outputs and outcomes joined by
/// "leads to" from an activity or an output (an outcome contributing to another does not
/// join their strands: in most models every outcome leads to the long-term one, which
/// would make one strand of all). Strands are taken in the model's order of activities
/// and each goes into the first part that `fits` still accepts with it; a strand that
/// no part could hold is split into its activities first.
public enum DiagramParts {
    /// The model itself when `fits` accepts it whole; else the parts, each a copy of
    /// the model holding only its nodes (edges to nodes outside a part are not drawn).
    public static func parts(_ model: LogicModel, fits: (LogicModel) -> Bool) -> [LogicModel] {
        if fits(model) { return [model] }
        let graph = ModelGraph(model)
        let strands = strands(model, graph: graph)
        // A strand too large for a part of its own is split into its activities, each
        // with what it leads to; then each piece goes into the first part it still fits
        // (first fit, in the model's order), else starts a part.
        var pieces: [Set<String>] = []
        for strand in strands {
            let activities = model.activities.map(\.id).filter(strand.contains)
            if activities.count > 1, !fits(part(model, graph: graph, strand: strand)) {
                pieces += activities.map { [$0] }
            } else {
                pieces.append(strand)
            }
        }
        var parts: [Set<String>] = []
        for piece in pieces {
            if let k = parts.firstIndex(where: { fits(part(model, graph: graph, strand: $0.union(piece))) }) {
                parts[k].formUnion(piece)
            } else {
                parts.append(piece)
            }
        }
        guard parts.count > 1 else { return [model] }
        var models = parts.map { part(model, graph: graph, strand: $0) }
        // Whatever no strand reaches (an input supporting no activity, a goal nothing
        // contributes to) goes in the last part, with what it leads to.
        let shown = Set(models.flatMap(ids))
        let rest = Set(ids(model)).subtracting(shown)
        if !rest.isEmpty, let last = parts.last {
            models[models.count - 1] = part(model, graph: graph, strand: last.union(rest))
        }
        return models
    }

    /// The strands, each as its node ids, in the model's order of activities (outputs
    /// and outcomes no activity leads to come after, as strands of their own).
    static func strands(_ model: LogicModel, graph: ModelGraph) -> [Set<String>] {
        let order = model.activities.map(\.id) + model.outputs.map(\.id) + model.outcomes.map(\.id)
        var parent = Dictionary(order.map { ($0, $0) }, uniquingKeysWith: { a, _ in a })
        func root(_ id: String) -> String {
            var r = id
            while let p = parent[r], p != r { r = p }
            return r
        }
        for edge in graph.edges {
            guard let from = graph.kinds[edge.from], from == .activity || from == .output,
                  parent[edge.to] != nil, parent[edge.from] != nil else { continue }
            let a = root(edge.from), b = root(edge.to)
            if a != b { parent[b] = a }
        }
        var strands: [String: Set<String>] = [:]
        var roots: [String] = []
        for id in order {
            let r = root(id)
            if strands[r] == nil { roots.append(r) }
            strands[r, default: []].insert(id)
        }
        return roots.map { strands[$0]! }
    }

    /// A copy of `model` holding `strand`, everything it leads to, and the inputs that
    /// support its nodes.
    static func part(_ model: LogicModel, graph: ModelGraph, strand: Set<String>) -> LogicModel {
        var keep = strand
        var stack = Array(strand)
        while let id = stack.popLast() {
            for next in graph.successors[id] ?? [] where keep.insert(next).inserted { stack.append(next) }
        }
        for input in model.inputs where input.supports.contains(where: keep.contains) { keep.insert(input.id) }
        var part = model
        part.goals = model.goals.filter { keep.contains($0.id) }
        part.outcomes = model.outcomes.filter { keep.contains($0.id) }
        part.outputs = model.outputs.filter { keep.contains($0.id) }
        part.activities = model.activities.filter { keep.contains($0.id) }
        part.inputs = model.inputs.filter { keep.contains($0.id) }
        return part
    }

    /// The chain's node ids of `model` (inputs to goals).
    static func ids(_ model: LogicModel) -> [String] {
        model.inputs.map(\.id) + model.activities.map(\.id) + model.outputs.map(\.id)
            + model.outcomes.map(\.id) + model.goals.map(\.id)
    }
}
