import Evaluation
import LogicModel

/// The change-readiness part of a report, as the report's record holds it (its JSON is
/// the record's `readiness`): per survey its waves, each unit's all-items score (n and
/// mean null beside a note when the unit is withheld), the latest change per unit, and
/// the Likert bars as recoded for disclosure. Computed by Reports' `ReadinessSection`
/// (which decides what is withheld); its blocks are `ReadinessReport+Blocks.swift`.
public struct ReadinessReport: Codable {
    public var surveys: [Survey]
    public var note: String?

    public init(surveys: [Survey], note: String?) {
        self.surveys = surveys
        self.note = note
    }

    public struct UnitScore: Codable {
        public var unit: String
        public var n: Int?
        public var nNote: String?
        public var suppressed: Bool
        public var mean: Double?
        public var meanNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?

        public init(unit: String, n: Int?, nNote: String?, suppressed: Bool, mean: Double?, meanNote: String?,
                    ciLow: Double?, ciHigh: Double?) {
            self.unit = unit
            self.n = n
            self.nNote = nNote
            self.suppressed = suppressed
            self.mean = mean
            self.meanNote = meanNote
            self.ciLow = ciLow
            self.ciHigh = ciHigh
        }

        enum CodingKeys: String, CodingKey {
            case unit, n, suppressed, mean
            case nNote = "n_note"
            case meanNote = "mean_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
        }

        /// `n` and `mean` are always written, `null` beside their note when withheld
        /// (DESIGN §5), so a reader of the JSON sees the unit listed as withheld.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(unit, forKey: .unit)
            try c.encode(n, forKey: .n)
            try c.encodeIfPresent(nNote, forKey: .nNote)
            try c.encode(suppressed, forKey: .suppressed)
            try c.encode(mean, forKey: .mean)
            try c.encodeIfPresent(meanNote, forKey: .meanNote)
            try c.encodeIfPresent(ciLow, forKey: .ciLow)
            try c.encodeIfPresent(ciHigh, forKey: .ciHigh)
        }
    }

    public struct Wave: Codable {
        public var wave: String
        public var aggregated: Bool
        /// Imported from a synthetic file (the example's invented waves): labelled so in
        /// every table and chart caption.
        public var synthetic: Bool
        /// Respondents of the units shown (a withheld unit's are left out); nil for an
        /// aggregated wave.
        public var respondents: Int?
        public var respondentsNote: String?
        public var units: [UnitScore]
        public var alpha: Double?
        public var alphaNote: String?
        public var alphaCILow: Double?
        public var alphaCIHigh: Double?
        public var icc1: Double?
        public var icc2: Double?
        public var iccNote: String?
        public var verdict: String
        public var verdictText: String

        public init(wave: String, aggregated: Bool, synthetic: Bool, respondents: Int?, respondentsNote: String?,
                    units: [UnitScore], alpha: Double?, alphaNote: String?, alphaCILow: Double?,
                    alphaCIHigh: Double?, icc1: Double?, icc2: Double?, iccNote: String?, verdict: String,
                    verdictText: String) {
            self.wave = wave
            self.aggregated = aggregated
            self.synthetic = synthetic
            self.respondents = respondents
            self.respondentsNote = respondentsNote
            self.units = units
            self.alpha = alpha
            self.alphaNote = alphaNote
            self.alphaCILow = alphaCILow
            self.alphaCIHigh = alphaCIHigh
            self.icc1 = icc1
            self.icc2 = icc2
            self.iccNote = iccNote
            self.verdict = verdict
            self.verdictText = verdictText
        }

        enum CodingKeys: String, CodingKey {
            case wave, aggregated, synthetic, respondents, units, alpha, icc1, icc2, verdict
            case respondentsNote = "respondents_note"
            case alphaNote = "alpha_note"
            case alphaCILow = "alpha_ci_low"
            case alphaCIHigh = "alpha_ci_high"
            case iccNote = "icc_note"
            case verdictText = "verdict_text"
        }
    }

    /// The latest change of a unit's all-items score (later − earlier).
    public struct Change: Codable {
        public var unit: String
        public var from: String
        public var to: String
        /// `welch` (tested) or `descriptive` (to or from an aggregated wave).
        public var method: String
        public var difference: Double?
        public var differenceNote: String?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var p: Double?
        public var pAdjusted: Double?

        public init(unit: String, from: String, to: String, method: String, difference: Double?,
                    differenceNote: String?, ciLow: Double?, ciHigh: Double?, p: Double?, pAdjusted: Double?) {
            self.unit = unit
            self.from = from
            self.to = to
            self.method = method
            self.difference = difference
            self.differenceNote = differenceNote
            self.ciLow = ciLow
            self.ciHigh = ciHigh
            self.p = p
            self.pAdjusted = pAdjusted
        }

        enum CodingKeys: String, CodingKey {
            case unit, from, to, method, difference, p
            case differenceNote = "difference_note"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case pAdjusted = "p_adjusted"
        }
    }

    public struct Survey: Codable {
        public var instrument: String
        public var name: String
        public var scaleMin: Int
        public var scaleMax: Int
        public var waves: [Wave]
        public var changes: [Change]
        /// How many tested changes the Holm correction ran over.
        public var tests: Int
        /// The wave of the Likert bars: the latest respondent-level wave.
        public var likertWave: String?
        public var likert: [LikertBars.Bar]
        public var imports: [Int]
        /// The analysis values the charts are drawn from (not part of the JSON: their
        /// figures are the ones above).
        public var charts: Charts?

        public init(instrument: String, name: String, scaleMin: Int, scaleMax: Int, waves: [Wave],
                    changes: [Change], tests: Int, likertWave: String?, likert: [LikertBars.Bar], imports: [Int],
                    charts: Charts?) {
            self.instrument = instrument
            self.name = name
            self.scaleMin = scaleMin
            self.scaleMax = scaleMax
            self.waves = waves
            self.changes = changes
            self.tests = tests
            self.likertWave = likertWave
            self.likert = likert
            self.imports = imports
            self.charts = charts
        }

        enum CodingKeys: String, CodingKey {
            case instrument, name, waves, changes, tests, likert, imports
            case scaleMin = "scale_min"
            case scaleMax = "scale_max"
            case likertWave = "likert_wave"
        }
    }

    public struct Charts {
        public var instrument: Instrument
        public var latest: ReadinessSummary
        public var likertSummary: ReadinessSummary?
        public var trend: ReadinessTrend

        public init(instrument: Instrument, latest: ReadinessSummary, likertSummary: ReadinessSummary?, trend: ReadinessTrend) {
            self.instrument = instrument
            self.latest = latest
            self.likertSummary = likertSummary
            self.trend = trend
        }
    }
}
