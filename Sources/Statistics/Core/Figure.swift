/// A number that may be undefined, together with the reason why.
///
/// Degenerate input (n < 2, zero variance, an empty group) never produces a bare NaN:
/// an analysis returns `Figure(nil, note: "...")`, and the JSON writer turns that into
/// `null` with a sibling `..._note` key (DESIGN §5).
public struct Figure: Sendable, Equatable, Hashable {
    public let value: Double?
    public let note: String?

    public init(_ value: Double) {
        if value.isFinite {
            self.value = value
            self.note = nil
        } else {
            self.value = nil
            self.note = value.isNaN ? "not a number" : "not finite"
        }
    }

    public init(undefined note: String) {
        self.value = nil
        self.note = note
    }

    /// A value that must be finite for the figure to be defined; otherwise `note`.
    public init(_ value: Double, orUndefined note: String) {
        if value.isFinite {
            self.value = value
            self.note = nil
        } else {
            self.value = nil
            self.note = note
        }
    }

    public var isDefined: Bool { value != nil }
}

extension Figure: CustomStringConvertible {
    public var description: String {
        if let value { return "\(value)" }
        return "undefined (\(note ?? "no reason given"))"
    }
}

/// The reason a whole analysis could not be carried out, in words a user can act on.
public struct StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
