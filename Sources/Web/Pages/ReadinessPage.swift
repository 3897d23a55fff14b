import Evaluation
import LogicModel
import Presentation
import Reports
import Store

/// The readiness page's own part, after the final report's readiness section (the
/// table per unit and wave, the heatmap, the trend of all statements, the Likert bars):
/// each survey's scales over time and its gaps, in the reader's language
/// (`ReadinessCloserLook`), for the surveys the report shows.
enum ReadinessPage {
    /// - Parameter minGroup: the fewest answers a unit needs to be shown, as the page's
    ///   report section decides it (its audience).
    static func closerLook(_ db: Database, modelID: String, minGroup: Int, language: Language) throws -> PageContent {
        let catalog = InstrumentCatalog(db)
        let repository = ReadinessRepository(db)
        var content = PageContent()
        for id in try catalog.reported(for: modelID) {
            let instrument = try catalog.resolve(id)
            let waves = try repository.loadAll(instrument: instrument)
            guard !waves.isEmpty else { continue }
            let trend = ReadinessTrend.compute(waves, instrument: instrument, minGroup: minGroup)
            let gaps = waves.last { !$0.isAggregated }.map { ReadinessGaps.compute($0, instrument: instrument, minGroup: minGroup) }
            // Under the page's h1, beside the section's own content (rendered without its heading).
            content.blocks(ReadinessCloserLook(instrument: instrument, trend: trend, gaps: gaps, style: NumberStyle(language)).blocks(),
                           depth: 0)
        }
        return content
    }
}
