import Foundation

/// Timestamps are stored as ISO 8601 text in UTC (`2024-02-01T09:30:00Z`): readable in
/// the sqlite3 shell, sortable as text, and the same wherever the file is opened.
public enum Timestamp {
    public static func iso8601(_ date: Date = Date()) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// The date a stored timestamp names; nil for text that is not one.
    public static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
