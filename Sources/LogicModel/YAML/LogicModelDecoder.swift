import Foundation
import Periods
import Yams

/// Reads a `piloteval/logic-model/v1` YAML file into a `LogicModel`, collecting
/// every located error and warning (DESIGN §3.1).
public enum LogicModelDecoder {
    public struct Result: Sendable {
        /// Nil when the file could not be read at all.
        public var model: LogicModel?
        public var diagnostics: [Diagnostic]
        public var sourceMap: SourceMap

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
        public var isValid: Bool { model != nil && errors.isEmpty }
    }

    static let topKeys = ["schema", "id", "name", "language", "owner", "period", "description", "source",
                          "cohorts", "goals", "outcomes", "outputs", "activities", "inputs", "assumptions",
                          "indicators"]

    /// Decodes and validates the file at `path`; `displayName` is used in messages.
    public static func read(path: String, displayName: String? = nil) -> Result {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            let d = Diagnostic(.error, at: SourceLocation(file: name, line: 1, column: 1),
                               "cannot read the file; check the path and permissions")
            return Result(model: nil, diagnostics: [d], sourceMap: SourceMap(file: name))
        }
        // A survey binding is checked against the instrument file beside the model
        // (Models/instruments/<id>.yaml), where there is one (DataBindingCheck).
        let folder = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("instruments")
        return decode(data, file: name, instrument: { id in
            let file = (folder as NSString).appendingPathComponent(id + ".yaml")
            return FileManager.default.fileExists(atPath: file) ? InstrumentDecoder.read(path: file).instrument : nil
        })
    }

    public static func decode(_ data: Data, file: String) -> Result {
        decode(data, file: file, instrument: nil)
    }

    /// `instrument` finds a survey instrument by id, for checking `data:` bindings
    /// against it; nil when there is no file to check against.
    public static func decode(_ data: Data, file: String, instrument: ((String) -> Instrument?)?) -> Result {
        let root: Node
        do {
            root = try SafeYAML.compose(data, file: file)
        } catch {
            return Result(model: nil, diagnostics: error.diagnostics, sourceMap: SourceMap(file: file))
        }
        let reader = NodeReader(file: file)
        var map = SourceMap(file: file)
        let model = decodeModel(root, reader: reader, map: &map)
        var diagnostics = reader.diagnostics
        if let model {
            diagnostics += LogicModelValidator.validate(model, sourceMap: map)
            if let instrument {
                diagnostics += DataBindingCheck.instruments(model, locations: reader.bindingLocations, sourceMap: map, instrument: instrument)
            }
        }
        // Errors first, each group in file order.
        diagnostics.sort {
            ($0.severity == .error ? 0 : 1, $0.location.line, $0.location.column)
                < ($1.severity == .error ? 0 : 1, $1.location.line, $1.location.column)
        }
        return Result(model: model, diagnostics: diagnostics, sourceMap: map)
    }

    static func decodeModel(_ root: Node, reader r: NodeReader, map: inout SourceMap) -> LogicModel? {
        guard case .mapping = root else {
            r.error(root, id: nil, "a logic model file is a mapping that starts with `schema: \(LogicModel.schemaID)`")
            return nil
        }
        guard let top = r.entries(root, what: "the logic model", id: nil, allowed: topKeys) else { return nil }
        guard let schemaNode = top["schema"]?.value else {
            r.error(root, id: nil, "missing `schema:`; a logic model starts with `schema: \(LogicModel.schemaID)`")
            return nil
        }
        let schema = r.string(schemaNode, key: "schema", id: nil) ?? ""
        guard schema == LogicModel.schemaID else {
            r.error(schemaNode, id: nil, "unknown schema \"\(schema)\"; this command reads `\(LogicModel.schemaID)`")
            return nil
        }
        let id = r.string(top["id"]?.value, key: "id", id: nil, required: true, parent: root) ?? ""
        if let idNode = top["id"]?.value, !id.isEmpty, !isValidModelID(id) {
            r.error(idNode, id: id, "model id \"\(id)\" should use lowercase letters, digits and - only (it becomes part of file names)")
        }
        let name = r.string(top["name"]?.value, key: "name", id: id, required: true, parent: root) ?? ""
        var model = LogicModel(id: id, name: name)
        model.language = r.choice(top["language"]?.value, key: "language", id: id, as: Language.self) ?? .sv
        model.owner = r.string(top["owner"]?.value, key: "owner", id: id)
        model.description = r.string(top["description"]?.value, key: "description", id: id)
        model.source = r.string(top["source"]?.value, key: "source", id: id)
        if let node = top["period"]?.value, let p = r.entries(node, what: "period", id: id, allowed: ["start", "end"]) {
            let start = r.date(p["start"]?.value, key: "start", id: id)
            let end = r.date(p["end"]?.value, key: "end", id: id)
            if let start, let end {
                if end < start { r.error(node, id: id, "period ends (\(end)) before it starts (\(start))") }
                model.period = DateRange(start: start, end: end)
            } else if p["start"] == nil || p["end"] == nil {
                r.error(node, id: id, "period needs both `start` and `end`")
            }
        }
        if let node = top["cohorts"]?.value,
           let c = r.entries(node, what: "cohorts", id: id, allowed: ["pilot", "comparison", "survey_unit"]) {
            if let pilot = r.string(c["pilot"]?.value, key: "pilot", id: id, required: true, parent: node) {
                model.cohorts = Cohorts(pilot: pilot, comparison: r.stringList(c["comparison"]?.value, key: "comparison", id: id),
                                        surveyUnit: r.string(c["survey_unit"]?.value, key: "survey_unit", id: id))
            }
        }

        var seen: [String: SourceLocation] = [:]
        /// Reads an item's `id`, registering it and reporting duplicates.
        func itemID(_ item: Node, _ e: [String: (key: Node, value: Node)], kind: String) -> String? {
            guard let idNode = e["id"]?.value else {
                r.error(item, id: nil, "\(kind) without `id`")
                return nil
            }
            guard var nodeID = r.string(idNode, key: "id", id: nil, required: true) else { return nil }
            // An error, once; the id without its quotes is still registered, so references
            // to it do not fail a second time.
            if r.rejectCurlyQuotes(nodeID, node: idNode, key: "id", id: nil) { nodeID = NodeReader.removingCurlyQuotes(nodeID) }
            if let first = seen[nodeID] {
                r.error(idNode, id: nodeID, "duplicate id; it is already used at line \(first.line)")
            } else {
                seen[nodeID] = r.location(idNode)
                map.nodes[nodeID] = r.location(idNode)
            }
            return nodeID
        }
        func references(_ e: [String: (key: Node, value: Node)], _ field: String, from: String) -> [String] {
            guard let node = e[field]?.value else { return [] }
            var ids = r.stringList(node, key: field, id: from)
            let items: [Node] = if case .sequence(let s) = node { Array(s) } else { [node] }
            for (i, to) in ids.enumerated() {
                let item = i < items.count ? items[i] : node
                // Named once, as curly quotes; the id without them is checked as usual.
                if r.rejectCurlyQuotes(to, node: item, key: field, id: from) { ids[i] = NodeReader.removingCurlyQuotes(to) }
                map.references.append(.init(from: from, field: field, to: ids[i], location: r.location(item)))
            }
            return ids
        }
        func items(_ key: String, kind: String, allowed: [String], _ body: (String, Node, [String: (key: Node, value: Node)]) -> Void) {
            for item in r.sequence(top[key]?.value, key: key, id: nil) {
                guard let e = r.entries(item, what: (["a", "e", "i", "o", "u"].contains(kind.prefix(1)) ? "an " : "a ") + kind, id: nil, allowed: allowed),
                      let nodeID = itemID(item, e, kind: kind) else { continue }
                body(nodeID, item, e)
            }
        }

        items("goals", kind: "goal", allowed: ["id", "title", "description", "level", "code", "parent", "assessments"]) { gid, item, e in
            var goal = Goal(id: gid, title: r.string(e["title"]?.value, key: "title", id: gid, required: true, parent: item) ?? "")
            goal.description = r.string(e["description"]?.value, key: "description", id: gid)
            goal.level = r.choice(e["level"]?.value, key: "level", id: gid, as: GoalLevel.self)
            goal.code = r.string(e["code"]?.value, key: "code", id: gid)
            goal.parent = references(e, "parent", from: gid).first
            goal.assessments = assessments(e["assessments"]?.value, id: gid, reader: r)
            model.goals.append(goal)
        }
        items("outcomes", kind: "outcome", allowed: ["id", "title", "description", "term", "contributes_to", "assessments"]) { oid, item, e in
            var outcome = Outcome(id: oid, title: r.string(e["title"]?.value, key: "title", id: oid, required: true, parent: item) ?? "")
            outcome.description = r.string(e["description"]?.value, key: "description", id: oid)
            outcome.term = r.choice(e["term"]?.value, key: "term", id: oid, as: OutcomeTerm.self) ?? .short
            outcome.contributesTo = references(e, "contributes_to", from: oid)
            outcome.assessments = assessments(e["assessments"]?.value, id: oid, reader: r)
            model.outcomes.append(outcome)
        }
        items("outputs", kind: "output", allowed: ["id", "title", "description", "leads_to"]) { pid, item, e in
            var output = Output(id: pid, title: r.string(e["title"]?.value, key: "title", id: pid, required: true, parent: item) ?? "")
            output.description = r.string(e["description"]?.value, key: "description", id: pid)
            output.leadsTo = references(e, "leads_to", from: pid)
            model.outputs.append(output)
        }
        items("activities", kind: "activity", allowed: ["id", "title", "description", "leads_to", "start", "end", "responsible"]) { aid, item, e in
            var activity = Activity(id: aid, title: r.string(e["title"]?.value, key: "title", id: aid, required: true, parent: item) ?? "")
            activity.description = r.string(e["description"]?.value, key: "description", id: aid)
            activity.leadsTo = references(e, "leads_to", from: aid)
            activity.start = r.date(e["start"]?.value, key: "start", id: aid)
            activity.end = r.date(e["end"]?.value, key: "end", id: aid)
            activity.responsible = r.string(e["responsible"]?.value, key: "responsible", id: aid)
            if let s = activity.start, let en = activity.end, en < s {
                r.error(e["end"]!.value, id: aid, "activity ends (\(en)) before it starts (\(s))")
            }
            model.activities.append(activity)
        }
        items("inputs", kind: "input", allowed: ["id", "title", "description", "supports"]) { rid, item, e in
            var input = Input(id: rid, title: r.string(e["title"]?.value, key: "title", id: rid, required: true, parent: item) ?? "")
            input.description = r.string(e["description"]?.value, key: "description", id: rid)
            input.supports = references(e, "supports", from: rid)
            model.inputs.append(input)
        }
        items("assumptions", kind: "assumption", allowed: ["id", "text", "on", "critical"]) { sid, item, e in
            var assumption = Assumption(id: sid, text: r.string(e["text"]?.value, key: "text", id: sid, required: true, parent: item) ?? "")
            assumption.on = references(e, "on", from: sid)
            assumption.critical = r.bool(e["critical"]?.value, key: "critical", id: sid) ?? false
            model.assumptions.append(assumption)
        }
        items("indicators", kind: "indicator", allowed: IndicatorDecoder.keys) { iid, item, e in
            if let indicator = IndicatorDecoder.decode(iid, item: item, entries: e, reader: r,
                                                       measures: references(e, "measures", from: iid)) {
                model.indicators.append(indicator)
            }
        }
        return model
    }

    static func assessments(_ node: Node?, id: String, reader r: NodeReader) -> [RecordedAssessment] {
        var out: [RecordedAssessment] = []
        for item in r.sequence(node, key: "assessments", id: id) {
            guard let e = r.entries(item, what: "an assessment", id: id, allowed: ["period", "result", "justification"]) else { continue }
            let period = r.period(e["period"]?.value, key: "period", id: id)
            let result = r.choice(e["result"]?.value, key: "result", id: id, as: Assessment.self)
            if e["period"] == nil { r.error(item, id: id, "assessment without `period`") }
            if e["result"] == nil { r.error(item, id: id, "assessment without `result` (fully_met, partly_met, not_met)") }
            if let period, let result {
                out.append(RecordedAssessment(period: period, result: result,
                                              justification: r.string(e["justification"]?.value, key: "justification", id: id)))
            }
        }
        return out
    }

    static func isValidModelID(_ id: String) -> Bool {
        id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
