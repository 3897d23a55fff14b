/// Where an indicator's values come from when they are not hand-entered (DESIGN §3.1,
/// `data:`): data already loaded into piloteval, from which values are computed per
/// period when status, trend or a report asks. LogicModel only reads and checks the
/// binding's shape; Evaluation computes the values (`Evaluation/Indicators/Bindings`).
///
/// JSON (the stored model) as the file writes it: `{"readiness": ID, "item": KEY}`,
/// `{"readiness": ID, "subscale": KEY}`, `{"cases": NAME, "cohort": "pilot", "comparison":
/// "line"}` (comparison only when written), `{"measure": ID}`.
public enum DataBinding: Sendable, Equatable, Codable {
    /// One statement of a survey instrument: the mean per wave.
    case readinessItem(instrument: String, item: String)
    /// A sub-score of a survey instrument: the mean of respondents' scale scores per wave.
    case readinessSubscale(instrument: String, subscale: String)
    /// A derived case measure (`investigation_within_4m`, …) or an extract's own outcome
    /// column, for one cohort; `comparison` is the other cohort, shown beside it.
    case cases(outcome: String, cohort: CaseCohort, comparison: CaseCohort?)
    /// A PDSA measure (`measures import`), aggregated to the indicator's period.
    case measure(id: String)

    /// The cohort of a case binding: the model's `cohorts.pilot`, or everything else.
    public enum CaseCohort: String, Sendable, Codable, CaseIterable {
        case pilot, line
    }

    /// The binding as a reader would write it, for provenance and messages:
    /// `cases: investigation_within_4m, cohort: pilot`.
    public var text: String {
        switch self {
        case .readinessItem(let i, let k): "readiness: \(i), item: \(k)"
        case .readinessSubscale(let i, let s): "readiness: \(i), subscale: \(s)"
        case .cases(let o, let c, let cmp): "cases: \(o), cohort: \(c.rawValue)" + (cmp.map { ", comparison: \($0.rawValue)" } ?? "")
        case .measure(let m): "measure: \(m)"
        }
    }

    enum Key: String, CodingKey, CaseIterable {
        case readiness, item, subscale, cases, cohort, comparison, measure
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .readinessItem(let i, let k):
            try c.encode(i, forKey: .readiness); try c.encode(k, forKey: .item)
        case .readinessSubscale(let i, let s):
            try c.encode(i, forKey: .readiness); try c.encode(s, forKey: .subscale)
        case .cases(let o, let cohort, let cmp):
            try c.encode(o, forKey: .cases); try c.encode(cohort, forKey: .cohort)
            try c.encodeIfPresent(cmp, forKey: .comparison)
        case .measure(let m):
            try c.encode(m, forKey: .measure)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let i = try c.decodeIfPresent(String.self, forKey: .readiness) {
            if let k = try c.decodeIfPresent(String.self, forKey: .item) {
                self = .readinessItem(instrument: i, item: k)
            } else {
                self = .readinessSubscale(instrument: i, subscale: try c.decode(String.self, forKey: .subscale))
            }
        } else if let o = try c.decodeIfPresent(String.self, forKey: .cases) {
            self = .cases(outcome: o, cohort: try c.decodeIfPresent(CaseCohort.self, forKey: .cohort) ?? .pilot,
                          comparison: try c.decodeIfPresent(CaseCohort.self, forKey: .comparison))
        } else {
            self = .measure(id: try c.decode(String.self, forKey: .measure))
        }
    }
}

/// The derived case measures of DESIGN §3.3, by name and kind. Kept here (LogicModel does
/// not import Evaluation) so `model validate` can suggest a name for a typo without a
/// database; Evaluation's `DerivedMeasure` must list the same names (a test checks it).
public enum KnownCaseMeasures {
    /// 0/1 per case: an indicator's value is a share (percent or ratio).
    public static let shares = ["assessment_within_14d", "investigation_within_4m", "re_referral_12m"]
    /// Durations in days, censored while open: a median (days).
    public static let durations = ["days_to_assessment", "investigation_days"]
    /// Numbers per case: a mean.
    public static let numbers = ["distinct_caseworkers", "investigations_per_child"]
    public static var all: [String] { shares + durations + numbers }

    /// The units a known measure's value can be read in; nil for a name that is not a
    /// derived measure (an extract's own outcome column, checked when values are computed).
    public static func units(of name: String) -> [IndicatorUnit]? {
        if shares.contains(name) { return [.percent, .ratio] }
        if durations.contains(name) { return [.days] }
        if numbers.contains(name) { return [.mean, .count, .ratio, .index] }
        return nil
    }
}
