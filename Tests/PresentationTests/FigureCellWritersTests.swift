import Foundation
import LogicModel
@testable import Presentation
import Testing

/// The same `FigureCell` reads the same in every writer (issue "One presentation
/// path"): the terminal's `PlainTextWriter`, the HTML and the Markdown writer show the
/// text `NumberStyle` wrote, and differ only in markup (tags, escapes). Each figure is
/// put in a one-cell table of its own, so each writer's cell is found without parsing
/// columns.
@Suite struct FigureCellWritersTests {
    static let figures: [FigureCell] = [
        FigureCell(1234, .count),
        FigureCell(3, .count, disclosure: .small(threshold: 5)),
        FigureCell(37.5, .percent(1), disclosure: .withheld),
        FigureCell(nil, .share(1), undefined: "no cases"),
        FigureCell(0.125, .share(1)),
        FigureCell(-0.0235, .percentagePoints(1)),
        FigureCell(7.047619047619051, .percentagePoints(1)),
        FigureCell(-2.5, .signed(2)),
        FigureCell(6.15, .decimal(1)),
        FigureCell(1_150_000, .kronor),
        FigureCell(0.0004, .pValue),
        FigureCell(0.0315, .pValue),
        FigureCell(0.041236, .significant(4)),
    ]

    /// The cell text each writer shows, markup taken off.
    static func plain(_ t: TableBlock) -> String {
        let lines = PlainTextWriter().render([.table(t)]).split(separator: "\n")
        return lines[2].trimmingCharacters(in: .whitespaces)          // header, rule, the row
    }

    static func html(_ t: TableBlock, _ strings: ReportStrings) throws -> String {
        var counter = CaptionCounter()
        let out = HTMLWriter(templates: try TemplateSet(), strings: strings, toolVersion: "test").table(t, counter: &counter)
        let body = try #require(out.range(of: "<tbody>\n<tr>")).upperBound
        let open = try #require(out[body...].range(of: ">")).upperBound        // after <td …>
        let close = try #require(out[open...].range(of: "</td>")).lowerBound
        return String(out[open..<close]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func markdown(_ t: TableBlock, _ strings: ReportStrings) throws -> String {
        var counter = CaptionCounter()
        let out = MarkdownWriter(templates: try TemplateSet(), strings: strings, toolVersion: "test", figureFolder: nil)
            .table(t, counter: &counter)
        let row = try #require(out.split(separator: "\n").dropFirst(2).first)   // header, alignment row, the row
        var cell = String(row.dropFirst(2).dropLast(2))                           // "| " … " |"
        // Markdown escapes the characters it would read as markup with a backslash.
        cell = cell.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
        return cell
    }

    @Test(arguments: [Language.sv, .en])
    func aFigureReadsTheSameInEveryWriter(_ language: Language) throws {
        let style = NumberStyle(language)
        let strings = ReportStrings(language)
        for figure in Self.figures {
            let table = TableBlock(header: [["figure"]], rows: [[TableBlock.Cell(figure, style: style)]], alignments: [.right])
            let expected = style.text(figure)
            #expect(Self.plain(table) == expected, "\(figure)")
            #expect(try Self.html(table, strings) == expected, "\(figure)")
            #expect(try Self.markdown(table, strings) == expected, "\(figure)")
        }
    }
}
