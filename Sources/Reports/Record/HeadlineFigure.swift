/// A figure a steering group follows from one report to the next, declared by the
/// section that shows it (`ReportSectionBuilder.headlines`) under an id that stays the
/// same between reports: "what changed since the last report" compares these by id,
/// typed, instead of searching the previous report's JSON for paths that look right.
/// A figure shown in two places (an indicator under two goals) is declared at each,
/// with one id: the brief names it once.
public struct HeadlineFigure: Codable, Sendable, Equatable {
    /// The kinds of headline, in the order the brief shares its rows out among them.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case indicator
        case pilotVsLine = "pilot_vs_line"
        case readiness
        case measure
    }

    /// Stable across reports: `indicator:I1`, `pilot_vs_line:investigation_within_4m`,
    /// `readiness:vallingbyteamet-readiness:2023-03:Enheten för barn och unga`, `measure:…`.
    public var id: String
    public var kind: Kind
    /// What the brief calls it, in the report's language.
    public var label: String
    public var value: Double?
    /// Where the figure stands in the record's `results` (`indicators.status.indicators[3].value`),
    /// so the changes not shown by name can be counted without counting these twice.
    public var path: String

    public init(id: String, kind: Kind, label: String, value: Double?, path: String) {
        self.id = id
        self.kind = kind
        self.label = label
        self.value = value
        self.path = path
    }
}
