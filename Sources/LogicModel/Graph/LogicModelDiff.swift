import Periods

/// What changed between two versions of a logic model: per kind of node the ones added,
/// removed and changed (matched by id), and for a changed one which fields changed, with
/// the old and the new value as the model writes them. Model-level fields (name, period,
/// owner, cohorts, …) are compared too. A pure function of two `LogicModel` values
/// (`LogicModelDiff.compare`); the store supplies the versions, Presentation words it
/// (`blocks(style:)`), and `model diff --format json` prints it as it is.
///
/// What counts as a change (docs/logic-model-format.md, "Comparing versions"):
/// - Texts (titles, descriptions, notes, justifications, …) are compared with runs of
///   whitespace collapsed to one space and the ends trimmed: re-wrapping a description
///   or a trailing space is not a change. Such differences are listed in
///   `whitespaceOnly`, so a reader can be told why two stored versions show no change.
/// - Lists of links (`contributes_to`, `leads_to`, `supports`, `on`), a breakdown's values
///   and a cohort's comparison names are sets: their order is not a change.
/// - Targets are matched by period and setter (unit or city), assessments by period; the
///   order they are written in is not a change.
/// - A node that moved to another kind (an outcome rewritten as an output, same id) is
///   removed from one kind and added to the other.
/// - Comments and YAML layout are not part of the model, so they never show.
public struct LogicModelDiff: Codable, Sendable, Equatable {
    /// The model's id (the newer version's).
    public var model: String
    /// The newer version's name.
    public var modelName: String
    public var fromVersion: Int?
    public var toVersion: Int?
    /// Model-level fields: name, language, owner, period, description, source, cohorts.
    public var modelFields: [FieldChange]
    public var goals: NodeChanges
    public var outcomes: NodeChanges
    public var outputs: NodeChanges
    public var activities: NodeChanges
    public var inputs: NodeChanges
    public var assumptions: NodeChanges
    public var indicators: NodeChanges
    /// Texts that differ only in whitespace (not counted as changes).
    public var whitespaceOnly: [WhitespaceOnly]

    enum CodingKeys: String, CodingKey {
        case model, goals, outcomes, outputs, activities, inputs, assumptions, indicators, unchanged
        case modelName = "model_name"
        case fromVersion = "from_version"
        case toVersion = "to_version"
        case modelFields = "model_fields"
        case whitespaceOnly = "whitespace_only"
    }

    /// True when nothing in the model's content changed.
    public var isUnchanged: Bool {
        modelFields.isEmpty && NodeKind.diffOrder.allSatisfy { changes(of: $0).isEmpty }
    }

    /// The changes of one kind of node.
    public func changes(of kind: NodeKind) -> NodeChanges {
        switch kind {
        case .goal: goals
        case .outcome: outcomes
        case .output: outputs
        case .activity: activities
        case .input: inputs
        case .assumption: assumptions
        case .indicator: indicators
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(modelName, forKey: .modelName)
        try c.encode(fromVersion, forKey: .fromVersion)
        try c.encode(toVersion, forKey: .toVersion)
        try c.encode(isUnchanged, forKey: .unchanged)
        try c.encode(modelFields, forKey: .modelFields)
        try c.encode(goals, forKey: .goals)
        try c.encode(outcomes, forKey: .outcomes)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(activities, forKey: .activities)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(whitespaceOnly, forKey: .whitespaceOnly)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(String.self, forKey: .model)
        modelName = try c.decode(String.self, forKey: .modelName)
        fromVersion = try c.decodeIfPresent(Int.self, forKey: .fromVersion)
        toVersion = try c.decodeIfPresent(Int.self, forKey: .toVersion)
        modelFields = try c.decode([FieldChange].self, forKey: .modelFields)
        goals = try c.decode(NodeChanges.self, forKey: .goals)
        outcomes = try c.decode(NodeChanges.self, forKey: .outcomes)
        outputs = try c.decode(NodeChanges.self, forKey: .outputs)
        activities = try c.decode(NodeChanges.self, forKey: .activities)
        inputs = try c.decode(NodeChanges.self, forKey: .inputs)
        assumptions = try c.decode(NodeChanges.self, forKey: .assumptions)
        indicators = try c.decode(NodeChanges.self, forKey: .indicators)
        whitespaceOnly = try c.decode([WhitespaceOnly].self, forKey: .whitespaceOnly)
    }

    public init(model: String, modelName: String, fromVersion: Int? = nil, toVersion: Int? = nil,
                modelFields: [FieldChange] = [], goals: NodeChanges = .init(), outcomes: NodeChanges = .init(),
                outputs: NodeChanges = .init(), activities: NodeChanges = .init(), inputs: NodeChanges = .init(),
                assumptions: NodeChanges = .init(), indicators: NodeChanges = .init(), whitespaceOnly: [WhitespaceOnly] = []) {
        self.model = model
        self.modelName = modelName
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.modelFields = modelFields
        self.goals = goals
        self.outcomes = outcomes
        self.outputs = outputs
        self.activities = activities
        self.inputs = inputs
        self.assumptions = assumptions
        self.indicators = indicators
        self.whitespaceOnly = whitespaceOnly
    }
}

extension NodeKind {
    /// The order a diff lists the kinds in: the model file's order, goals first.
    public static let diffOrder: [NodeKind] = [.goal, .outcome, .output, .activity, .input, .assumption, .indicator]
}

// MARK: - Parts

extension LogicModelDiff {
    /// A node named by id and title (an assumption's title is its text), with a goal's
    /// code ("1.4") where it has one.
    public struct NodeRef: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var code: String?

        public init(id: String, title: String, code: String? = nil) {
            self.id = id
            self.title = title
            self.code = code
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encodeIfPresent(code, forKey: .code)
        }
    }

    /// The added, removed and changed nodes of one kind: added and changed in the newer
    /// version's order, removed in the older one's.
    public struct NodeChanges: Codable, Sendable, Equatable {
        public var added: [NodeRef]
        public var removed: [NodeRef]
        public var changed: [NodeChange]

        public init(added: [NodeRef] = [], removed: [NodeRef] = [], changed: [NodeChange] = []) {
            self.added = added
            self.removed = removed
            self.changed = changed
        }

        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
        public var count: Int { added.count + removed.count + changed.count }
    }

    /// One node present in both versions whose content changed.
    public struct NodeChange: Codable, Sendable, Equatable {
        public var id: String
        /// The newer version's title (an assumption's text); `fields` says when it changed.
        public var title: String
        public var code: String?
        /// Fields in the order the format lists them.
        public var fields: [FieldChange]
        /// An indicator's baseline, when it changed.
        public var baseline: BaselineChange?
        /// An indicator's `data:` binding, when it changed.
        public var data: DataBindingChange?
        /// An indicator's targets added, removed or changed, by period and setter.
        public var targets: [TargetChange]
        /// A goal's or an outcome's recorded assessments added, removed or changed, by period.
        public var assessments: [AssessmentChange]
        /// The indicator's unit in the newer version (targets and baselines are read in it).
        public var unit: IndicatorUnit?

        public init(id: String, title: String, code: String? = nil, fields: [FieldChange] = [],
                    baseline: BaselineChange? = nil, data: DataBindingChange? = nil,
                    targets: [TargetChange] = [], assessments: [AssessmentChange] = [], unit: IndicatorUnit? = nil) {
            self.id = id
            self.title = title
            self.code = code
            self.fields = fields
            self.baseline = baseline
            self.data = data
            self.targets = targets
            self.assessments = assessments
            self.unit = unit
        }

        var isEmpty: Bool { fields.isEmpty && baseline == nil && data == nil && targets.isEmpty && assessments.isEmpty }

        /// The change of one field, if it changed.
        public func field(_ name: Field) -> FieldChange? { fields.first { $0.field == name } }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encodeIfPresent(code, forKey: .code)
            try c.encode(fields, forKey: .fields)
            try c.encodeIfPresent(baseline, forKey: .baseline)
            try c.encodeIfPresent(data, forKey: .data)
            try c.encode(targets, forKey: .targets)
            try c.encode(assessments, forKey: .assessments)
            try c.encodeIfPresent(unit, forKey: .unit)
        }
    }

    /// A field of a node or of the model, by its key in the file.
    public enum Field: String, Codable, Sendable, CaseIterable {
        // Model level.
        case name, language, owner, period, source
        case cohortPilot = "cohorts.pilot"
        case cohortComparison = "cohorts.comparison"
        case cohortSurveyUnit = "cohorts.survey_unit"
        // Nodes.
        case title, description, text, level, code, parent, term
        case contributesTo = "contributes_to"
        case leadsTo = "leads_to"
        case supports, on, critical, start, end, responsible
        // Indicators.
        case measures, unit, direction, frequency, breakdowns, illustrative, note, counts
        /// The means of verification (mätmetod), `source:` on an indicator.
        case measurementMethod = "measurement_method"

        /// Whether the field holds links to other nodes (`added` / `removed` name them).
        public var isLink: Bool { [.parent, .contributesTo, .leadsTo, .supports, .on, .measures].contains(self) }
    }

    /// One changed field. `old` and `new` are the values as the model writes them (nil:
    /// not set): texts as written, enums by their key (`percent`, `decrease`), dates as
    /// `2020-01-01`, lists joined with ", ". For a link field, `added` and `removed` name
    /// the nodes linked to now and no longer (each with its title in the version it is in).
    public struct FieldChange: Codable, Sendable, Equatable {
        public var field: Field
        public var old: String?
        public var new: String?
        public var added: [NodeRef]?
        public var removed: [NodeRef]?

        public init(field: Field, old: String?, new: String?, added: [NodeRef]? = nil, removed: [NodeRef]? = nil) {
            self.field = field
            self.old = old
            self.new = new
            self.added = added
            self.removed = removed
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(field, forKey: .field)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
            try c.encodeIfPresent(added, forKey: .added)
            try c.encodeIfPresent(removed, forKey: .removed)
        }
    }

    /// What happened to a target, an assessment or a baseline.
    public enum ChangeKind: String, Codable, Sendable {
        case added, removed, changed
    }

    /// A target rule with its note: one side of a target change.
    public struct TargetValue: Codable, Sendable, Equatable {
        public var rule: TargetRule
        public var note: String?

        public init(rule: TargetRule, note: String? = nil) {
            self.rule = rule
            self.note = note
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(note, forKey: .note)
        }
    }

    /// A target added, removed or changed for one period and setter. Two targets of the
    /// same period and setter (a rule and a fallback) that both changed are paired in the
    /// order written.
    public struct TargetChange: Codable, Sendable, Equatable {
        public var change: ChangeKind
        public var period: Period
        public var setBy: TargetSetter
        public var old: TargetValue?
        public var new: TargetValue?

        enum CodingKeys: String, CodingKey {
            case change, period, old, new
            case setBy = "set_by"
        }

        public init(change: ChangeKind, period: Period, setBy: TargetSetter, old: TargetValue?, new: TargetValue?) {
            self.change = change
            self.period = period
            self.setBy = setBy
            self.old = old
            self.new = new
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(change, forKey: .change)
            try c.encode(period, forKey: .period)
            try c.encode(setBy, forKey: .setBy)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
        }
    }

    /// A recorded assessment added, removed or changed (its result or its justification).
    public struct AssessmentChange: Codable, Sendable, Equatable {
        public var change: ChangeKind
        public var period: Period
        public var old: RecordedAssessment?
        public var new: RecordedAssessment?

        public init(change: ChangeKind, period: Period, old: RecordedAssessment?, new: RecordedAssessment?) {
            self.change = change
            self.period = period
            self.old = old
            self.new = new
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(change, forKey: .change)
            try c.encode(period, forKey: .period)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
        }
    }

    public struct BaselineChange: Codable, Sendable, Equatable {
        public var change: ChangeKind
        public var old: Baseline?
        public var new: Baseline?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(change, forKey: .change)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
        }
    }

    /// An indicator's `data:` binding set, removed (values typed in again) or changed.
    public struct DataBindingChange: Codable, Sendable, Equatable {
        public var change: ChangeKind
        public var old: DataBinding?
        public var new: DataBinding?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(change, forKey: .change)
            try c.encode(old, forKey: .old)
            try c.encode(new, forKey: .new)
        }
    }

    /// A text that differs between the versions only in whitespace.
    public struct WhitespaceOnly: Codable, Sendable, Equatable {
        /// The node's kind, or nil for a model-level field.
        public var kind: NodeKind?
        public var id: String?
        public var field: Field

        public init(kind: NodeKind?, id: String?, field: Field) {
            self.kind = kind
            self.id = id
            self.field = field
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(id, forKey: .id)
            try c.encode(field, forKey: .field)
        }
    }
}

// MARK: - Comparing

extension LogicModelDiff {
    /// What changed from `old` to `new`. The versions, when known, are carried into the
    /// result for the reader; they do not affect the comparison.
    public static func compare(_ old: LogicModel, _ new: LogicModel, fromVersion: Int? = nil, toVersion: Int? = nil) -> LogicModelDiff {
        var builder = Builder(old: old, new: new)
        var diff = LogicModelDiff(model: new.id, modelName: new.name, fromVersion: fromVersion, toVersion: toVersion)
        diff.modelFields = builder.modelFields()
        diff.goals = builder.nodes(old.goals, new.goals, kind: .goal, id: \.id) { b, o, n in b.goal(o, n) }
        diff.outcomes = builder.nodes(old.outcomes, new.outcomes, kind: .outcome, id: \.id) { b, o, n in b.outcome(o, n) }
        diff.outputs = builder.nodes(old.outputs, new.outputs, kind: .output, id: \.id) { b, o, n in b.output(o, n) }
        diff.activities = builder.nodes(old.activities, new.activities, kind: .activity, id: \.id) { b, o, n in b.activity(o, n) }
        diff.inputs = builder.nodes(old.inputs, new.inputs, kind: .input, id: \.id) { b, o, n in b.input(o, n) }
        diff.assumptions = builder.nodes(old.assumptions, new.assumptions, kind: .assumption, id: \.id) { b, o, n in b.assumption(o, n) }
        diff.indicators = builder.nodes(old.indicators, new.indicators, kind: .indicator, id: \.id) { b, o, n in b.indicator(o, n) }
        diff.whitespaceOnly = builder.whitespaceOnly
        return diff
    }

    /// A text with runs of whitespace (spaces, line breaks, tabs, no-break spaces) made
    /// one space and the ends trimmed: the form texts are compared in.
    public static func normalisedText(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private struct Builder {
        let old: LogicModel
        let new: LogicModel
        let oldRefs: [String: NodeRef]
        let newRefs: [String: NodeRef]
        var whitespaceOnly: [WhitespaceOnly] = []
        /// The node being compared (for `whitespaceOnly`).
        var current: (NodeKind?, String?) = (nil, nil)

        init(old: LogicModel, new: LogicModel) {
            self.old = old
            self.new = new
            oldRefs = Self.refs(old)
            newRefs = Self.refs(new)
        }

        static func refs(_ m: LogicModel) -> [String: NodeRef] {
            var r: [String: NodeRef] = [:]
            for g in m.goals { r[g.id] = NodeRef(id: g.id, title: g.title, code: g.code) }
            for o in m.outcomes { r[o.id] = NodeRef(id: o.id, title: o.title) }
            for p in m.outputs { r[p.id] = NodeRef(id: p.id, title: p.title) }
            for a in m.activities { r[a.id] = NodeRef(id: a.id, title: a.title) }
            for i in m.inputs { r[i.id] = NodeRef(id: i.id, title: i.title) }
            for a in m.assumptions { r[a.id] = NodeRef(id: a.id, title: a.text) }
            for i in m.indicators { r[i.id] = NodeRef(id: i.id, title: i.title) }
            return r
        }

        // MARK: Fields

        mutating func modelFields() -> [FieldChange] {
            current = (nil, nil)
            var f: [FieldChange] = []
            text(.name, old.name, new.name, into: &f)
            value(.language, old.language.rawValue, new.language.rawValue, into: &f)
            text(.owner, old.owner, new.owner, into: &f)
            value(.period, old.period.map(Self.range), new.period.map(Self.range), into: &f)
            text(.description, old.description, new.description, into: &f)
            text(.source, old.source, new.source, into: &f)
            value(.cohortPilot, old.cohorts?.pilot, new.cohorts?.pilot, into: &f)
            set(.cohortComparison, old.cohorts?.comparison ?? [], new.cohorts?.comparison ?? [], into: &f)
            value(.cohortSurveyUnit, old.cohorts?.surveyUnit, new.cohorts?.surveyUnit, into: &f)
            return f
        }

        static func range(_ r: DateRange) -> String { "\(r.start) – \(r.end)" }

        /// A text field: compared with whitespace normalised; a whitespace-only
        /// difference is noted, not reported.
        mutating func text(_ field: Field, _ a: String?, _ b: String?, into fields: inout [FieldChange]) {
            guard a != b else { return }
            let na = a.map(LogicModelDiff.normalisedText).flatMap { $0.isEmpty ? nil : $0 }
            let nb = b.map(LogicModelDiff.normalisedText).flatMap { $0.isEmpty ? nil : $0 }
            if na == nb {
                whitespaceOnly.append(WhitespaceOnly(kind: current.0, id: current.1, field: field))
            } else {
                fields.append(FieldChange(field: field, old: a, new: b))
            }
        }

        /// A typed value (enum key, date, code, flag) compared exactly.
        func value(_ field: Field, _ a: String?, _ b: String?, into fields: inout [FieldChange]) {
            if a != b { fields.append(FieldChange(field: field, old: a, new: b)) }
        }

        /// A list compared as a set (order is not a change).
        func set(_ field: Field, _ a: [String], _ b: [String], into fields: inout [FieldChange]) {
            if Set(a) != Set(b) {
                fields.append(FieldChange(field: field, old: a.isEmpty ? nil : a.joined(separator: ", "),
                                          new: b.isEmpty ? nil : b.joined(separator: ", ")))
            }
        }

        /// Links compared as sets; `added` and `removed` name the nodes.
        func links(_ field: Field, _ a: [String], _ b: [String], into fields: inout [FieldChange]) {
            guard Set(a) != Set(b) else { return }
            let added = b.filter { !a.contains($0) }.map { newRefs[$0] ?? NodeRef(id: $0, title: $0) }
            let removed = a.filter { !b.contains($0) }.map { oldRefs[$0] ?? NodeRef(id: $0, title: $0) }
            fields.append(FieldChange(field: field, old: a.isEmpty ? nil : a.joined(separator: ", "),
                                      new: b.isEmpty ? nil : b.joined(separator: ", "), added: added, removed: removed))
        }

        // MARK: Nodes

        mutating func nodes<N>(_ a: [N], _ b: [N], kind: NodeKind, id: KeyPath<N, String>,
                               compare: (inout Builder, N, N) -> NodeChange) -> NodeChanges {
            var result = NodeChanges()
            let oldByID = Dictionary(a.map { ($0[keyPath: id], $0) }, uniquingKeysWith: { first, _ in first })
            let newIDs = Set(b.map { $0[keyPath: id] })
            for n in b {
                let key = n[keyPath: id]
                if let o = oldByID[key] {
                    current = (kind, key)
                    let change = compare(&self, o, n)
                    if !change.isEmpty { result.changed.append(change) }
                } else {
                    result.added.append(newRefs[key] ?? NodeRef(id: key, title: key))
                }
            }
            for o in a where !newIDs.contains(o[keyPath: id]) {
                let key = o[keyPath: id]
                result.removed.append(oldRefs[key] ?? NodeRef(id: key, title: key))
            }
            return result
        }

        mutating func goal(_ a: Goal, _ b: Goal) -> NodeChange {
            var c = NodeChange(id: b.id, title: b.title, code: b.code)
            text(.title, a.title, b.title, into: &c.fields)
            text(.description, a.description, b.description, into: &c.fields)
            value(.level, a.level?.rawValue, b.level?.rawValue, into: &c.fields)
            value(.code, a.code, b.code, into: &c.fields)
            links(.parent, a.parent.map { [$0] } ?? [], b.parent.map { [$0] } ?? [], into: &c.fields)
            c.assessments = assessments(a.assessments, b.assessments)
            return c
        }

        mutating func outcome(_ a: Outcome, _ b: Outcome) -> NodeChange {
            var c = NodeChange(id: b.id, title: b.title)
            text(.title, a.title, b.title, into: &c.fields)
            text(.description, a.description, b.description, into: &c.fields)
            value(.term, a.term.rawValue, b.term.rawValue, into: &c.fields)
            links(.contributesTo, a.contributesTo, b.contributesTo, into: &c.fields)
            c.assessments = assessments(a.assessments, b.assessments)
            return c
        }

        mutating func output(_ a: Output, _ b: Output) -> NodeChange {
            var c = NodeChange(id: b.id, title: b.title)
            text(.title, a.title, b.title, into: &c.fields)
            text(.description, a.description, b.description, into: &c.fields)
            links(.leadsTo, a.leadsTo, b.leadsTo, into: &c.fields)
            return c
        }

        mutating func activity(_ a: Activity, _ b: Activity) -> NodeChange {
            var c = NodeChange(id: b.id, title: b.title)
            text(.title, a.title, b.title, into: &c.fields)
            text(.description, a.description, b.description, into: &c.fields)
            links(.leadsTo, a.leadsTo, b.leadsTo, into: &c.fields)
            value(.start, a.start?.description, b.start?.description, into: &c.fields)
            value(.end, a.end?.description, b.end?.description, into: &c.fields)
            text(.responsible, a.responsible, b.responsible, into: &c.fields)
            return c
        }

        mutating func input(_ a: Input, _ b: Input) -> NodeChange {
            var c = NodeChange(id: b.id, title: b.title)
            text(.title, a.title, b.title, into: &c.fields)
            text(.description, a.description, b.description, into: &c.fields)
            links(.supports, a.supports, b.supports, into: &c.fields)
            return c
        }

        mutating func assumption(_ a: Assumption, _ b: Assumption) -> NodeChange {
            var c = NodeChange(id: b.id, title: b.text)
            text(.text, a.text, b.text, into: &c.fields)
            links(.on, a.on, b.on, into: &c.fields)
            value(.critical, String(a.critical), String(b.critical), into: &c.fields)
            return c
        }

        mutating func indicator(_ a: Indicator, _ b: Indicator) -> NodeChange {
            var c = NodeChange(id: b.id, title: b.title, unit: b.unit)
            text(.title, a.title, b.title, into: &c.fields)
            text(.description, a.description, b.description, into: &c.fields)
            links(.measures, [a.measures], [b.measures], into: &c.fields)
            value(.unit, a.unit.rawValue, b.unit.rawValue, into: &c.fields)
            value(.direction, a.direction.rawValue, b.direction.rawValue, into: &c.fields)
            value(.frequency, a.frequency?.rawValue, b.frequency?.rawValue, into: &c.fields)
            text(.measurementMethod, a.source, b.source, into: &c.fields)
            breakdowns(a.breakdowns, b.breakdowns, into: &c.fields)
            value(.illustrative, String(a.illustrative), String(b.illustrative), into: &c.fields)
            value(.counts, (a.counts ?? .persons).rawValue, (b.counts ?? .persons).rawValue, into: &c.fields)
            text(.note, a.note, b.note, into: &c.fields)
            c.baseline = baseline(a.baseline, b.baseline)
            if a.data != b.data {
                c.data = DataBindingChange(change: a.data == nil ? .added : b.data == nil ? .removed : .changed, old: a.data, new: b.data)
            }
            c.targets = targets(a.targets, b.targets)
            if c.isEmpty { c.unit = nil }
            return c
        }

        /// Breakdowns as "gender: girls, boys"; each breakdown's values are a set.
        func breakdowns(_ a: [String: [String]], _ b: [String: [String]], into fields: inout [FieldChange]) {
            let sa = a.mapValues(Set.init), sb = b.mapValues(Set.init)
            guard sa != sb else { return }
            func written(_ d: [String: [String]]) -> String? {
                d.isEmpty ? nil : d.keys.sorted().map { "\($0): \(d[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
            }
            fields.append(FieldChange(field: .breakdowns, old: written(a), new: written(b)))
        }

        mutating func baseline(_ a: Baseline?, _ b: Baseline?) -> BaselineChange? {
            switch (a, b) {
            case (nil, nil): return nil
            case (nil, let n?): return BaselineChange(change: .added, old: nil, new: n)
            case (let o?, nil): return BaselineChange(change: .removed, old: o, new: nil)
            case (let o?, let n?):
                if o.period == n.period && o.value == n.value {
                    var ignored: [FieldChange] = []
                    text(.note, o.note, n.note, into: &ignored)
                    if ignored.isEmpty { return nil }
                }
                return BaselineChange(change: .changed, old: o, new: n)
            }
        }

        /// Targets matched by period and setter. Within one period and setter, targets
        /// written the same in both versions are unchanged; the rest are paired in order
        /// as changed, and what is left over is added or removed.
        func targets(_ a: [Target], _ b: [Target]) -> [TargetChange] {
            struct Key: Hashable { var period: Period; var setBy: TargetSetter }
            func same(_ x: Target, _ y: Target) -> Bool {
                x.rule == y.rule && x.note.map(LogicModelDiff.normalisedText) == y.note.map(LogicModelDiff.normalisedText)
            }
            var keys: [Key] = []
            for t in b + a {
                let k = Key(period: t.period, setBy: t.setBy)
                if !keys.contains(k) { keys.append(k) }
            }
            // Periods in time order, the unit's own target before the city's.
            keys.sort { ($0.period, $0.setBy == .unit ? 0 : 1) < ($1.period, $1.setBy == .unit ? 0 : 1) }
            var out: [TargetChange] = []
            for k in keys {
                var olds = a.filter { Key(period: $0.period, setBy: $0.setBy) == k }
                var news: [Target] = []
                for n in b where Key(period: n.period, setBy: n.setBy) == k {
                    if let i = olds.firstIndex(where: { same($0, n) }) { olds.remove(at: i) } else { news.append(n) }
                }
                let paired = min(olds.count, news.count)
                for j in 0..<paired {
                    out.append(TargetChange(change: .changed, period: k.period, setBy: k.setBy,
                                            old: TargetValue(rule: olds[j].rule, note: olds[j].note),
                                            new: TargetValue(rule: news[j].rule, note: news[j].note)))
                }
                for o in olds.dropFirst(paired) {
                    out.append(TargetChange(change: .removed, period: k.period, setBy: k.setBy,
                                            old: TargetValue(rule: o.rule, note: o.note), new: nil))
                }
                for n in news.dropFirst(paired) {
                    out.append(TargetChange(change: .added, period: k.period, setBy: k.setBy,
                                            old: nil, new: TargetValue(rule: n.rule, note: n.note)))
                }
            }
            return out
        }

        func assessments(_ a: [RecordedAssessment], _ b: [RecordedAssessment]) -> [AssessmentChange] {
            let periods = Set(a.map(\.period)).union(b.map(\.period)).sorted()
            var out: [AssessmentChange] = []
            for p in periods {
                let o = a.first { $0.period == p }, n = b.first { $0.period == p }
                switch (o, n) {
                case (nil, let n?): out.append(AssessmentChange(change: .added, period: p, old: nil, new: n))
                case (let o?, nil): out.append(AssessmentChange(change: .removed, period: p, old: o, new: nil))
                case (let o?, let n?):
                    let sameText = o.justification.map(LogicModelDiff.normalisedText) == n.justification.map(LogicModelDiff.normalisedText)
                    if o.result != n.result || !sameText {
                        out.append(AssessmentChange(change: .changed, period: p, old: o, new: n))
                    }
                default: break
                }
            }
            return out
        }
    }
}
