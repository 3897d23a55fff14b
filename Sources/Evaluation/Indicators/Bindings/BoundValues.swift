import LogicModel
import Periods
import Store

/// The one seam between an indicator's `data:` binding and everything that reads
/// indicator values: `IndicatorData.load` asks it for the bound indicators' values,
/// computed from the stored data at that moment (no copies that drift), and merges them
/// with the hand-entered observations. Status, trend, goal roll-up and the reports then
/// read them as observations (`IndicatorReading`), each carrying its `ValueSource`.
///
/// A hand-entered observation wins over a computed value for the same indicator and
/// period (all of that period's computed groups are left out), with a warning on the
/// row: the person who typed it in meant it, and the warning says the two disagree in
/// source.
public enum BoundValues {
    /// Computed observations of every bound indicator of `model`. A binding whose data is
    /// not loaded (no case extract, no such instrument or wave) gives no values; the
    /// reason is in `unavailable`, by indicator id.
    public static func compute(_ database: Database, model: LogicModel)
        -> (observations: [Observation], unavailable: [String: String], gaps: [String: BoundValueGap]) {
        var out: [Observation] = [], unavailable: [String: String] = [:], gaps: [String: BoundValueGap] = [:]
        var cases: (snapshots: [CaseSnapshot], values: [[String: CaseValue]])?
        for indicator in model.indicators {
            guard let binding = indicator.data else { continue }
            do {
                switch binding {
                case .cases(let outcome, let cohort, let comparison):
                    guard let pilot = model.cohorts?.pilot else {
                        unavailable[indicator.id] = "the model has no cohorts.pilot to tell the pilot's cases from the line's"
                        gaps[indicator.id] = .noPilotCohort
                        continue
                    }
                    if cases == nil {
                        let s = try CaseDataset.loadSnapshots(database: database, modelID: model.id)
                        cases = (s, CaseMeasures.derive(s))
                    }
                    let rows = CaseBinding.observations(indicator: indicator, outcome: outcome, cohort: cohort, comparison: comparison,
                                                        pilotCohort: pilot, snapshots: cases!.snapshots, values: cases!.values)
                    if rows.isEmpty {
                        unavailable[indicator.id] = cases!.snapshots.isEmpty ? "no case extract is imported for model \(model.id)"
                            : "no imported case has \(outcome)"
                        let extract = cases!.snapshots.map(\.censorDate).max()
                        // A re-referral is known only 12 months after the investigation ended.
                        gaps[indicator.id] = cases!.snapshots.isEmpty ? .noCaseExtract
                            : outcome == "re_referral_12m" && extract != nil ? .followUpNotReached(months: 12, extract: extract!)
                            : .noCaseWithOutcome(extract: extract)
                    }
                    out += rows
                case .readinessItem(let id, _), .readinessSubscale(let id, _):
                    let instrument = try InstrumentCatalog(database).resolve(id)
                    let repository = ReadinessRepository(database)
                    let waves = try repository.waves(instrumentID: instrument.id).map { info in
                        ReadinessBinding.Wave(data: try repository.load(instrument: instrument, wave: info.wave),
                                              imports: try readinessImports(database, instrument: instrument.id, wave: info.wave))
                    }
                    let rows = ReadinessBinding.observations(indicator: indicator, binding: binding, instrument: instrument,
                                                             waves: waves, pilotUnit: model.cohorts?.surveyUnit)
                    if rows.isEmpty {
                        unavailable[indicator.id] = "no stored wave of \(id) gives a value for \(binding.text)"
                        gaps[indicator.id] = waves.isEmpty ? .noSurveyWave : .noWaveGivesAValue
                    }
                    out += rows
                case .measure(let id):
                    let table = MeasureTable(database)
                    let imports = try table.list().first { $0.measure == id }?.imports ?? []
                    let rows = MeasureBinding.observations(indicator: indicator, measure: id,
                                                           values: try table.values(of: id), imports: imports)
                    if rows.isEmpty {
                        unavailable[indicator.id] = "no value of measure \(id) is stored (piloteval measures import)"
                        gaps[indicator.id] = .noMeasurePoints
                    }
                    out += rows
                }
            } catch {
                unavailable[indicator.id] = "\(error)"
                // An instrument that is not stored is the common case; anything else is a fault.
                if case .readinessItem = binding { gaps[indicator.id] = .noSurveyWave }
                else if case .readinessSubscale = binding { gaps[indicator.id] = .noSurveyWave }
                else { gaps[indicator.id] = .notComputable }
            }
        }
        return (out, unavailable, gaps)
    }

    static func readinessImports(_ database: Database, instrument: String, wave: String) throws -> [Int] {
        try database.query("""
            SELECT DISTINCT import_id FROM readiness_responses WHERE instrument_id = ?1 AND wave = ?2
            UNION SELECT DISTINCT import_id FROM readiness_unit_means WHERE instrument_id = ?1 AND wave = ?2
            """, instrument, wave).compactMap { $0.int("import_id") }.sorted()
    }

    /// Hand-entered observations, then the computed ones of every indicator and period
    /// that has none; a warning for each period where both exist.
    public static func merge(entered: [Observation], computed: [Observation]) -> (observations: [Observation], warnings: [ObservationWarning]) {
        struct Cell: Hashable { var indicator: String; var period: Period }
        var enteredCells: [Cell: [Observation]] = [:]
        for o in entered { enteredCells[Cell(indicator: o.indicator, period: o.period), default: []].append(o) }
        var kept: [Observation] = [], warned: Set<Cell> = [], warnings: [ObservationWarning] = []
        for o in computed {
            let cell = Cell(indicator: o.indicator, period: o.period)
            guard let typed = enteredCells[cell] else { kept.append(o); continue }
            guard o.group == Observation.total, warned.insert(cell).inserted else { continue }
            let imports = Set(typed.compactMap(\.importID)).sorted().map(String.init).joined(separator: ", ")
            warnings.append(ObservationWarning(
                kind: .observationOverridesComputed, indicator: o.indicator, period: o.period,
                message: "\(o.indicator) \(o.period): the hand-entered observation (import \(imports)) is shown; "
                    + "the value computed from `data: {\(o.computed?.binding ?? "")}` is not. Remove one of them",
                lines: typed.map(\.line)))
        }
        return (entered + kept, warnings)
    }
}
