import ArgumentParser
import Foundation

/// CSV for machines (DESIGN §5). `rfc4180`: comma-separated, CRLF line ends, fields
/// quoted when they hold the separator, a quote or a line break, `.` decimals.
/// `excel-sv`: what Swedish Excel opens directly by double-click — `;` separators,
/// decimal commas and a UTF-8 byte-order mark (without the BOM Excel reads UTF-8 as
/// Windows-1252 and mangles å, ä, ö).
enum CSVText {
    enum Dialect: String, ExpressibleByArgument, CaseIterable, Sendable {
        case rfc4180
        case excelSV = "excel-sv"
    }

    static func render(_ rows: [[String]], dialect: Dialect = .rfc4180) -> String {
        switch dialect {
        case .rfc4180:
            return rows.map { $0.map { field($0, separator: ",") }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .excelSV:
            let body = rows.map { row in
                row.map { field(decimalComma($0), separator: ";") }.joined(separator: ";")
            }.joined(separator: "\r\n")
            return "\u{FEFF}" + body + "\r\n"
        }
    }

    static func field(_ s: String, separator: Character = ",") -> String {
        guard s.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `-12.5` → `-12,5` for cells that are plain numbers as `number(_:)` writes them;
    /// text (ids, periods like 2021-T1, rules like "<= 6.1") is left as it is.
    static func decimalComma(_ cell: String) -> String {
        var digits = 0, dots = 0
        for (i, c) in cell.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-") where i == 0: break
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard digits > 0 else { return cell }
            default: return cell
            }
        }
        guard digits > 0, dots == 1 else { return cell }
        return cell.replacingOccurrences(of: ".", with: ",")
    }

    /// A number as JSON would write it (shortest round-trip form, `.` decimals); empty
    /// for none.
    static func number(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

/// `--csv-dialect`, for every command with `--format csv`.
struct CSVDialectOption: ParsableArguments {
    @Option(name: .customLong("csv-dialect"),
            help: "With --format csv: rfc4180 (default; `,` and `.` decimals) or excel-sv (`;`, decimal comma, UTF-8 BOM: opens in Swedish Excel).")
    var dialect: CSVText.Dialect = .rfc4180
}
