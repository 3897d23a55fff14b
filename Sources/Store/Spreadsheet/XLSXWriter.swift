import Foundation
import ZIPFoundation

/// Writes a small .xlsx workbook: sheets of text and number cells in a few fixed styles,
/// column widths, a frozen header row, sheet protection with unlocked input cells, and
/// number validation on ranges. Text is written as inline strings, which Excel and
/// LibreOffice never evaluate as formulas. Used for entry templates (docs/indicators.md)
/// and for every `--format xlsx` (docs/csv-output.md).
public struct XLSXWriter {
    public enum Style: Int, Sendable {
        /// Locked text or number.
        case plain = 0
        /// Bold, locked: the header row.
        case header = 1
        /// Unlocked: where the user types.
        case input = 2
        /// Locked, on a grey fill: context the user reads but does not change.
        case context = 3
        /// Locked, wrapped text (instructions).
        case wrapped = 4
        /// A date: a serial day number (`serial(year:month:day:)`) shown as `yyyy-mm-dd`.
        case date = 5
        /// A share (0–1) shown as a percentage with one decimal (`0.0%`): the cell keeps
        /// the share itself, 0.514 is shown as 51.4 %.
        case percent = 6
    }

    public enum Value: Sendable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Cell: Sendable {
        public var value: Value
        public var style: Style
        public init(_ value: Value, style: Style = .plain) {
            self.value = value
            self.style = style
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        public var columnWidths: [Double]
        public var freezeHeader: Bool
        /// Protects the sheet: only `.input` cells can be changed.
        public var protected: Bool
        /// Ranges (`C2:E20`) where only numbers (or nothing) may be typed.
        public var numberRanges: [String]

        public init(name: String, rows: [[Cell]], columnWidths: [Double] = [], freezeHeader: Bool = false,
                    protected: Bool = false, numberRanges: [String] = []) {
            self.name = name
            self.rows = rows
            self.columnWidths = columnWidths
            self.freezeHeader = freezeHeader
            self.protected = protected
            self.numberRanges = numberRanges
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The workbook's bytes.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var types = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in sheets.indices {
            types += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        try add("[Content_Types].xml", types + "</Types>")
        try add("_rels/.rels", header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        var workbook = header + #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets>"#
        var rels = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for (i, sheet) in sheets.enumerated() {
            workbook += #"<sheet name="\#(Self.escaped(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        rels += #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(rel)/styles" Target="styles.xml"/></Relationships>"#
        try add("xl/workbook.xml", workbook + "</sheets></workbook>")
        try add("xl/_rels/workbook.xml.rels", rels)
        try add("xl/styles.xml", header + #"<styleSheet xmlns="\#(main)">"#
            + #"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
            + #"<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="7">"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>"#
            + #"<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#
            + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#)
        for (i, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(i + 1).xml", Self.sheetXML(sheet, namespace: main))
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func sheetXML(_ sheet: Sheet, namespace: String) -> String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + #"<worksheet xmlns="\#(namespace)">"#
        if sheet.freezeHeader {
            x += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        if !sheet.columnWidths.isEmpty {
            x += "<cols>"
            for (i, w) in sheet.columnWidths.enumerated() {
                x += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(w)" customWidth="1"/>"#
            }
            x += "</cols>"
        }
        x += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            x += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() {
                let ref = SheetLocation.columnLetters(c) + String(r + 1)
                let s = cell.style.rawValue == 0 ? "" : #" s="\#(cell.style.rawValue)""#
                switch cell.value {
                case .empty:
                    if cell.style != .plain { x += #"<c r="\#(ref)"\#(s)/>"# }
                case .number(let v):
                    x += #"<c r="\#(ref)"\#(s)><v>\#(v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)")</v></c>"#
                case .text(let t):
                    x += #"<c r="\#(ref)"\#(s) t="inlineStr"><is><t xml:space="preserve">\#(escaped(t))</t></is></c>"#
                }
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if sheet.protected {
            x += #"<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>"#
        }
        if !sheet.numberRanges.isEmpty {
            x += #"<dataValidations count="\#(sheet.numberRanges.count)">"#
            for range in sheet.numberRanges {
                x += #"<dataValidation type="decimal" operator="between" allowBlank="1" showErrorMessage="1" errorTitle="Ett tal" error="Skriv ett tal, eller lämna cellen tom." sqref="\#(range)"><formula1>-1E+300</formula1><formula2>1E+300</formula2></dataValidation>"#
            }
            x += "</dataValidations>"
        }
        return x + "</worksheet>"
    }

    /// The serial day number of a date in Excel's 1900 date system (1900-03-01 and later;
    /// day 60 is Excel's phantom 1900-02-29): days since 1899-12-30.
    public static func serial(year: Int, month: Int, day: Int) -> Double {
        // Days from civil (Howard Hinnant's algorithm), 1970-01-01 = 0; 1899-12-30 = -25569.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Double(era * 146097 + doe - 719468 + 25569)
    }

    /// Column widths (in characters, as `Sheet.columnWidths` takes them) that fit the
    /// longest text in each column, between `minimum` and `maximum`.
    public static func contentWidths(_ rows: [[String]], minimum: Double = 6, maximum: Double = 60) -> [Double] {
        var widths: [Double] = []
        for row in rows {
            for (c, cell) in row.enumerated() {
                if c >= widths.count { widths.append(minimum) }
                let longest = cell.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
                widths[c] = min(maximum, max(widths[c], Double(longest) + 2))
            }
        }
        return widths
    }

    /// XML text: the five special characters escaped, and control characters XML 1.0
    /// cannot hold written as Excel's `_xHHHH_` (tab, line breaks kept).
    static func escaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 { out += String(format: "_x%04X_", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
