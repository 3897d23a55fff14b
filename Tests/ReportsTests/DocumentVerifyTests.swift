import Foundation
import LogicModel
import Presentation
@testable import Reports
import Testing
import ZIPFoundation

/// `report verify` reads the documents written beside the record (issue 20): every
/// figure the record publishes is in them, every table cell holds the record's numbers,
/// and a changed figure is named by its section, table, row title and column.
@Suite struct DocumentVerifyTests {
    struct Made {
        let record: ReportRecord
        let text: SectionText?
        let document: ReportVerifier.Document
    }

    /// One report of the full fixture (every domain with data), written in `format`.
    static func make(_ full: VisibleTextTests.Full, kind: ReportKind, language: Language, format: ReportFormat,
                     audience: Audience = .public) throws -> Made {
        var request = try full.fixture.request(kind, format: format, withText: false)
        request.language = language
        request.suppression = SuppressionRule(audience: audience)
        let strings = ReportStrings(language)
        if kind == .final {
            let matcher = ReportLayout.matcher(kind, strings: strings, model: full.model)
            request.text = try SectionText.parse(ReportFixture.text, fileName: "text.md", matcher: matcher)
        }
        let built = try ReportEngine.build(model: full.model, provenance: full.provenance, request: request,
                                           strings: strings, database: full.fixture.database, builders: VisibleTextTests.builders)
        let renderer = ReportRenderer(templates: try TemplateSet(), strings: strings, toolVersion: "test")
        let output = try renderer.render(built, format: format, outputPath: full.fixture.path("r.\(format.fileExtension)"),
                                         rasterizer: WriterTests.FakeRasterizer()).output
        let record = try JSONWriter.read(try JSONWriter.write(built.record), name: "r.json")
        let svgs = output.attachments.filter { $0.path.hasSuffix(".svg") }.sorted { $0.path < $1.path }.map(\.data)
        return Made(record: record, text: request.text,
                    document: .init(name: "r.\(format.fileExtension)", format: format, data: output.data, attachments: svgs))
    }

    static func verify(_ full: VisibleTextTests.Full, _ made: Made, document: ReportVerifier.Document? = nil) throws -> ReportVerifier.Outcome {
        try ReportVerifier.verify(made.record, database: full.fixture.database, documents: [document ?? made.document],
                                  text: made.text, builders: VisibleTextTests.builders)
    }

    @Test func everyKindLanguageAndFormatVerifies() throws {
        let full = try VisibleTextTests.full()
        for (kind, language, format) in VisibleTextTests.combinations {
            let made = try Self.make(full, kind: kind, language: language, format: format)
            let outcome = try Self.verify(full, made)
            #expect(outcome.differences.isEmpty, "\(kind) \(language) \(format): \(outcome.differences.map(\.description))")
            #expect(outcome.documentsChecked == [made.document.name])
        }
    }

    @Test func theInternalAudienceVerifiesToo() throws {
        let full = try VisibleTextTests.full()
        for format in VisibleTextTests.formats {
            let made = try Self.make(full, kind: .final, language: .sv, format: format, audience: .internal)
            let outcome = try Self.verify(full, made)
            #expect(outcome.differences.isEmpty, "\(format): \(outcome.differences.map(\.description))")
        }
    }

    /// The indicator's row in the final report: its outcome 30 % (12 of 40) in 2021.
    static let row = "Andel barn som åter aktualiseras inom 12 månader"

    @Test func aChangedFigureInHTMLIsNamedByItsIndicator() throws {
        let full = try VisibleTextTests.full()
        let made = try Self.make(full, kind: .final, language: .sv, format: .html)
        let html = String(decoding: made.document.data, as: UTF8.self)
        let tampered = try #require(Self.changeFirstFigure(in: html, rowContaining: Self.row, rowTag: "<tr", cellTag: "<td"))
        var document = made.document
        document.data = Data(tampered.utf8)
        let outcome = try Self.verify(full, made, document: document)
        #expect(!outcome.differences.isEmpty)
        let located = outcome.differences.filter { $0.document == "r.html" && $0.path.contains(Self.row) }
        #expect(!located.isEmpty, "\(outcome.differences.map(\.description))")
        // Named by the section and the title, never the indicator's key alone.
        #expect(located.allSatisfy { $0.path.hasPrefix("Indikatorer ›") && $0.description.contains("the document says") }, "\(located.map(\.description))")
        #expect(outcome.differences.allSatisfy { $0.document == "r.html" }, "the record itself still agrees")
    }

    @Test func aChangedFigureInDOCXIsNamedByItsIndicator() throws {
        let full = try VisibleTextTests.full()
        let made = try Self.make(full, kind: .final, language: .sv, format: .docx)
        let archive = try Archive(data: made.document.data, accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            if entry.path == "word/document.xml" {
                let xml = String(decoding: data, as: UTF8.self)
                let tampered = try #require(Self.changeFirstFigure(in: xml, rowContaining: Self.row, rowTag: "<w:tr>", cellTag: "<w:tc>"))
                data = Data(tampered.utf8)
            }
            parts.append((entry.path, data))
        }
        let out = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try out.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        var document = made.document
        document.data = try #require(out.data)
        let outcome = try Self.verify(full, made, document: document)
        let located = outcome.differences.filter { $0.document == "r.docx" && $0.path.contains(Self.row) }
        #expect(!located.isEmpty, "\(outcome.differences.map(\.description))")
    }

    @Test func aChangedSentenceFigureAndAMissingTableAreFound() throws {
        let full = try VisibleTextTests.full()
        let made = try Self.make(full, kind: .steering, language: .sv, format: .markdown)
        var md = String(decoding: made.document.data, as: UTF8.self)
        // Drop the last table of the brief (its rows), as a careless edit might.
        let lines = md.components(separatedBy: "\n")
        let tableLines = lines.indices.filter { lines[$0].hasPrefix("|") }
        let last = try #require(tableLines.last)
        var start = last
        while start > 0, lines[start - 1].hasPrefix("|") { start -= 1 }
        md = (Array(lines[..<start]) + Array(lines[(last + 1)...])).joined(separator: "\n")
        var document = made.document
        document.data = Data(md.utf8)
        let outcome = try Self.verify(full, made, document: document)
        #expect(outcome.differences.contains { $0.reported == "no such table" }, "\(outcome.differences.map(\.description))")
    }

    @Test func documentsBesideTheRecordAreFoundByName() throws {
        let f = try ReportFixture()
        let folder = f.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<html><body><p>x</p></body></html>".utf8).write(to: folder.appendingPathComponent("rapport.html"))
        try Data("# x".utf8).write(to: folder.appendingPathComponent("rapport.md"))
        let found = ReportVerifier.documents(beside: folder.appendingPathComponent("rapport.json").path)
        #expect(found.map(\.format) == [.html, .markdown])
        #expect(ReportVerifier.documents(beside: folder.appendingPathComponent("annan.json").path).isEmpty)
    }

    @Test func numbersAreReadAsTheWritersWriteThem() {
        let sv = WrittenNumbers.values(in: "1\u{00A0}150\u{00A0}000\u{00A0}kr, 12,5\u{00A0}%, \u{2212}0,11 (\u{2212}0,17 till \u{2212}0,05), <5, .., I10, G2, 2022-12-31, 3 ärenden",
                                       language: .sv)
        #expect(sv == ["1150000", "12.5%", "-0.11", "-0.17", "-0.05", "<5", "..", "2022-12-31", "3"])
        let en = WrittenNumbers.values(in: "SEK 1,150,000, 12.5%, -0.11, +2.3 percentage points, n = 1,234", language: .en)
        #expect(en == ["1150000", "12.5%", "-0.11", "+2.3", "1234"])
    }

    /// Changes the first digit of the first figure cell in a row whose heading names
    /// `row`: 3 becomes 4, any other digit 3.
    static func changeFirstFigure(in markup: String, rowContaining row: String, rowTag: String, cellTag: String) -> String? {
        let rowEnd = rowTag == "<tr" ? "</tr>" : "</w:tr>", cellEnd = cellTag == "<td" ? "</td>" : "</w:tc>"
        var from = markup.startIndex
        while let name = markup[from...].range(of: row) {
            from = name.upperBound
            guard let end = markup[name.upperBound...].range(of: rowEnd)?.lowerBound,
                  markup[..<name.lowerBound].range(of: rowTag, options: .backwards) != nil else { continue }
            // The cell holding the name ends first; the figures follow it.
            // HTML names the row in a <th>, so every <td> after it is the row's data; DOCX's
            // cell holding the name ends first.
            guard var search = rowTag == "<tr" ? name.upperBound : markup[name.upperBound..<end].range(of: cellEnd)?.upperBound
            else { continue }
            while let cell = markup[search..<end].range(of: cellTag) {
                let close = markup[cell.upperBound..<end].range(of: cellEnd)?.lowerBound ?? end
                // A figure cell: its text starts with a digit (a code such as I1 is no figure).
                var inTag = !cellTag.hasSuffix(">")     // "<td" is still open: its attributes follow
                for i in markup[cell.upperBound..<close].indices {
                    let ch = markup[i]
                    if ch == "<" { inTag = true } else if ch == ">" { inTag = false }
                    else if !inTag, !ch.isWhitespace {
                        guard ch.isNumber else { break }
                        var out = markup
                        out.replaceSubrange(i...i, with: ch == "3" ? "4" : "3")
                        return out
                    }
                }
                search = close
            }
        }
        return nil
    }
}
