import Foundation
import LogicModel
import Presentation
import ZIPFoundation

/// A written report read back as its reader sees it: the visible text and the tables,
/// cell by cell, taken from the file alone (HTML tags, scripts and styles stripped and
/// entities decoded; a DOCX's `w:t` runs; Markdown without its markup). `report verify`
/// compares it with the document rebuilt from the record (`DocumentFigureCheck`); the
/// disclosure tests read every number a published document holds through it.
///
/// Deliberately not the writers' code run backwards: a writer that drops or changes a
/// figure must show up here.
public struct RenderedDocument: Sendable {
    public struct Table: Sendable, Equatable {
        /// The caption as printed, with its label ("Tabell 3. …"), when the format keeps one.
        public var caption: String?
        /// Every row as the file has it, header rows first (Markdown: its one header row
        /// first, then the earlier header rows as bold rows, as the writer puts them).
        public var rows: [[String]]
        /// The cover's table of fields (project, Dnr, date …): text, not the record's figures.
        public var isCover: Bool
    }

    public var format: ReportFormat
    /// Everything a reader can see, tables included, in reading order. A DOCX adds its
    /// page headers; an SVG chart its text labels.
    public var text: String
    public var tables: [Table]

    public init(format: ReportFormat, text: String, tables: [Table]) {
        self.format = format
        self.text = text
        self.tables = tables
    }

    /// Reads HTML, Markdown or DOCX. `attachments` are a Markdown file's figures (SVG),
    /// whose text labels are part of what it shows.
    public static func read(_ data: Data, format: ReportFormat, attachments: [Data] = []) throws -> RenderedDocument {
        switch format {
        case .html: return html(String(decoding: data, as: UTF8.self))
        case .markdown: return markdown(String(decoding: data, as: UTF8.self), attachments: attachments)
        case .docx: return try docx(data)
        default: throw VerifyError(message: "\(format.rawValue) is not a document verify can read (HTML, Markdown, DOCX)")
        }
    }

    // MARK: - HTML

    static func html(_ page: String) -> RenderedDocument {
        var body = page
        for element in ["head", "style", "script"] {
            body = body.replacingOccurrences(of: "<\(element)\\b[\\s\\S]*?</\(element)>", with: " ", options: .regularExpression)
        }
        // A sparkline is read as its accessible name: the values in words a screen reader
        // says (`Sparkline.label`).
        body = replacing(#"<svg\b[^>]*\bclass="sparkline"[^>]*\baria-label="([^"]*)"[^>]*>[\s\S]*?</svg>"#, in: body) { " \($0[1]) " }
        var tables: [Table] = []
        for table in matches(#"<table\b([^>]*)>([\s\S]*?)</table>"#, in: body) {
            let attributes = table[1], inner = table[2]
            let caption = matches(#"<caption\b[^>]*>([\s\S]*?)</caption>"#, in: inner).first.map { text(fromHTML: $0[1]) }
            let rows = matches(#"<tr\b[^>]*>([\s\S]*?)</tr>"#, in: inner).map { row in
                matches(#"<t[hd]\b[^>]*>([\s\S]*?)</t[hd]>"#, in: row[1]).map { text(fromHTML: $0[1]) }
            }
            tables.append(Table(caption: caption, rows: rows, isCover: attributes.contains("cover-fields")))
        }
        return RenderedDocument(format: .html, text: Self.text(fromHTML: body), tables: tables)
    }

    /// Tags out (a line break for a block's end), entities decoded, runs of spaces one.
    static func text(fromHTML markup: String) -> String {
        var t = markup.replacingOccurrences(of: #"<br\s*/?>|</(p|li|tr|h[1-6]|div|caption|figcaption|text|title)>"#,
                                            with: "\n", options: .regularExpression)
        t = t.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        return collapsed(decodeEntities(t))
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        let named: [String: String] = ["lt": "<", "gt": ">", "quot": "\"", "apos": "'", "amp": "&", "nbsp": "\u{00A0}",
                                       "minus": "\u{2212}", "ndash": "\u{2013}", "thinsp": "\u{2009}"]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    // MARK: - DOCX

    static func docx(_ data: Data) throws -> RenderedDocument {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw VerifyError(message: "not a DOCX (zip) file: \(error)")
        }
        func read(_ entry: Entry) throws -> String {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        var text = ""
        var tables: [Table] = []
        let entries = archive.map { $0 }
        guard let main = entries.first(where: { $0.path == "word/document.xml" }) else {
            throw VerifyError(message: "a DOCX without word/document.xml")
        }
        for entry in entries where entry.path.hasPrefix("word/header") && entry.path.hasSuffix(".xml") {
            text += wordText(try read(entry)) + "\n"
        }
        // A picture in a table cell (a sparkline) is read as its alternative text: the
        // values in words, as Word reads them out.
        let document = replacing(#"<w:tc\b[^>]*>[\s\S]*?</w:tc>"#, in: try read(main)) { cell in
            replacing(#"<w:drawing>[\s\S]*?<wp:docPr\b[^>]*\bdescr="([^"]*)"[\s\S]*?</w:drawing>"#, in: cell[0]) {
                "<w:t>\($0[1])</w:t>"
            }
        }
        text += wordText(document)
        for table in matches(#"<w:tbl>([\s\S]*?)</w:tbl>"#, in: document) {
            let inner = table[1]
            let caption = matches(#"<w:tblCaption w:val="([^"]*)"/>"#, in: inner).first.map { decodeEntities($0[1]) }
            // A caption the writer put in the table's first row (after a heading) is no row of it.
            let rows = matches(#"<w:tr\b[^>]*>([\s\S]*?)</w:tr>"#, in: inner)
                .filter { !$0[1].contains("<w:pStyle w:val=\"Caption\"/>") }.map { row in
                    matches(#"<w:tc\b[^>]*>([\s\S]*?)</w:tc>"#, in: row[1]).map { wordText($0[1]) }
                }
            tables.append(Table(caption: caption, rows: rows, isCover: inner.contains("w:val=\"CoverTable\"")))
        }
        for entry in entries where entry.path.hasPrefix("word/media/") && entry.path.hasSuffix(".svg") {
            text += "\n" + Self.text(fromHTML: try read(entry))
        }
        return RenderedDocument(format: .docx, text: text, tables: tables)
    }

    /// The text of WordprocessingML: `w:t` runs, a paragraph's end a line end, `w:tab`
    /// and `w:br` a space.
    static func wordText(_ xml: String) -> String {
        var out = ""
        for part in matches(#"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:t\s*/>|(</w:p>)|<w:(?:tab|br)\b[^>]*/>"#, in: xml) {
            if !part[1].isEmpty { out += decodeEntities(part[1]) }
            else if !part[2].isEmpty { out += "\n" }
            else { out += " " }
        }
        return collapsed(out)
    }

    // MARK: - Markdown

    static func markdown(_ md: String, attachments: [Data]) -> RenderedDocument {
        var tables: [Table] = []
        let lines = md.components(separatedBy: "\n")
        var i = 0
        var seenSection = false
        var previous = ""
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("## ") { seenSection = true }
            if line.hasPrefix("|"), i + 1 < lines.count, lines[i + 1].hasPrefix("|"),
               lines[i + 1].allSatisfy({ "|-: ".contains($0) }) {
                var rows = [cells(line)]
                i += 2
                while i < lines.count, lines[i].hasPrefix("|") {
                    rows.append(cells(lines[i]))
                    i += 1
                }
                let caption = previous.contains("**") ? plain(previous) : nil
                tables.append(Table(caption: caption, rows: rows,
                                    isCover: !seenSection && rows[0].allSatisfy(\.isEmpty)))
                continue
            }
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { previous = line }
            i += 1
        }
        var text = plain(md.replacingOccurrences(of: #"!\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression))
        for svg in attachments { text += "\n" + Self.text(fromHTML: String(decoding: svg, as: UTF8.self)) }
        return RenderedDocument(format: .markdown, text: text, tables: tables)
    }

    /// A GFM table row's cells, split at pipes that are not escaped.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in line.dropFirst() {
            if escaped { current.append("\\"); current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(plain(current.replacingOccurrences(of: "\\|", with: "|"))); current = ""; continue }
            current.append(ch)
        }
        return cells
    }

    /// Markdown's inline markup out: emphasis markers, escapes, `<br>`, heading marks.
    static func plain(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "<br>", with: "\n")
        t = t.replacingOccurrences(of: #"(?m)^#{1,6} "#, with: "", options: .regularExpression)
        t = t.replacingOccurrences(of: #"(?<!\\)\*+"#, with: "", options: .regularExpression)
        t = t.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
        return collapsed(t)
    }

    // MARK: - Helpers

    /// Runs of spaces and tabs one space, each line trimmed; no-break spaces kept (they
    /// are part of how a number is written).
    static func collapsed(_ s: String) -> String {
        s.replacingOccurrences(of: #"[ \t\r]+"#, with: " ", options: .regularExpression)
            .components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Every match of `pattern`, as its groups (0 the whole match; "" for a group that
    /// took no part).
    /// `text` with every match of `pattern` replaced by `transform` of its groups (group
    /// 0 the whole match).
    static func replacing(_ pattern: String, in text: String, with transform: ([String]) -> String) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        var out = "", last = 0
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let groups = (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
            out += transform(groups)
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (0..<m.numberOfRanges).map { k in Range(m.range(at: k), in: text).map { String(text[$0]) } ?? "" }
        }
    }
}
