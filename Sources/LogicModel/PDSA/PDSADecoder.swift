import Foundation
import Periods
import Yams

/// Reads a `piloteval/pdsa/v1` file into a `PDSACycle`, collecting every located error
/// (file:line:column and the cycle's id), as `LogicModelDecoder` does for models.
public enum PDSADecoder {
    public struct Result: Sendable {
        public var cycle: PDSACycle?
        public var diagnostics: [Diagnostic]
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var isValid: Bool { cycle != nil && errors.isEmpty }
    }

    static let topKeys = ["schema", "id", "title", "model", "activity", "change_idea", "measure", "ramp", "previous",
                          "plan", "do", "study", "act", "illustrative", "source"]

    public static func read(path: String) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Result(cycle: nil, diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1),
                                                               "cannot read the file; check the path and permissions")])
        }
        return decode(data, file: path)
    }

    public static func decode(_ data: Data, file: String) -> Result {
        let root: Node
        do { root = try SafeYAML.compose(data, file: file) } catch { return Result(cycle: nil, diagnostics: error.diagnostics) }
        let r = NodeReader(file: file)
        let cycle = decodeCycle(root, r)
        let diagnostics = r.diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return Result(cycle: diagnostics.contains { $0.severity == .error } ? nil : cycle, diagnostics: diagnostics)
    }

    static func decodeCycle(_ root: Node, _ r: NodeReader) -> PDSACycle? {
        guard case .mapping = root else {
            r.error(root, id: nil, "a PDSA file is a mapping that starts with `schema: \(PDSACycle.schemaID)`")
            return nil
        }
        guard let top = r.entries(root, what: "the PDSA cycle", id: nil, allowed: topKeys) else { return nil }
        guard let schemaNode = top["schema"]?.value else {
            r.error(root, id: nil, "missing `schema:`; a PDSA file starts with `schema: \(PDSACycle.schemaID)`")
            return nil
        }
        let schema = r.string(schemaNode, key: "schema", id: nil) ?? ""
        guard schema == PDSACycle.schemaID else {
            r.error(schemaNode, id: nil, "unknown schema \"\(schema)\"; this command reads `\(PDSACycle.schemaID)`")
            return nil
        }
        let id = r.string(top["id"]?.value, key: "id", id: nil, required: true, parent: root) ?? ""
        if let node = top["id"]?.value, !id.isEmpty, !LogicModelDecoder.isValidModelID(id) {
            r.error(node, id: id, "cycle id \"\(id)\" should use lowercase letters, digits and - only")
        }
        let cid: String? = id.isEmpty ? nil : id
        let title = r.string(top["title"]?.value, key: "title", id: cid, required: true, parent: root)
        let activity = r.string(top["activity"]?.value, key: "activity", id: cid, required: true, parent: root)
        let change = r.string(top["change_idea"]?.value, key: "change_idea", id: cid, required: true, parent: root)

        func section(_ key: String, _ allowed: [String], required: Bool) -> [String: (key: Node, value: Node)]? {
            guard let node = top[key]?.value else {
                if required { r.error(root, id: cid, "missing `\(key):` (\(allowed.joined(separator: ", ")))") }
                return nil
            }
            return r.entries(node, what: "`\(key)`", id: cid, allowed: allowed)
        }
        let plan = section("plan", ["prediction", "question"], required: true)
        let doing = section("do", ["start", "end"], required: true)
        let study = section("study", ["observations"], required: false)
        let act = section("act", ["decision", "next"], required: false)

        let prediction = plan.flatMap { r.string($0["prediction"]?.value, key: "prediction", id: cid, required: true, parent: top["plan"]?.value) }
        let start = doing.flatMap { d -> CalendarDate? in
            guard let node = d["start"]?.value else {
                r.error(top["do"]!.value, id: cid, "missing `start` (the date the test began, YYYY-MM-DD)")
                return nil
            }
            return r.date(node, key: "start", id: cid)
        }
        let end = doing.flatMap { r.date($0["end"]?.value, key: "end", id: cid) }
        if let start, let end, end < start, let node = doing?["end"]?.value {
            r.error(node, id: cid, "`end` \(end) is before `start` \(start)")
        }
        let decision = act.flatMap { r.choice($0["decision"]?.value, key: "decision", id: cid, as: PDSACycle.Decision.self) }
        if decision != nil && end == nil, let node = act?["decision"]?.value {
            r.error(node, id: cid, "a decision needs the test to have ended: give `do: end:`")
        }
        let previous = r.string(top["previous"]?.value, key: "previous", id: cid)
        if let previous, previous == id, let node = top["previous"]?.value {
            r.error(node, id: cid, "`previous` names the cycle itself; it should name the cycle this one builds on")
        }
        guard let title, let activity, let change, let prediction, let start else { return nil }
        return PDSACycle(
            id: id, title: title, model: r.string(top["model"]?.value, key: "model", id: cid), activity: activity,
            changeIdea: change, prediction: prediction,
            question: plan.flatMap { r.string($0["question"]?.value, key: "question", id: cid) },
            start: start, end: end,
            observations: study.flatMap { r.string($0["observations"]?.value, key: "observations", id: cid) },
            decision: decision, next: act.flatMap { r.string($0["next"]?.value, key: "next", id: cid) },
            measure: r.string(top["measure"]?.value, key: "measure", id: cid), previous: previous,
            ramp: r.string(top["ramp"]?.value, key: "ramp", id: cid),
            illustrative: r.bool(top["illustrative"]?.value, key: "illustrative", id: cid) ?? false)
    }
}
