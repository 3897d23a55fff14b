import Foundation
import Presentation

/// The prose of a report, written by the process leader in one Markdown file
/// (`--text FILE.md`): one section per heading, merged with the computed parts.
///
/// - An optional front matter block between `---` lines holds the cover fields as
///   `key: value` (project, grant, year, administration, contact, manager, dnr, funder,
///   date; Swedish keys too: projekt, beviljat_belopp, år, förvaltning, kontaktperson,
///   ansvarig, dnr, utgivare, datum).
/// - A heading (`#` to `######`) whose text is a section of the report — by number
///   ("6.2", "6.2 Jämställdhet") or by title in either language ("Jämställdhet",
///   "JÄMSTÄLLDHET", "Gender equality") — starts that section's text. Any other heading
///   is a subheading inside the current section.
/// - Paragraphs, `-`/`*` bullet lists, `1.` numbered lists, `>` quotes (shown as a
///   note), `*emphasis*` and `**strong**`. Other Markdown is kept as text.
public struct SectionText: Sendable, Equatable {
    public var fileName: String
    public var cover: [String: String]
    /// Blocks per section key.
    public var sections: [String: [Block]]
    /// Where each section starts in the file.
    public var sourceLines: [String: Int]

    public init(fileName: String, cover: [String: String] = [:], sections: [String: [Block]] = [:], sourceLines: [String: Int] = [:]) {
        self.fileName = fileName
        self.cover = cover
        self.sections = sections
        self.sourceLines = sourceLines
    }

    /// Cover keys accepted in the front matter, with their Swedish aliases.
    public static let coverKeys: [String: String] = [
        "project": "project", "projekt": "project", "projektets_namn": "project",
        "grant": "grant", "beviljat_belopp": "grant", "belopp": "grant",
        "year": "year", "år": "year", "ar": "year",
        "administration": "administration", "förvaltning": "administration", "forvaltning": "administration",
        "contact": "contact", "kontaktperson": "contact", "kontakt": "contact",
        "manager": "manager", "ansvarig": "manager", "ansvarig_chef": "manager", "chef": "manager",
        "dnr": "dnr", "diarienummer": "dnr",
        "funder": "funder", "utgivare": "funder", "finansiär": "funder", "finansiar": "funder",
        "date": "date", "datum": "date",
    ]

    /// The order the LUM form lists the cover fields in.
    public static let coverOrder = ["project", "grant", "year", "administration", "contact", "manager", "dnr", "funder", "date"]

    public static func read(path: String, matcher: SectionMatcher) throws -> SectionText {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SectionTextError(file: path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SectionTextError(file: path, line: 0, message: "the file is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, fileName: path, matcher: matcher)
    }

    public static func parse(_ text: String, fileName: String, matcher: SectionMatcher) throws -> SectionText {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var result = SectionText(fileName: fileName)
        var index = 0

        // Front matter.
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            index = 1
            var closed = false
            while index < lines.count {
                let line = lines[index]
                index += 1
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed == "---" { closed = true; break }
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                guard let colon = trimmed.firstIndex(of: ":") else {
                    throw SectionTextError(file: fileName, line: index, message: "a cover line must be \"key: value\"")
                }
                let rawKey = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
                guard let key = coverKeys[rawKey] else {
                    throw SectionTextError(file: fileName, line: index,
                                           message: "\"\(rawKey)\" is not a cover field; use one of \(coverOrder.joined(separator: ", "))")
                }
                var value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
                result.cover[key] = value
            }
            if !closed {
                throw SectionTextError(file: fileName, line: 1, message: "the front matter opened with --- is never closed with ---")
            }
        }

        var current: String?
        var currentLevel = 1
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var quote: [String] = []

        func append(_ block: Block) {
            guard let current else { return }
            result.sections[current, default: []].append(block)
        }
        func flush() {
            if !paragraph.isEmpty { append(.paragraph(.markdown(paragraph.joined(separator: " ")))); paragraph = [] }
            if let l = list { append(.list(ListBlock(ordered: l.ordered, items: l.items.map { .markdown($0) }))); list = nil }
            if !quote.isEmpty { append(.callout(Callout(.note, .markdown(quote.joined(separator: " "))))); quote = [] }
        }

        while index < lines.count {
            let raw = lines[index]
            index += 1
            let lineNumber = index
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                // A blank line ends a paragraph or quote; a list goes on if the next
                // item follows (a "loose" list, as the seed's lists are written).
                if !paragraph.isEmpty || !quote.isEmpty {
                    let pending = list
                    list = nil
                    flush()
                    list = pending
                }
                continue
            }
            if let (level, title) = heading(line) {
                flush()
                if let key = matcher.match(title) {
                    if let earlier = result.sourceLines[key] {
                        throw SectionTextError(file: fileName, line: lineNumber,
                                               message: "section \"\(title)\" appears twice (first on line \(earlier)); merge the two")
                    }
                    current = key
                    currentLevel = level
                    result.sourceLines[key] = lineNumber
                    result.sections[key] = result.sections[key] ?? []
                } else {
                    guard current != nil else {
                        throw SectionTextError(file: fileName, line: lineNumber,
                                               message: "\"\(title)\" is not a section of this report; start with one of: \(matcher.known.joined(separator: ", "))")
                    }
                    // A subheading keeps its depth relative to the section heading.
                    append(.heading(level: max(1, level - currentLevel), text: title))
                }
                continue
            }
            guard current != nil else {
                throw SectionTextError(file: fileName, line: lineNumber,
                                       message: "text before the first section heading; put it under a heading such as \"# \(matcher.known.first ?? "1")\"")
            }
            if let item = listItem(line) {
                if !paragraph.isEmpty || !quote.isEmpty || (list != nil && list!.ordered != item.ordered) { flush() }
                if list == nil { list = (item.ordered, []) }
                list!.items.append(item.text)
                continue
            }
            if line.hasPrefix(">") {
                if !paragraph.isEmpty || list != nil { flush() }
                quote.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
                continue
            }
            if let l = list, raw.hasPrefix("  ") || raw.hasPrefix("\t") {
                // A continuation line of the last list item.
                var items = l.items
                items[items.count - 1] += " " + line
                list = (l.ordered, items)
                continue
            }
            if list != nil || !quote.isEmpty { flush() }
            paragraph.append(line)
        }
        flush()
        return result
    }

    static func heading(_ line: String) -> (Int, String)? {
        guard line.hasPrefix("#") else { return nil }
        let hashes = line.prefix { $0 == "#" }.count
        guard hashes <= 6 else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.first == " " else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#") { title = String(title.dropLast()).trimmingCharacters(in: .whitespaces) }
        return (hashes, title)
    }

    static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
            return (false, String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                return (true, String(rest.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }
}

/// Finds which section of a report a heading in the text file names.
public struct SectionMatcher: Sendable {
    /// (key, number, titles) of every section that takes prose.
    public var entries: [(key: String, number: String?, titles: [String])]

    public init(entries: [(key: String, number: String?, titles: [String])]) {
        self.entries = entries
    }

    /// Headings people write for the sections, for the error message.
    public var known: [String] {
        entries.map { e in e.number.map { "\($0) \(e.titles.first ?? "")" } ?? (e.titles.first ?? e.key) }
    }

    public func match(_ heading: String) -> String? {
        var text = heading.trimmingCharacters(in: .whitespaces)
        // A leading section number: "6.2", "6.2.", "6.2 Jämställdhet".
        let numberPart = text.prefix { $0.isNumber || $0 == "." }
        var number: String?
        if !numberPart.isEmpty, numberPart.first!.isNumber {
            var n = String(numberPart)
            while n.hasSuffix(".") { n.removeLast() }
            number = n
            text = String(text.dropFirst(numberPart.count)).trimmingCharacters(in: .whitespaces)
        }
        let folded = Self.fold(text)
        if let number {
            if let e = entries.first(where: { $0.number == number }) {
                // A number with a title must agree with it; a bare number is enough.
                if folded.isEmpty || e.titles.contains(where: { Self.fold($0) == folded }) { return e.key }
                return nil
            }
            return nil
        }
        return entries.first { e in e.titles.contains { Self.fold($0) == folded } }?.key
    }

    /// Case- and diacritic-insensitive, so "STRATEGISK VÄRDE" finds "Strategiskt värde"
    /// only if spelled the same, but "JÄMSTÄLLDHET" finds "Jämställdhet".
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: CharacterSet(charactersIn: " .:"))
    }
}

public struct SectionTextError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
