/// Who a document is for (DESIGN §9, docs/privacy.md "Audiences"). A document is
/// public unless asked otherwise: a brief gets forwarded.
public enum Audience: String, Sendable, Equatable, Codable, CaseIterable {
    /// Anyone may read it: small counts are suppressed, complements chosen so that no
    /// hidden count can be worked out from anything the document publishes.
    case `public`
    /// The pilot's own people: small counts are shown, and every page says that the
    /// document contains them and must not be spread.
    case `internal`
}

/// Small-count suppression as DESIGN §6 asks for everything a public document shows: a
/// count from 1 to `threshold − 1` (default 1–4) is shown as "<5"; zero is shown (a
/// count of none discloses nobody); percentages built on a hidden count are withheld.
/// For the internal audience nothing is small.
public struct SuppressionRule: Sendable, Equatable, Codable {
    /// Counts below this (and above zero) are hidden. 5 by default.
    public var threshold: Int
    public var audience: Audience

    public init(threshold: Int = 5, audience: Audience = .public) {
        self.threshold = max(1, threshold)
        self.audience = audience
    }

    public static let standard = SuppressionRule()

    /// Whether `count` on its own must be hidden (primary suppression).
    public func isSmall(_ count: Int) -> Bool { audience == .public && count > 0 && count < threshold }

    /// The fewest members a group (a survey unit, a gender) needs for its figures to be
    /// published: the threshold for the public, one for the internal audience.
    public var minimumGroup: Int { audience == .public ? threshold : 1 }
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
