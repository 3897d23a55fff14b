/// Small-count suppression as DESIGN §6 asks for everything a report shows: a count
/// from 1 to `threshold − 1` (default 1–4) is shown as "<5"; zero is shown (a count
/// of none discloses nobody); percentages built on a hidden count are withheld.
public struct SuppressionRule: Sendable, Equatable, Codable {
    /// Counts below this (and above zero) are hidden. 5 by default.
    public var threshold: Int

    public init(threshold: Int = 5) { self.threshold = max(1, threshold) }

    public static let standard = SuppressionRule()

    /// Whether `count` on its own must be hidden (primary suppression).
    public func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }
}

/// What a reader may see of one count.
public enum CellVisibility: String, Sendable, Equatable, Codable {
    case shown
    /// Primary suppression: the count itself is 1–4; written "<5".
    case small
    /// Complementary suppression: a count of any size hidden so that a small one cannot
    /// be worked out as total − the others; written "..".
    case hidden

    public var isSuppressed: Bool { self != .shown }
}
