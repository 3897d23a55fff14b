import Foundation
import Periods

/// Writes a synthetic extract the way real exports look (docs/cases.md):
/// `excel-sv` is Swedish Excel's "CSV UTF-8" (`;`, decimal comma, BOM, CRLF),
/// `windows-1252` its "CSV (semikolonavgränsad)" (`;`, decimal comma, Windows-1252,
/// CRLF), `plain` an RFC 4180 file (`,`, `.` decimals, UTF-8, LF).
public struct SyntheticCaseWriter {
    public enum Dialect: String, CaseIterable, Sendable {
        case excelSv = "excel-sv", windows1252 = "windows-1252", plain
    }
    public enum DateForm: String, CaseIterable, Sendable {
        case iso, compact
    }
    public enum Headers: String, CaseIterable, Sendable {
        /// DESIGN §3.3's default names: imports without a mapping.
        case `default`
        /// Swedish names as a case-management export has them: import with the mapping
        /// from `mappingYAML`.
        case swedish
    }

    public var dialect: Dialect = .excelSv
    public var dateForm: DateForm = .iso
    public var headers: Headers = .default
    /// A personnummer column (valid made-up numbers) instead of a client id; the birth
    /// year column is then left out, as the number carries it.
    public var identity = false

    public init() {}

    /// Column roles in output order, with the Swedish header of each.
    static let swedish: [(role: String, name: String)] = [
        ("case_id", "Ärendenummer"), ("person_id", "Klient-id"), ("cohort", "Organisation"),
        ("unit", "Arbetsgrupp"), ("area", "Område"), ("gender", "Kön"), ("birth_year", "Födelseår"),
        ("referral_date", "Aktualiseringsdatum"), ("referral_reason", "Aktualiseringsorsak"),
        ("assessment_decision_date", "Beslut förhandsbedömning"), ("investigation_start", "Utredning inledd"),
        ("investigation_end", "Utredning avslutad"), ("intervention_start", "Insats start"),
        ("intervention_end", "Insats slut"), ("caseworker_count", "Antal handläggare"),
        ("re_referral_date", "Ny aktualisering"), ("intervention_hours", "Insatstimmar"),
    ]

    var columns: [(role: String, name: String)] {
        Self.swedish.compactMap { column in
            if identity && column.role == "birth_year" { return nil }
            var name = headers == .swedish ? column.name : column.role
            if identity && column.role == "person_id" { name = headers == .swedish ? "Personnummer" : "person_id" }
            return (column.role, name)
        }
    }

    /// The mapping file that reads `--headers swedish` output.
    public func mappingYAML() -> String {
        var out = """
            # Reads extracts written by `piloteval synth cases --headers swedish` (docs/cases.md).
            schema: piloteval/case-mapping/v1
            columns:

            """
        for c in columns where c.role != "intervention_hours" {
            out += "  \(c.role): \(c.name)\n"
        }
        out += "outcomes: [\(headers == .swedish ? "Insatstimmar" : "intervention_hours")]\n"
        return out
    }

    /// Streams the extract to `path` in ~1 MB writes.
    public func write(_ extract: SyntheticCaseGenerator.Extract, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var buffer = Data()
        buffer.reserveCapacity(1 << 20)
        try write(extract) { chunk in
            buffer.append(chunk)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// Calls `sink` with the encoded bytes, header first, a row at a time.
    public func write(_ extract: SyntheticCaseGenerator.Extract, _ sink: (Data) throws -> Void) throws {
        let separator = dialect == .plain ? "," : ";"
        let newline = dialect == .plain ? "\n" : "\r\n"
        if dialect == .excelSv { try sink(Data([0xEF, 0xBB, 0xBF])) }
        let cols = columns
        try sink(encode(cols.map { quote($0.name, separator) }.joined(separator: separator) + newline))
        let s = extract.settings
        let limit = s.extractDate.dayNumber
        let gender: [CaseRecord.Gender: String] = headers == .swedish
            ? [.girl: "flicka", .boy: "pojke", .other: "annat"] : [.girl: "girl", .boy: "boy", .other: "other"]
        var identities: [Int32: String] = [:]
        for c in extract.cases {
            let child = extract.children[Int(c.child)]
            func day(_ d: Int32?) -> String {
                guard let d, Int(d) <= limit else { return "" }
                let date = CalendarDate(dayNumber: Int(d))
                return dateForm == .iso ? date.iso : date.iso.replacingOccurrences(of: "-", with: "")
            }
            var fields: [String] = []
            fields.reserveCapacity(cols.count)
            for column in cols {
                switch column.role {
                case "case_id": fields.append(c.caseID)
                case "person_id":
                    if identity {
                        if let known = identities[c.child] { fields.append(known) } else {
                            let number = SyntheticCaseGenerator.identityNumber(child)
                            identities[c.child] = number
                            fields.append(number)
                        }
                    } else {
                        fields.append("K" + SyntheticCaseGenerator.padded(Int(c.child) + 1, 7))
                    }
                case "cohort": fields.append(c.isPilot ? s.pilotCohort : s.lineCohort)
                case "unit": fields.append(SyntheticCaseGenerator.units[Int(c.unit)])
                case "area": fields.append(SyntheticCaseGenerator.areas[child.area])
                case "gender": fields.append(gender[child.gender]!)
                case "birth_year": fields.append(String(child.birth.year))
                case "referral_date": fields.append(day(c.referral))
                case "referral_reason": fields.append(SyntheticCaseGenerator.reasons[Int(c.reason)])
                case "assessment_decision_date": fields.append(day(c.decision))
                case "investigation_start": fields.append(day(c.investigationStart))
                case "investigation_end": fields.append(day(c.investigationEnd))
                case "intervention_start": fields.append(day(c.interventionStart))
                case "intervention_end": fields.append(day(c.interventionEnd))
                case "caseworker_count": fields.append(String(c.caseworkers))
                case "re_referral_date": fields.append(day(c.nextReferral))
                case "intervention_hours":
                    // Hours only once the intervention has ended by the extract date.
                    if let h = c.interventionHours, let end = c.interventionEnd, Int(end) <= limit {
                        let text = h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
                        fields.append(dialect == .plain ? text : text.replacingOccurrences(of: ".", with: ","))
                    } else {
                        fields.append("")
                    }
                default: fields.append("")
                }
            }
            try sink(encode(fields.map { quote($0, separator) }.joined(separator: separator) + newline))
        }
    }

    private func quote(_ field: String, _ separator: String) -> String {
        guard field.contains(separator) || field.contains("\"") || field.contains("\n") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// UTF-8, or Windows-1252 for the characters these extracts use (Latin-1 letters
    /// coincide with Windows-1252 at 0xA0–0xFF).
    private func encode(_ text: String) -> Data {
        guard dialect == .windows1252 else { return Data(text.utf8) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(UInt8(ascii: "?"))
            }
        }
        return Data(bytes)
    }
}
