import LogicModel
import Periods
import Store

/// What the indicator analyses read from the database for one model: its stored
/// observations, the warnings that belong to the rows still current, and every stored
/// version of the model (to name indicators a later version dropped).
public struct IndicatorData: Sendable {
    public var observations: [Observation]
    public var warnings: [ObservationWarning]
    public var versions: [VersionedModel]
    /// Bound indicators (`data:`) that have no computed values, and why.
    public var unavailable: [String: String] = [:]
    /// The same, as a reason a report can put in words (`BoundValueGap`); per period
    /// through `gap(of:in:)`.
    public var gaps: [String: BoundValueGap] = [:]
    /// Periods approved and locked: their observations are the ones kept when they were
    /// locked (`PeriodLocks`), not the live ones.
    public var locked: Set<Period> = []
    /// Live values of locked periods that differ from the kept ones (an import after the
    /// lock; without figures when the kept value's import was undone): shown beside the
    /// locked figure, used only once an approver unlocks.
    public var pending: [Observation] = []

    public init(observations: [Observation], warnings: [ObservationWarning], versions: [VersionedModel]) {
        self.observations = observations
        self.warnings = warnings
        self.versions = versions
    }

    /// The period with the most indicators given a value (the total, stored or computed;
    /// the latest-ending of equals). Unit plans report a whole year and then a tertial or two of
    /// the next, and a survey wave may come after the pilot: the latest period would show
    /// the few values of that period. `kind` limits the choice to periods of that kind
    /// when any has a value.
    public static func fullestPeriod(_ observations: [Observation], kind: Period.Kind? = nil) -> Period? {
        var indicators: [Period: Set<String>] = [:]
        for o in observations where o.group == Observation.total && (o.value != nil || o.numerator != nil) {
            indicators[o.period, default: []].insert(o.indicator)
        }
        if let kind, indicators.keys.contains(where: { $0.kind == kind }) {
            indicators = indicators.filter { $0.key.kind == kind }
        }
        // The latest: the one ending last (a year over its first tertial), then by start.
        return indicators.max { ($0.value.count, $0.key.end, $0.key) < ($1.value.count, $1.key.end, $1.key) }?.key
    }

    public static func load(_ database: Database, modelID: String) throws -> IndicatorData {
        let store = ObservationStore(database)
        let observations = try store.observations(modelID: modelID)
        // A warning belongs to the import that stored it; once a later import supersedes
        // that import's rows for the same indicator and period, its warning no longer
        // describes what is shown.
        let set = ObservationSet(observations)
        var currentImports: [String: Set<Int>] = [:]
        for id in set.indicators {
            for p in set.periods(of: id) {
                for g in set.groups(id, p) {
                    if let i = set.get(id, p, g)?.importID { currentImports["\(id)\u{1F}\(p)", default: []].insert(i) }
                }
            }
        }
        let warnings = try store.warnings(modelID: modelID).filter { entry in
            currentImports["\(entry.warning.indicator)\u{1F}\(entry.warning.period)"]?.contains(entry.importID) ?? false
        }.map(\.warning)
        let versions = try ModelCatalog(database).decodedVersions(of: modelID)
        // Indicators of the latest version with a `data:` binding: values computed now.
        var data: IndicatorData
        if let latest = versions.last?.model, latest.indicators.contains(where: { $0.data != nil }) {
            let computed = BoundValues.compute(database, model: latest)
            let merged = BoundValues.merge(entered: observations, computed: computed.observations)
            data = IndicatorData(observations: merged.observations, warnings: warnings + merged.warnings, versions: versions)
            data.unavailable = computed.unavailable
            data.gaps = computed.gaps
        } else {
            data = IndicatorData(observations: observations, warnings: warnings, versions: versions)
        }
        try PeriodLocks.apply(database, modelID: modelID, to: &data)
        return data
    }
}
