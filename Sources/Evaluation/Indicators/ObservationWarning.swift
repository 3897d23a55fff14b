import Periods

/// A consistency problem found in imported observations. Warnings do not stop an import:
/// the seeds themselves contain such figures, and a reviewer needs to see them, so they
/// are stored with the data and shown beside the figures they concern.
public struct ObservationWarning: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Parts of an additive indicator (counts, amounts, or the counts behind a
        /// percentage) do not add up to the total.
        case partsDoNotSumToTotal = "parts_do_not_sum_to_total"
        /// The total of a non-additive indicator (a percentage, mean, index) lies outside
        /// the range of its parts, which a weighted average cannot do.
        case totalOutsideParts = "total_outside_parts"
        /// A percentage below 0 or above 100.
        case percentOutOfRange = "percent_out_of_range"
        /// The period lies outside the model's period and is not one the indicator has a
        /// target or baseline for.
        case periodOutsideModel = "period_outside_model"
        /// A value and counts are both given and do not agree at the value's precision.
        case valueDisagreesWithCounts = "value_disagrees_with_counts"
        /// A hand-entered observation and a value computed from the indicator's `data:`
        /// binding exist for the same period; the observation is shown (not stored:
        /// found each time values are read).
        case observationOverridesComputed = "observation_overrides_computed"
    }

    public var kind: Kind
    public var indicator: String
    public var period: Period
    public var message: String
    /// The file lines involved, ascending.
    public var lines: [Int]

    public init(kind: Kind, indicator: String, period: Period, message: String, lines: [Int]) {
        self.kind = kind
        self.indicator = indicator
        self.period = period
        self.message = message
        self.lines = lines.sorted()
    }

    /// `line 12, 13: message`, for a terminal.
    public var located: String {
        let where_ = lines.isEmpty ? "" : (lines.count == 1 ? "line " : "lines ") + lines.map(String.init).joined(separator: ", ") + ": "
        return where_ + message
    }
}
