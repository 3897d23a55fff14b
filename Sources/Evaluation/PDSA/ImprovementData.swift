import LogicModel
import Store

/// What a model's improvement work reads from the database, in one place: the measures
/// it shows (`PDSACatalog.measures(of:)`, with their series) and the PDSA cycles —
/// its own, and for each measure those that annotate its chart. Report sections and
/// pages take this instead of querying the stores themselves (docs/architecture.md).
public struct ImprovementData: Sendable {
    public struct Measure: Sendable {
        public var summary: MeasureSummary
        public var series: MeasureSeries
        /// This pilot's cycles watching the measure, and those naming no pilot: another
        /// pilot's cycle that names the measure does not annotate this pilot's chart.
        public var watching: [PDSACycle]
    }

    public var measures: [Measure]
    /// The model's own cycles, by start date then id.
    public var cycles: [PDSACycle]

    public static func load(_ database: Database, modelID: String) throws -> ImprovementData {
        let catalog = PDSACatalog(database)
        let allCycles = try catalog.all()
        let shown = Set(try catalog.measures(of: modelID))
        let importer = MeasureImporter(database)
        let measures = try MeasureTable(database).list().filter { shown.contains($0.measure) }.map { stored in
            Measure(summary: stored, series: try importer.series(stored.measure),
                    watching: allCycles.filter { $0.measure == stored.measure && ($0.model == nil || $0.model == modelID) })
        }
        return ImprovementData(measures: measures, cycles: allCycles.filter { $0.model == modelID })
    }
}
