/// The kinds of node in a logic model, in the order of the chain.
public enum NodeKind: String, Sendable, Codable, CaseIterable {
    case input, activity, output, outcome, goal, assumption, indicator

    public var plural: String {
        switch self {
        case .activity: "activities"
        default: rawValue + "s"
        }
    }
}

/// The chain as a directed graph: an edge u → v means "u leads to / contributes to /
/// supports v" (a sub-goal points to its parent goal).
public struct ModelGraph: Sendable {
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
    }

    public private(set) var kinds: [String: NodeKind] = [:]
    public private(set) var titles: [String: String] = [:]
    public private(set) var edges: [Edge] = []
    public private(set) var successors: [String: [String]] = [:]
    public private(set) var predecessors: [String: [String]] = [:]

    public init(_ model: LogicModel) {
        for g in model.goals { add(g.id, .goal, g.title) }
        for o in model.outcomes { add(o.id, .outcome, o.title) }
        for p in model.outputs { add(p.id, .output, p.title) }
        for a in model.activities { add(a.id, .activity, a.title) }
        for r in model.inputs { add(r.id, .input, r.title) }
        for s in model.assumptions { add(s.id, .assumption, s.text) }
        for i in model.indicators { add(i.id, .indicator, i.title) }
        for g in model.goals { if let p = g.parent { link(g.id, p) } }
        for o in model.outcomes { o.contributesTo.forEach { link(o.id, $0) } }
        for p in model.outputs { p.leadsTo.forEach { link(p.id, $0) } }
        for a in model.activities { a.leadsTo.forEach { link(a.id, $0) } }
        for r in model.inputs { r.supports.forEach { link(r.id, $0) } }
    }

    private mutating func add(_ id: String, _ kind: NodeKind, _ title: String) {
        if kinds[id] == nil {
            kinds[id] = kind
            titles[id] = title
        }
    }

    private mutating func link(_ from: String, _ to: String) {
        guard kinds[to] != nil else { return }
        let edge = Edge(from: from, to: to)
        guard !edges.contains(edge) else { return }
        edges.append(edge)
        successors[from, default: []].append(to)
        predecessors[to, default: []].append(from)
    }

    /// Every node with a path to `id` (not including `id`).
    public func upstream(of id: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = predecessors[id] ?? []
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack += predecessors[next] ?? [] }
        }
        return seen
    }

    /// One cycle per strongly connected tangle, as the ids along it (first repeated
    /// at the end), found by depth-first search.
    public func cycles() -> [[String]] {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []
        var found: [[String]] = []
        func visit(_ u: String) {
            marks[u] = .visiting
            path.append(u)
            for v in successors[u] ?? [] {
                switch marks[v] {
                case .visiting:
                    if let start = path.firstIndex(of: v) { found.append(Array(path[start...]) + [v]) }
                case .done: break
                case nil: visit(v)
                }
            }
            path.removeLast()
            marks[u] = .done
        }
        for id in kinds.keys.sorted() where marks[id] == nil { visit(id) }
        return found
    }
}
