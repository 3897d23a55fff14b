import Evaluation
import LogicModel

/// The indicators in a report, as the report's record holds them (its JSON is the
/// record's `indicators`): the period reported, the status and trend of the model's
/// indicators after small-count suppression, whether the period's values are approved,
/// and where computed values come from. Computed by Reports' `IndicatorStatusSection`
/// (which decides what is withheld, and hands the decisions over typed in `disclosures`);
/// its blocks are `IndicatorReport+Blocks.swift` and `IndicatorReport+Overview.swift`.
public struct IndicatorReport: Codable {
    /// The period reported: `--period`, else the latest period with data.
    public var period: String?
    public var periodNote: String?
    public var status: IndicatorStatusReport?
    public var trend: IndicatorTrendReport?
    /// Whether the period's values are approved and locked (true), not yet while the
    /// model's periods are being approved (false), or nil when no period of the
    /// model has been approved or marked ready.
    public var approved: Bool? = nil
    /// Each computed value's source, and why a bound indicator has no value, in the
    /// report's words (Reports' `BoundValueSources`); nil when no indicator is bound.
    public var sources: [String]? = nil
    /// What disclosure control withheld of `status` and `trend`, figure by figure: what
    /// the blocks write "<5" or ".."; not in the JSON, which says it by `null` + note.
    public var disclosures = IndicatorDisclosures()
    /// The response scale of each indicator bound to a survey's item or subscale, by
    /// indicator id: its chart draws the scale's whole range (1–7), as every readiness
    /// chart does, so two items' charts compare at a glance. Not in the JSON (the model's
    /// instrument says it).
    public var scales: [String: ResponseScale] = [:]

    public init(period: String?, periodNote: String?, status: IndicatorStatusReport?, trend: IndicatorTrendReport?,
                approved: Bool? = nil, sources: [String]? = nil, disclosures: IndicatorDisclosures = IndicatorDisclosures()) {
        self.period = period
        self.periodNote = periodNote
        self.status = status
        self.trend = trend
        self.approved = approved
        self.sources = sources
        self.disclosures = disclosures
    }

    enum CodingKeys: String, CodingKey {
        case period, status, trend, approved, sources
        case periodNote = "period_note"
    }
}
