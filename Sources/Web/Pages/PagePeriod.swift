import Evaluation
import LogicModel
import Periods
import Store

/// Which period a page opens on when the reader has not chosen one: the latest period
/// in which at least one indicator can be assessed against a target, else the latest
/// with values. A model's newest data is often a survey wave of a year that has no
/// targets yet (the demo's 2023): opening there would show every indicator as "not
/// assessed" and hide the ones off target. The page names the period and its picker
/// reaches the newer ones.
enum PagePeriod {
    static func choose(_ db: Database, modelID: String) throws -> (versioned: VersionedModel, data: IndicatorData, period: Period?) {
        let versioned = try ModelCatalog(db).resolveVersioned(modelID)
        let data = try IndicatorData.load(db, modelID: versioned.model.id)
        let periods = Array(Set(data.observations.map(\.period))).sorted(by: >)
        for period in periods {
            guard let report = status(versioned, data, period) else { continue }
            if report.indicators.contains(where: { $0.status == .met || $0.status == .notMet }) {
                return (versioned, data, period)
            }
        }
        return (versioned, data, periods.first)
    }

    static func status(_ versioned: VersionedModel, _ data: IndicatorData, _ period: Period?) -> IndicatorStatusReport? {
        IndicatorStatusAnalysis.compute(model: versioned.model, modelVersion: versioned.version, observations: data.observations,
                                        warnings: data.warnings, period: period, earlierVersions: data.versions,
                                        unavailable: data.unavailable)
    }
}
