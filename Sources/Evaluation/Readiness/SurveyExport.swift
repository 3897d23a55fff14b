import Foundation
import LogicModel
import Store

/// Reading survey-tool exports (Microsoft Forms, Netigate, Esmaker) directly: columns
/// headed by the statement text, or its start, instead of the item key; answers written
/// as the scale's labels ("Instämmer helt", "7 – Instämmer helt", English labels) instead
/// of numbers; the tools' own columns (start time, e-mail, name) left out. Everything is
/// matched through the instrument, and what cannot be matched one way is an error naming
/// it (docs/readiness.md, "Survey-tool exports").
enum SurveyExport {
    /// The shortest start of a statement a header may be (shorter is too likely to be a
    /// coincidence).
    static let shortestStart = 12

    /// Columns survey tools add around the answers, in Swedish and English; left out.
    /// Names and e-mail addresses are personal data and never read.
    static let toolColumns: Set<String> = Set([
        "starttid", "start time", "start date", "startdatum", "tid för slutförande", "completion time",
        "sluttid", "end time", "end date", "slutdatum", "e-post", "epost", "email", "e-mail", "namn", "name",
        "senaste ändringstid", "last modified time", "senast ändrad", "ip-adress", "ip address", "status",
        "språk", "language", "svarstid", "response time", "inskickad", "submitted",
    ].map(normalized))

    /// Lower case, one space between words, no numbering in front (`1.`, `Q3`, `Fråga 2:`),
    /// no quotes around and no `:`/`?`/`.` at the end.
    static func normalized(_ text: String) -> String {
        var s = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "\"'”“’ "))
        if let range = s.range(of: #"^(q|fråga|question)?\s?\d{1,3}\s?[.):]?\s+"#, options: .regularExpression) {
            s.removeSubrange(range)
        }
        while let last = s.last, ":?.".contains(last) { s.removeLast() }
        return s.trimmingCharacters(in: .whitespaces)
    }

    enum HeaderMatch: Equatable {
        case item(String)
        case ambiguous([String])
        case none
    }

    /// The item whose statement (Swedish or English) a header is: the whole statement,
    /// its start (at least `shortestStart` characters), or the statement followed by
    /// more text after a separator (` - 1 = …`, ` (1–7)`). A whole match wins over a
    /// partial one.
    static func item(forHeader header: String, in instrument: Instrument) -> HeaderMatch {
        let h = normalized(header)
        guard !h.isEmpty else { return .none }
        var whole: [String] = [], partial: [String] = []
        for item in instrument.items {
            let statements = [item.sv, item.en].compactMap { $0 }.map(normalized)
            if statements.contains(h) {
                whole.append(item.key)
            } else if statements.contains(where: { st in
                (h.count >= shortestStart && st.hasPrefix(h))
                    || (h.hasPrefix(st) && [" -", " –", " (", ":", " ["].contains { h.dropFirst(st.count).hasPrefix($0) })
            }) {
                partial.append(item.key)
            }
        }
        let found = whole.isEmpty ? partial : whole
        switch found.count {
        case 0: return .none
        case 1: return .item(found[0])
        default: return .ambiguous(found)
        }
    }

    enum Answer: Equatable {
        case value(Double)
        /// A number with a label that is not the scale's label for it.
        case disagrees(Int)
        case unknown
    }

    /// An answer written as a label: `Instämmer helt`, `7 – Instämmer helt`,
    /// `7. instämmer helt`, `Instämmer helt (7)`, or the English label.
    static func answer(_ text: String, scale: ResponseScale) -> Answer {
        let t = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        func label(_ s: Substring) -> String {
            String(s).trimmingCharacters(in: CharacterSet(charactersIn: " -–—.:=)(")).lowercased()
        }
        func matches(_ anchor: ScaleAnchor, _ l: String) -> Bool {
            [anchor.sv, anchor.en].compactMap { $0 }.map(normalized).contains(l)
        }
        // A number first or last, with a label.
        var number: Int?, rest: Substring = ""
        if let m = t.range(of: #"^\d{1,3}(?=\s*[-–—.:=)]|\s)"#, options: .regularExpression) {
            number = Int(t[m])
            rest = t[m.upperBound...]
        } else if let m = t.range(of: #"\(\d{1,3}\)$"#, options: .regularExpression) {
            number = Int(t[m].dropFirst().dropLast())
            rest = t[..<m.lowerBound]
        }
        if let number {
            guard number >= scale.min && number <= scale.max else { return .unknown }
            let l = label(rest)
            if let anchor = scale.anchor(number), !l.isEmpty, !matches(anchor, l) { return .disagrees(number) }
            return .value(Double(number))
        }
        let l = label(Substring(t))
        if let anchor = scale.anchors.first(where: { matches($0, l) }) { return .value(Double(anchor.value)) }
        return .unknown
    }

    /// The scale's labels, for a message: `1 instämmer inte alls, 7 instämmer helt`.
    static func labels(_ scale: ResponseScale) -> String {
        scale.anchors.isEmpty ? "none (the instrument names no anchors)"
            : scale.anchors.map { "\($0.value) \($0.sv)" + ($0.en.map { " / \($0)" } ?? "") }.joined(separator: ", ")
    }
}
