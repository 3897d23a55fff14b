import Evaluation
import LogicModel
import Periods
import Presentation
import Store

/// Where each computed indicator value in a report comes from, and why an indicator
/// has no value (bound to loaded data, `data:`, or typed in and not entered for the
/// period), in the reader's words (issue 21): the
/// survey by its name, round and statement, the case extract by its date, the measure
/// and the rule — never a binding, key, file or import number (DESIGN §7, issue 20).
/// The final report's indicator section and the tertial table list them under the tables.
enum BoundValueSources {
    /// One sentence per bound indicator of the status: its value's source, or why it has none.
    static func sentences(_ status: IndicatorStatusReport, data: IndicatorData, context: ReportContext) -> [String] {
        let s = context.strings
        var out: [String] = []
        var instruments: [String: Instrument?] = [:]
        func instrument(_ id: String) -> Instrument? {
            if let known = instruments[id] { return known }
            let found = context.database.flatMap { try? InstrumentCatalog($0).resolve(id) }
            instruments[id] = found
            return found
        }
        for row in status.indicators {
            guard let indicator = context.model.indicators.first(where: { $0.id == row.id }) else { continue }
            guard let binding = indicator.data else {
                // An indicator whose values are typed in, with none for the period (and no
                // note judging it in words): say so, so no "–" is left unexplained.
                if !row.value.isDefined, !IndicatorFigureSuppression.isSuppressed(row.value), row.value.note?.hasPrefix("judged in words") != true {
                    let yearly = indicator.frequency == .year && status.period.kind != .year
                    out.append(s("gap.line", ["indicator": row.id, "period": context.numbers.period(status.period),
                                              "why": s(yearly ? "gap.year_only" : "gap.not_entered")]))
                }
                continue
            }
            if let source = row.valueSource {
                let text = sourceText(source, binding: binding, indicator: indicator, instrument: instrument, context: context)
                out.append(s("source.line", ["indicator": row.id, "source": text]))
            } else if let gap = data.gap(of: indicator, in: row.valuePeriod ?? status.period) {
                out.append(s("gap.line", ["indicator": row.id, "period": context.numbers.period(status.period),
                                          "why": gapText(gap, context: context)]))
            }
        }
        return out
    }

    static func sourceText(_ source: ValueSource, binding: DataBinding, indicator: Indicator,
                           instrument: (String) -> Instrument?, context: ReportContext) -> String {
        let s = context.strings, sv = context.language == .sv
        switch binding {
        case .readinessItem(let id, let key), .readinessSubscale(let id, let key):
            let found = instrument(id)
            var item = key
            if case .readinessItem = binding, let i = found?.items.first(where: { $0.key == key }) { item = sv ? i.sv : (i.en ?? i.sv) }
            if case .readinessSubscale = binding, let sc = found?.subscales.first(where: { $0.key == key }) { item = sv ? sc.sv : (sc.en ?? sc.sv) }
            let total = source.total == .pilotUnit ? s("source.total.pilot_unit", ["unit": source.totalUnit ?? ""]) : s("source.total.all_units")
            let kind: String = if case .readinessItem = binding { "source.readiness.item" } else { "source.readiness.subscale" }
            return s(kind, ["instrument": found?.name ?? s("source.readiness.instrument"),
                            "wave": source.wave.map { waveName($0, context: context) } ?? "",
                            "item": item, "total": total])
        case .cases(let outcome, let cohort, _):
            let date = source.extractDate.flatMap(CalendarDate.init(parsing:)).map(context.numbers.date) ?? ""
            let kind = source.rule.contains("Kaplan–Meier") ? "source.cases.median"
                : source.rule.contains("share of cases") ? "source.cases.share" : "source.cases.mean"
            return s(kind, ["date": date, "measure": lowercasedFirst(CaseOutcomeNames.displayName(outcome, context.language)),
                            "cohort": s("source.cohort.\(cohort.rawValue)"), "by": s("source.by.\(definedBy(outcome))")])
        case .measure:
            let kind = source.rule.hasPrefix("numerators") ? "source.measure.share"
                : source.rule.hasPrefix("values summed") ? "source.measure.sum" : "source.measure.mean"
            return s(kind)
        }
    }

    static func gapText(_ gap: BoundValueGap, context: ReportContext) -> String {
        let s = context.strings, n = context.numbers
        switch gap {
        case .noPilotCohort: return s("gap.no_pilot_cohort")
        case .noCaseExtract: return s("gap.no_case_extract")
        case .noCaseWithOutcome: return s("gap.no_case_with_outcome")
        case .periodAfterExtract(let extract): return s("gap.period_after_extract", ["date": n.date(extract)])
        case .followUpNotReached(let months, let extract):
            return s("gap.follow_up", ["months": String(months), "date": n.date(extract)])
        case .tooFewCases: return s("gap.too_few_cases")
        case .noSurveyWave: return s("gap.no_survey_wave")
        case .noWaveGivesAValue: return s("gap.no_wave_value")
        case .noWaveInYear(let year): return s("gap.no_wave_in_year", ["year": String(year)])
        case .waveAfterPeriod(let wave): return s("gap.wave_after_period", ["wave": waveName(wave, context: context)])
        case .yearOnly: return s("gap.year_only")
        case .noMeasurePoints: return s("gap.no_measure_points")
        case .noPointsInPeriod: return s("gap.no_points_in_period")
        case .notComputable: return s("gap.not_computable")
        }
    }

    /// "2022-03" → "mars 2022", as the readiness part and its charts name a wave
    /// (`NumberStyle.wave`); a wave labelled by a day ("2022-03-15") by its month; a wave
    /// named otherwise as it is.
    static func waveName(_ wave: String, context: ReportContext) -> String {
        let named = context.numbers.periodLabel(wave)
        return named != wave || wave.count <= 7 ? named : context.numbers.periodLabel(String(wave.prefix(7)))
    }

    /// The date that puts a case in a period (`CaseBinding.definingDate`), as a string key.
    static func definedBy(_ outcome: String) -> String {
        switch outcome {
        case "assessment_within_14d": "decision"
        case "investigation_within_4m", "re_referral_12m": "investigation_end"
        case "investigation_days": "investigation_start"
        case "investigations_per_child": "first_referral"
        default: "referral"
        }
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, text.dropFirst().first?.isLowercase ?? true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
