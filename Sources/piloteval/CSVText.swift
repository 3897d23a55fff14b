import Foundation

/// RFC 4180 text (DESIGN §5): comma-separated, CRLF line ends, fields quoted when they
/// hold a comma, quote or line break, numbers with `.` decimals.
enum CSVText {
    static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as JSON would write it (shortest round-trip form, `.` decimals); empty
    /// for none.
    static func number(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
