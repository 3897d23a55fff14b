import LogicModel
import Periods

/// Computes `IndicatorStatusReport` from a model and its stored observations: a pure
/// function, so the CLI, reports and `report verify` all get the same figures.
public enum IndicatorStatusAnalysis {
    /// - Parameters:
    ///   - model: the model version to evaluate against (normally the latest).
    ///   - observations: every stored observation of the model, oldest import first.
    ///   - warnings: the stored consistency warnings of those imports.
    ///   - period: the period to report; nil for the latest period with data.
    ///   - earlierVersions: stored versions of the model, to name indicators this
    ///     version no longer has.
    ///   - unavailable: why a bound indicator (`data:`) has no computed values
    ///     (`IndicatorData.unavailable`), added to its status note.
    public static func compute(model: LogicModel, modelVersion: Int?, observations: [Observation],
                               warnings: [ObservationWarning] = [], period: Period? = nil,
                               earlierVersions: [VersionedModel] = [],
                               unavailable: [String: String] = [:]) -> IndicatorStatusReport? {
        let set = ObservationSet(observations)
        guard let period = period ?? set.latestPeriod else { return nil }

        var rows: [IndicatorStatusRow] = []
        for indicator in model.indicators {
            var r = IndicatorReading(indicator: indicator, period: period, observations: set, yearlySurveyValue: true)
            if r.valuePeriod != nil {
                let wave = r.observation?.computed?.wave ?? "?"
                r.statusNote = ["the year's survey value (wave \(wave)) read for \(period)", r.statusNote]
                    .compactMap { $0 }.joined(separator: "; ")
            }
            if let binding = indicator.data, r.total.value.value == nil {
                // A bound indicator without a value says why (`IndicatorData.unavailable`).
                let why = "no value computed from data: {\(binding.text)} for \(period)"
                    + (unavailable[indicator.id].map { ": " + $0 } ?? "")
                r.statusNote = [r.statusNote, why].compactMap { $0 }.joined(separator: "; ")
            }
            rows.append(IndicatorStatusRow(
                id: indicator.id, title: indicator.title, measures: indicator.measures, unit: indicator.unit,
                direction: indicator.direction, period: period, total: r.total, groups: r.groups,
                previousPeriod: r.previousPeriod, previousValue: r.previousValue, previousSource: r.previousSource,
                change: r.change, changeUnit: indicator.unit == .percent ? "percentage_points" : indicator.unit.rawValue,
                target: r.unitTarget, cityTarget: r.cityTarget, status: r.status, statusNote: r.statusNote,
                statusBasis: r.statusBasis, interim: (r.statusBasis == .city ? r.cityTarget : r.unitTarget)?.interim ?? false,
                warnings: uniqueWarnings(warnings.filter { $0.indicator == indicator.id && $0.period == period }),
                sourceImport: r.observation?.importID, sourceLine: r.observation?.line, counts: indicator.counts,
                valueSource: r.observation?.computed, valuePeriod: r.valuePeriod))
        }

        let goals = goalRows(model: model, rows: rows, period: period)
        let removed = removedIndicators(model: model, set: set, earlierVersions: earlierVersions)
        return IndicatorStatusReport(model: model.id, modelName: model.name, modelVersion: modelVersion,
                                     period: period, indicators: rows, goals: goals, removedIndicators: removed,
                                     caveats: caveats(rows: rows, goals: goals, removed: removed, period: period))
    }

    static func goalRows(model: LogicModel, rows: [IndicatorStatusRow], period: Period) -> [GoalAssessmentRow] {
        let graph = ModelGraph(model)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return model.goals.map { goal in
            let covered = GoalRollUp.coveredIndicators(of: goal.id, in: model, graph: graph).compactMap { byID[$0] }
            let assessment = GoalRollUp.assessment(of: covered.map(\.status))
            let met = covered.filter { $0.status == .met }, notMet = covered.filter { $0.status == .notMet }
            let other = covered.filter { $0.status != .met && $0.status != .notMet }
            var words: [String]
            if covered.isEmpty {
                words = ["no indicator measures this goal or anything leading to it"]
            } else {
                words = ["\(met.count) of \(met.count + notMet.count) assessed indicators met"]
                if !met.isEmpty { words.append("met: " + met.map(\.id).joined(separator: ", ")) }
                if !notMet.isEmpty { words.append("not met: " + notMet.map(\.id).joined(separator: ", ")) }
                if !other.isEmpty { words.append("not assessable: " + other.map { "\($0.id) (\($0.status.rawValue))" }.joined(separator: ", ")) }
            }
            let manual = goal.assessments.last { $0.period == period }
            return GoalAssessmentRow(
                id: goal.id, title: goal.title, level: goal.level, code: goal.code, parent: goal.parent,
                assessment: assessment, assessmentNote: words.joined(separator: "; "),
                met: met.count, notMet: notMet.count,
                indicators: covered.map { .init(id: $0.id, status: $0.status) },
                interim: (met + notMet).contains { $0.interim },
                manualAssessment: manual?.result, manualPeriod: manual?.period,
                manualJustification: manual?.justification,
                // "Cannot assess" is no verdict, so it cannot contradict one.
                differs: manual.map { assessment != .cannotAssess && $0.result != assessment })
        }
    }

    static func removedIndicators(model: LogicModel, set: ObservationSet,
                                  earlierVersions: [VersionedModel]) -> [RemovedIndicator] {
        let current = Set(model.indicators.map(\.id))
        return set.indicators.filter { !current.contains($0) }.map { id in
            let last = earlierVersions.last { v in v.model.indicators.contains { $0.id == id } }
            let rows = set.all(id)
            return RemovedIndicator(
                id: id, title: last?.model.indicators.first { $0.id == id }?.title,
                lastModelVersion: last?.version, periods: set.periods(of: id), observations: rows.count,
                note: "not in this version of the model; its \(rows.count) stored observation(s) are kept"
                    + (last.map { " (it was in version \($0.version))" } ?? ""))
        }
    }

    static func caveats(rows: [IndicatorStatusRow], goals: [GoalAssessmentRow], removed: [RemovedIndicator],
                        period: Period) -> [String] {
        var out: [String] = []
        if rows.contains(where: \.interim) {
            out.append("\(period) is part of a year: statuses against year targets are interim readings, not the year's result.")
        }
        for g in goals where g.differs == true {
            let name = g.id + (g.code.map { " (code \($0))" } ?? "")
            out.append("\(name): the recorded assessment (\(g.manualAssessment!.rawValue)) differs from the computed one (\(g.assessment.rawValue)).")
        }
        let warned = rows.filter { !$0.warnings.isEmpty }.map(\.id)
        if !warned.isEmpty {
            out.append("Consistency warnings on " + warned.joined(separator: ", ") + ": check those figures against the source.")
        }
        if !removed.isEmpty {
            out.append("Observations exist for indicators no longer in the model: " + removed.map(\.id).joined(separator: ", ") + ".")
        }
        return out
    }

    /// The same warning stored by two imports of overlapping files is shown once.
    static func uniqueWarnings(_ ws: [ObservationWarning]) -> [ObservationWarning] {
        var seen: Set<ObservationWarning> = []
        return ws.filter { seen.insert($0).inserted }
    }
}
