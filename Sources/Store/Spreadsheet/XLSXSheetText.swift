import Foundation
import ZIPFoundation

/// Reads one sheet of an .xlsx workbook and writes it as the text `CSVParser` already
/// reads (comma-separated, RFC 4180 quotes, UTF-8), with a `SheetLocation` that turns
/// the text's lines back into sheet rows and columns. Every importer thereby reads a
/// sheet through the same reader, checks and messages as a CSV file (docs/decisions.md,
/// "Excel input: the record-reader seam").
///
/// Cells become text as a Swedish user sees them in Excel, in forms the value parsers
/// accept: numbers with `.` decimals as stored; numbers with a date format as ISO dates
/// (`2021-03-05`; a format without a day as `2021-03`, with only a year as `2021`), in
/// the 1900 date system (with Lotus's 29 February 1900) or the 1904 one; numbers with a
/// percent format as the percentage shown (`0.125` → `12.5 %`); booleans as `1`/`0`;
/// formula cells as their saved result; shared, inline and rich-text strings as their
/// text (`_x000D_` escapes decoded).
///
/// The sheet's XML is inflated and tokenized in chunks, never held whole. The header is
/// found among the first 50 rows with any value: the row (of two values or more) whose
/// columns hold those of the most rows below it; rows above it are titles and notes. Columns
/// without a header name (a merged header cell's other columns, empty columns) are left
/// out; a value in one of them is an error at its cell.
struct XLSXSheetText {
    /// Caps that make a hostile or damaged file fail quickly with a message rather than
    /// eat memory or time (documented in docs/csv-input.md, "Excel files").
    struct Limits {
        /// Uncompressed size of the sheet's XML.
        var sheetXML: UInt64 = 4 << 30
        /// Uncompressed size of the shared-strings table's XML, which is held in memory.
        var sharedStringsXML: UInt64 = 1 << 30
        /// Strings in the shared-strings table.
        var sharedStrings = 16_777_216
        /// Uncompressed size of every other part read (workbook, relationships, styles).
        var smallPart: UInt64 = 32 << 20
        /// Excel's own limits.
        var rows = 1_048_576
        var columns = 16_384
        /// Rows searched for the header.
        var headerSearch = 50
        /// Merged ranges (`<mergeCell>`) kept to check against the data.
        var mergedRanges = 1 << 20
    }

    let text: Data
    let location: SheetLocation

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]

    /// Whether bytes are (meant to be) a workbook: a zip file, an old binary workbook,
    /// or a name ending .xlsx/.xlsm. A text file named .xls is read as text: web systems
    /// often export tab-separated text or HTML under that name.
    static func isWorkbook(_ data: Data, name: String) -> Bool {
        let prefix = [UInt8](data.prefix(4))
        let lower = name.lowercased()
        return prefix == zipMagic || prefix == oleMagic || lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    }

    /// Reads sheet `sheet` (by name; nil: the first in the workbook's order).
    init(data: Data, name: String, sheet wanted: String?, limits: Limits = Limits()) throws {
        func fail(_ message: String) -> CSVError { CSVError(kind: .unreadable, file: name, line: 0, message: message) }
        let prefix = [UInt8](data.prefix(4))
        if prefix == Self.oleMagic {
            throw fail("an Excel 97–2003 workbook (.xls), which piloteval does not read; open it in Excel and save it as .xlsx (Excel-arbetsbok) or as CSV")
        }
        guard prefix == Self.zipMagic else {
            throw fail("not an Excel workbook: an .xlsx file is a zip archive and this one is not (renamed, damaged or only partly copied?); save it again from Excel as .xlsx, or export CSV")
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw fail("a damaged zip archive, so not a workbook piloteval can read (\(error)); save it again from Excel")
        }
        var reader = PartReader(archive: archive, file: name)

        // The workbook: its sheets in order, the date system, and where each sheet is.
        let workbookPath = try reader.officeDocumentPath()
        var workbook = WorkbookHandler()
        try reader.parse(workbookPath, cap: limits.smallPart, into: &workbook, required: true)
        guard !workbook.sheets.isEmpty else { throw fail("the workbook has no sheets") }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + workbookPath.split(separator: "/").last! + ".rels"
        var rels = RelationshipsHandler()
        try reader.parse(relsPath, cap: limits.smallPart, into: &rels, required: true)

        let chosen: (name: String, id: String)
        if let wanted {
            let names = workbook.sheets.map(\.name)
            guard let found = workbook.sheets.first(where: { $0.name == wanted })
                    ?? workbook.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw fail("no sheet named \"\(wanted)\"; the workbook's sheets are: \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            chosen = found
        } else {
            chosen = workbook.sheets[0]
        }
        guard let target = rels.targets[chosen.id] else {
            throw fail("the workbook names sheet \"\(chosen.name)\" but not the part that holds it; save it again from Excel")
        }
        let sheetPath = Self.resolve(target, in: folder)

        // Styles: which cells hold dates and percentages.
        var styles = StylesHandler()
        if reader.has(folder.isEmpty ? "styles.xml" : folder + "/styles.xml") {
            try reader.parse(folder.isEmpty ? "styles.xml" : folder + "/styles.xml", cap: limits.smallPart, into: &styles, required: false)
        } else if let stylesTarget = rels.stylesTarget {
            try reader.parse(Self.resolve(stylesTarget, in: folder), cap: limits.smallPart, into: &styles, required: false)
        }
        // Shared strings, held as one byte buffer.
        var strings = SharedStringsHandler(limit: limits.sharedStrings, file: name)
        let stringsPath = rels.sharedStringsTarget.map { Self.resolve($0, in: folder) }
            ?? (folder.isEmpty ? "sharedStrings.xml" : folder + "/sharedStrings.xml")
        if reader.has(stringsPath) {
            try reader.parse(stringsPath, cap: limits.sharedStringsXML, into: &strings, required: false,
                             what: "the shared-strings table")
        }

        guard reader.has(sheetPath) else {
            throw fail("the sheet \"\(chosen.name)\" is missing from the archive (\(sheetPath)); save the workbook again from Excel")
        }
        var sheet = SheetHandler(file: name, sheet: chosen.name, strings: strings, styles: styles.kinds(),
                                 date1904: workbook.date1904, limits: limits)
        try reader.parse(sheetPath, cap: limits.sheetXML, into: &sheet, required: true, what: "the sheet")
        try sheet.finish()
        // A merged range over cells piloteval reads keeps its value in its first cell only,
        // so the others would read as empty: refused when that first cell holds a value
        // (docs/decisions.md, "Merged cells in the data"). The ranges come after the rows,
        // so the first cells are looked up in a second pass, only when a range qualifies.
        let suspects = sheet.mergesOverData()
        if !suspects.isEmpty {
            var probe = MergedValueProbe(strings: strings, cells: Set(suspects.map { $0.firstCellKey }))
            try reader.parse(sheetPath, cap: limits.sheetXML, into: &probe, required: true, what: "the sheet")
            if let merged = suspects.first(where: { probe.found.contains($0.firstCellKey) }) {
                throw merged.error(file: name, sheet: chosen.name, headerRow: sheet.headerRow)
            }
        }
        self.text = Data(sheet.output)
        self.location = SheetLocation(sheet: chosen.name, columns: sheet.headerColumns, headerRow: sheet.headerRow,
                                      lines: sheet.breakLines, rows: sheet.breakRows)
    }

    static func resolve(_ target: String, in folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// Reads parts of the archive through the tokenizer, with caps on their size.
private struct PartReader {
    let archive: Archive
    let file: String

    func has(_ path: String) -> Bool { archive[path] != nil }

    func fail(_ message: String) -> CSVError { CSVError(kind: .unreadable, file: file, line: 0, message: message) }

    /// The workbook part named by `_rels/.rels`, else `xl/workbook.xml`.
    mutating func officeDocumentPath() throws -> String {
        if has("_rels/.rels") {
            var rels = RelationshipsHandler()
            try parse("_rels/.rels", cap: 1 << 20, into: &rels, required: true)
            if let target = rels.officeDocumentTarget { return XLSXSheetText.resolve(target, in: "") }
        }
        if has("xl/workbook.xml") { return "xl/workbook.xml" }
        throw fail("a zip archive without a workbook (no xl/workbook.xml): not an .xlsx file (a .docx, or another zip renamed?)")
    }

    mutating func parse<H: XMLHandler>(_ path: String, cap: UInt64, into handler: inout H, required: Bool,
                                       what: String? = nil) throws {
        guard let entry = archive[path] else {
            if required { throw fail("the archive lacks \(path): not a complete .xlsx workbook; save it again from Excel") }
            return
        }
        let label = what ?? path
        func tooLarge() -> CSVError {
            fail("\(label) unpacks to more than \(Self.size(cap)) (a zip bomb, or far larger than an export piloteval is meant for); refused, nothing imported")
        }
        if entry.uncompressedSize > cap { throw tooLarge() }
        var stream = XMLStream()
        var total: UInt64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: false, progress: nil) { chunk in
                total += UInt64(chunk.count)
                if total > cap { throw tooLarge() }
                try chunk.withUnsafeBytes { try stream.feed($0, to: &handler) }
            }
            try stream.finish(to: &handler)
        } catch let error as CSVError {
            throw error
        } catch let error as XMLStream.Failure {
            throw fail("\(label) (\(path)) is not readable XML: \(error.message)")
        } catch {
            throw fail("\(label) (\(path)) cannot be unpacked (\(error)): a damaged workbook; save it again from Excel")
        }
    }

    static func size(_ bytes: UInt64) -> String {
        bytes >= 1 << 30 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }
}

// MARK: Small parts

private struct WorkbookHandler: XMLHandler {
    var sheets: [(name: String, id: String)] = []
    var date1904 = false
    var wantsText: Bool { false }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) throws {
        if name.is("sheet"), let sheetName = try a.string("name"), let id = try a.string("id") {
            sheets.append((sheetName, id))
        } else if name.is("workbookPr"), let d = try a.string("date1904") {
            date1904 = d == "1" || d.lowercased() == "true"
        }
    }
    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {}
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}

private struct RelationshipsHandler: XMLHandler {
    var targets: [String: String] = [:]
    var officeDocumentTarget: String?
    var sharedStringsTarget: String?
    var stylesTarget: String?
    var wantsText: Bool { false }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) throws {
        guard name.is("Relationship"), let id = try a.string("Id"), let target = try a.string("Target") else { return }
        if try a.string("TargetMode") == "External" { return }
        targets[id] = target
        let type = try a.string("Type") ?? ""
        if type.hasSuffix("/officeDocument") { officeDocumentTarget = target }
        if type.hasSuffix("/sharedStrings") { sharedStringsTarget = target }
        if type.hasSuffix("/styles") { stylesTarget = target }
    }
    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {}
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}

/// How a cell's number is shown, as far as reading it back matters.
enum NumberKind: Equatable {
    case general
    case percent
    /// A date: with a day (`2021-03-05`), a month (`2021-03`) or only a year (`2021`).
    case date(DatePrecision)

    enum DatePrecision { case day, month, year }

    /// Excel's built-in formats: 14–17 and 22 are dates, 27–36 and 50–58 East Asian
    /// dates; 18–21 and 45–47 are times (read as numbers); 9 and 10 percentages.
    static func builtIn(_ id: Int) -> NumberKind {
        switch id {
        case 14, 15, 16, 22, 27...36, 50...58: return .date(.day)
        case 17: return .date(.month)
        case 9, 10: return .percent
        default: return .general
        }
    }

    /// A custom format code: its first section with quoted text, escaped characters and
    /// bracketed parts (`[Red]`, `[$-41D]`) removed; `y`/`d`/`m` (without `h`/`s`) make
    /// a date, `%` a percentage.
    static func custom(_ code: String) -> NumberKind {
        var kept: [Character] = []
        var inQuote = false, inBracket = false, skipNext = false
        for ch in code {
            if skipNext { skipNext = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": skipNext = true
            case ";": break
            default: kept.append(Character(ch.lowercased()))
            }
            if ch == ";" { break }
        }
        let s = Set(kept)
        let hasY = s.contains("y"), hasD = s.contains("d"), hasM = s.contains("m")
        let time = s.contains("h") || s.contains("s")
        if hasD { return .date(.day) }
        if hasY { return hasM ? .date(.month) : .date(.year) }
        if hasM && !time { return .date(.month) }
        if s.contains("%") { return .percent }
        return .general
    }
}

private struct StylesHandler: XMLHandler {
    var formats: [Int: String] = [:]
    var cellFormatIDs: [Int] = []
    var inCellXfs = false
    var wantsText: Bool { false }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) throws {
        if name.is("numFmt"), let id = a.integer("numFmtId"), let code = try a.string("formatCode") {
            formats[id] = code
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.is("xf") {
            cellFormatIDs.append(a.integer("numFmtId") ?? 0)
        }
    }
    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        if name.is("cellXfs") { inCellXfs = false }
    }
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}

    func kinds() -> [NumberKind] {
        cellFormatIDs.map { id in
            if let code = formats[id] { return NumberKind.custom(code) }
            return NumberKind.builtIn(id)
        }
    }
}

/// The shared-strings table as one buffer of UTF-8 and the offsets of each string.
struct SharedStringsHandler: XMLHandler {
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    let limit: Int
    let file: String
    private var inItem = false, inText = false, phoneticDepth = 0
    private var item: [UInt8] = []

    init(limit: Int, file: String) {
        self.limit = limit
        self.file = file
    }

    var count: Int { offsets.count - 1 }
    var wantsText: Bool { inText && phoneticDepth == 0 }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) throws {
        if name.is("si") {
            inItem = true
            item.removeAll(keepingCapacity: true)
        } else if name.is("t") && inItem {
            inText = true
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("sst") {
            let claimed = max(a.integer("count") ?? 0, a.integer("uniqueCount") ?? 0)
            if claimed > limit || (a.raw("uniqueCount")?.count ?? 0) > 18 {
                throw CSVError(kind: .unreadable, file: file, line: 0,
                               message: "the shared-strings table claims \(claimed) strings, more than the \(limit) piloteval reads (a damaged or hostile file); refused, nothing imported")
            }
            offsets.reserveCapacity(min(claimed, 1 << 20) + 1)
        }
    }
    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("si") {
            inItem = false
            if offsets.count > limit {
                throw CSVError(kind: .unreadable, file: file, line: 0,
                               message: "the shared-strings table holds more than \(limit) strings (a damaged or hostile file); refused, nothing imported")
            }
            OOXMLEscapes.appendDecoded(item, to: &bytes)
            offsets.append(bytes.count)
        }
    }
    mutating func text(_ t: UnsafeBufferPointer<UInt8>) throws {
        item.append(contentsOf: t)
    }
}

/// SpreadsheetML's `_xHHHH_` escapes for characters XML cannot hold (Excel writes a
/// carriage return in a cell as `_x000D_`); `_x005F_` escapes the underscore itself.
enum OOXMLEscapes {
    static func appendDecoded(_ s: [UInt8], to out: inout [UInt8]) {
        guard s.contains(UInt8(ascii: "_")) else { out.append(contentsOf: s); return }
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "_"), i + 6 < s.count, s[i + 1] == UInt8(ascii: "x"), s[i + 6] == UInt8(ascii: "_"),
               let v = UInt32(String(decoding: s[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16) {
                if v != 0, let u = Unicode.Scalar(v) { out.append(contentsOf: Array(String(Character(u)).utf8)) }
                i += 7
                continue
            }
            out.append(s[i])
            i += 1
        }
    }
}

// MARK: The sheet

/// Streams `<sheetData>` into comma-separated text, one record per row with values.
struct SheetHandler: XMLHandler {
    private enum CellType { case number, shared, boolean, error, formulaString, inline, isoDate }
    private struct Cell {
        var column: Int
        var start: Int
        var end: Int
        var blank: Bool
    }

    let file: String
    let sheet: String
    let strings: SharedStringsHandler
    let styles: [NumberKind]
    let date1904: Bool
    let limits: XLSXSheetText.Limits

    private var inSheetData = false
    private var row = 0
    private var column = -1
    private var type = CellType.number
    private var style = 0
    private var hasFormula = false
    private var hasValue = false
    private var inValue = false, inInline = false, inInlineText = false, phoneticDepth = 0
    private var value: [UInt8] = []
    private var decoded: [UInt8] = []

    private var rowBytes: [UInt8] = []
    private var rowCells: [Cell] = []
    private var buffered: [(row: Int, bytes: [UInt8], cells: [Cell])] = []
    private var headerDecided = false
    private(set) var headerRow = 0
    private(set) var headerColumns: [Int] = []
    private var fieldOfColumn: [Int] = []
    private var fieldCell: [Int] = []

    private(set) var output: [UInt8] = []
    private var nextLine = 1
    /// The sheet's merged ranges (`<mergeCells>` follows `<sheetData>`).
    private(set) var merges: [MergedRange] = []
    private(set) var breakLines: [Int] = []
    private(set) var breakRows: [Int] = []

    init(file: String, sheet: String, strings: SharedStringsHandler, styles: [NumberKind], date1904: Bool,
         limits: XLSXSheetText.Limits) {
        self.file = file
        self.sheet = sheet
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.limits = limits
    }

    var wantsText: Bool { inValue || (inInlineText && phoneticDepth == 0) }

    private func fail(_ message: String, column: Int? = nil) -> CSVError {
        let cell = column.map { SheetLocation.reference(sheet: sheet, row: row, column: $0) }
            ?? SheetLocation.quotedSheetName(sheet) + "!\(row):\(row)"
        return CSVError(kind: .invalidValue, file: file, line: row, message: message, cell: cell)
    }

    private func failWhole(_ message: String) -> CSVError {
        CSVError(kind: .unreadable, file: file, line: 0, message: "sheet \"\(sheet)\": " + message)
    }

    /// Parses `A1`-style references: the 0-based column and the row (0 when absent).
    static func parseReference(_ r: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
        var i = 0, col = 0, rowNumber = 0
        while i < r.count, r[i] >= 65, r[i] <= 90 {
            col = col * 26 + Int(r[i] - 64)
            i += 1
            if col > 1 << 30 { return nil }
        }
        guard i > 0 else { return nil }
        while i < r.count, r[i] >= 48, r[i] <= 57 {
            rowNumber = rowNumber * 10 + Int(r[i] - 48)
            i += 1
            if rowNumber > 1 << 40 { return nil }
        }
        guard i == r.count else { return nil }
        return (col - 1, rowNumber)
    }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) throws {
        if inSheetData {
            if name.is("c") {
                if let ref = a.raw("r") {
                    guard let (c, _) = Self.parseReference(ref) else {
                        throw fail("a cell with an unreadable reference \"\(String(decoding: ref.prefix(20), as: UTF8.self))\"")
                    }
                    column = c
                } else {
                    column += 1
                }
                if column >= limits.columns {
                    throw fail("a cell in column \(column + 1), beyond Excel's last column (XFD, \(limits.columns)): a damaged or hostile file")
                }
                type = .number
                if let t = a.raw("t") {
                    if t.is("s") { type = .shared } else if t.is("b") { type = .boolean } else if t.is("e") { type = .error }
                    else if t.is("str") { type = .formulaString } else if t.is("inlineStr") { type = .inline }
                    else if t.is("d") { type = .isoDate }
                }
                style = a.integer("s") ?? 0
                hasFormula = false
                hasValue = false
                value.removeAll(keepingCapacity: true)
            } else if name.is("v") {
                inValue = true
                hasValue = true
            } else if name.is("f") {
                hasFormula = true
            } else if name.is("is") {
                inInline = true
                hasValue = true
            } else if name.is("t") && inInline {
                inInlineText = true
            } else if name.is("rPh") {
                phoneticDepth += 1
            } else if name.is("row") {
                if let r = a.integer("r") { row = r } else { row += 1 }
                if row > limits.rows || row < 1 {
                    throw failWhole("row \(row) is beyond Excel's last row (\(limits.rows)): a damaged or hostile file; refused, nothing imported")
                }
                column = -1
                rowBytes.removeAll(keepingCapacity: true)
                rowCells.removeAll(keepingCapacity: true)
            }
        } else if name.is("sheetData") {
            inSheetData = true
        } else if name.is("mergeCell"), let ref = a.raw("ref") {
            guard let colon = ref.firstIndex(of: UInt8(ascii: ":")),
                  let first = Self.parseReference(UnsafeBufferPointer(rebasing: ref[..<colon])),
                  let last = Self.parseReference(UnsafeBufferPointer(rebasing: ref[(colon + 1)...])) else { return }
            if merges.count >= limits.mergedRanges {
                throw failWhole("more than \(limits.mergedRanges) merged ranges: a damaged or hostile file; refused, nothing imported")
            }
            merges.append(MergedRange(firstColumn: min(first.column, last.column), firstRow: min(first.row, last.row),
                                      lastColumn: max(first.column, last.column), lastRow: max(first.row, last.row)))
        } else if name.is("dimension"), let ref = a.raw("ref") {
            // `A1:Z100`: refuse a claim beyond Excel's limits before reading any row.
            var last = ref
            if let colon = ref.firstIndex(of: UInt8(ascii: ":")) { last = UnsafeBufferPointer(rebasing: ref[(colon + 1)...]) }
            let parsed = Self.parseReference(last)
            if parsed == nil || parsed!.row > limits.rows || parsed!.column >= limits.columns {
                let claim = String(decoding: ref.prefix(40), as: UTF8.self)
                throw failWhole("the sheet claims the range \(claim), beyond Excel's \(limits.rows) rows × \(limits.columns) columns: a damaged or hostile file; refused, nothing imported")
            }
        }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        guard inSheetData else { return }
        if name.is("v") {
            inValue = false
        } else if name.is("t") {
            inInlineText = false
        } else if name.is("is") {
            inInline = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("c") {
            try finishCell()
        } else if name.is("row") {
            try finishRow()
        } else if name.is("sheetData") {
            inSheetData = false
        }
    }

    mutating func text(_ t: UnsafeBufferPointer<UInt8>) throws {
        value.append(contentsOf: t)
    }

    // MARK: Cells

    private mutating func finishCell() throws {
        if !hasValue || (value.isEmpty && type != .inline && type != .formulaString) {
            if hasFormula {
                throw fail("a formula without a saved result (the file was written by a program that does not calculate formulas); open it in Excel or LibreOffice, save it, and import again", column: column)
            }
            return
        }
        let start = rowBytes.count
        switch type {
        case .shared:
            var index = value.isEmpty || value.count > 9 ? -1 : 0
            for b in value where index >= 0 { index = b >= 0x30 && b <= 0x39 ? index * 10 + Int(b - 0x30) : -1 }
            guard index >= 0, index < strings.count else {
                throw fail("the cell refers to shared string \(String(decoding: value.prefix(12), as: UTF8.self)), which the workbook lacks: a damaged file", column: column)
            }
            rowBytes.append(contentsOf: strings.bytes[strings.offsets[index]..<strings.offsets[index + 1]])
        case .inline, .formulaString:
            OOXMLEscapes.appendDecoded(value, to: &rowBytes)
        case .boolean:
            rowBytes.append(value.first == UInt8(ascii: "1") || value.first == UInt8(ascii: "t") || value.first == UInt8(ascii: "T")
                            ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        case .error:
            rowBytes.append(contentsOf: value)
        case .isoDate:
            // `2021-03-05T00:00:00`: the date as written, the time dropped.
            rowBytes.append(contentsOf: value.prefix(value.count >= 10 && value[4] == UInt8(ascii: "-") ? 10 : value.count))
        case .number:
            appendNumber()
        }
        let blank = !rowBytes[start...].contains { !XMLStream.isSpace($0) }
        if start == rowBytes.count { return }
        rowCells.append(Cell(column: column, start: start, end: rowBytes.count, blank: blank))
    }

    private mutating func appendNumber() {
        let kind = style < styles.count ? styles[style] : .general
        switch kind {
        case .general:
            appendPlainNumber()
        case .percent:
            guard let v = Double(String(decoding: value, as: UTF8.self)), v.isFinite else { return appendPlainNumber() }
            rowBytes.append(contentsOf: Array(Self.shortest(v * 100).utf8))
            rowBytes.append(contentsOf: Array(" %".utf8))
        case .date(let precision):
            guard let v = Double(String(decoding: value, as: UTF8.self)), v >= 1, v < 2_958_466 else {
                return appendPlainNumber()
            }
            let serial = Int(v.rounded(.down))
            if !date1904 && serial == 60 {
                // Lotus 1-2-3's day that never was; the date parser refuses it, located.
                rowBytes.append(contentsOf: Array("1900-02-29".utf8))
                return
            }
            let days = date1904 ? serial - 24_107 : (serial < 60 ? serial - 25_568 : serial - 25_569)
            let (y, m, d) = Self.civil(fromDays: days)
            // Written digit by digit: String(format:) was a fifth of a date-heavy sheet's time.
            func digits(_ v: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                while divisor > 0 {
                    rowBytes.append(UInt8(48 + (v / divisor) % 10))
                    divisor /= 10
                }
            }
            digits(y, 4)
            if precision != .year { rowBytes.append(UInt8(ascii: "-")); digits(m, 2) }
            if precision == .day { rowBytes.append(UInt8(ascii: "-")); digits(d, 2) }
        }
    }

    /// A number cell's text as stored, with `1.5E-3` and `2.01E+11` written out and
    /// at most 15 significant digits, as Excel shows and exports it (a sheet may store
    /// 0.07 as `0.07000000000000001`; a CSV saved from it says 0.07).
    private mutating func appendPlainNumber() {
        var digits = 0, leading = true
        for b in value where b >= 0x30 && b <= 0x39 {
            if leading && b == 0x30 { continue }
            leading = false
            digits += 1
        }
        if digits > 15 || value.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }),
           let v = Double(String(decoding: value, as: UTF8.self)), v.isFinite {
            rowBytes.append(contentsOf: Array(Self.shortest(v).utf8))
        } else {
            rowBytes.append(contentsOf: value)
        }
    }

    /// At most 15 significant digits, as Excel shows (so 0.07 × 100 is 7, not
    /// 7.000000000000001), without an exponent for ordinary magnitudes.
    static func shortest(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.15g", v)
        if s.contains("e") {
            s = String(format: "%.15f", v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// Year, month, day of a day count from 1970-01-01 (proleptic Gregorian; H. Hinnant).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    // MARK: Rows

    private mutating func finishRow() throws {
        guard rowCells.contains(where: { !$0.blank }) else { return }
        if headerDecided {
            try emit(row: row, bytes: rowBytes, cells: rowCells)
            return
        }
        buffered.append((row, rowBytes, rowCells))
        if buffered.count >= limits.headerSearch { try decideHeader() }
    }

    mutating func finish() throws {
        if !headerDecided {
            guard !buffered.isEmpty else {
                throw failWhole("the sheet is empty: a header row was expected; name the sheet with --sheet if the data is on another one")
            }
            try decideHeader()
        }
    }

    /// The merged ranges that cover two or more cells piloteval reads — in a column with
    /// a header name, in the header row or below it — at least one of them below the header.
    func mergesOverData() -> [MergedRange] {
        merges.filter { m in
            guard m.lastRow > headerRow else { return false }
            let columns = headerColumns.lazy.filter { $0 >= m.firstColumn && $0 <= m.lastColumn }.count
            let rows = m.lastRow - max(m.firstRow, headerRow) + 1
            return columns >= 1 && columns * rows >= 2
        }
    }

    private mutating func decideHeader() throws {
        // The header is the row that names the columns the rows below it use: of the rows
        // with at least two values (one, in a one-column sheet), the one whose columns
        // hold those of the most later rows; the earliest on a tie. Titles and notes
        // above a table cover none of its rows.
        let columns = buffered.map { b in Set(b.cells.filter { !$0.blank }.map(\.column)) }
        let most = columns.map(\.count).max() ?? 0
        let needed = most >= 2 ? 2 : 1
        var index = columns.firstIndex { $0.count == most }!
        var best = 0
        for i in columns.indices where columns[i].count >= needed {
            let covered = columns[(i + 1)...].filter { $0.isSubset(of: columns[i]) }.count
            if covered > best { best = covered; index = i }
        }
        let header = buffered[index]
        headerRow = header.row
        var names: [(column: Int, start: Int, end: Int)] = []
        for c in header.cells where !c.blank && !names.contains(where: { $0.column == c.column }) {
            names.append((c.column, c.start, c.end))
        }
        names.sort { $0.column < $1.column }
        headerColumns = names.map(\.column)
        fieldOfColumn = [Int](repeating: -1, count: (headerColumns.last ?? 0) + 1)
        for (f, c) in headerColumns.enumerated() { fieldOfColumn[c] = f }
        fieldCell = [Int](repeating: -1, count: headerColumns.count)
        breakLines = [1]
        breakRows = [headerRow]
        for (k, n) in names.enumerated() {
            if k > 0 { output.append(UInt8(ascii: ",")) }
            header.bytes.withUnsafeBufferPointer { p in
                nextLine += Self.appendField(UnsafeBufferPointer(rebasing: p[n.start..<n.end]), to: &output)
            }
        }
        output.append(0x0A)
        nextLine += 1
        headerDecided = true
        let rest = buffered[(index + 1)...]
        buffered = []
        for b in rest { try emit(row: b.row, bytes: b.bytes, cells: b.cells) }
    }

    private mutating func emit(row: Int, bytes: [UInt8], cells: [Cell]) throws {
        for k in fieldCell.indices { fieldCell[k] = -1 }
        var any = false
        for (i, c) in cells.enumerated() {
            let f = c.column < fieldOfColumn.count ? fieldOfColumn[c.column] : -1
            if f < 0 {
                if c.blank { continue }
                self.row = row
                let letter = SheetLocation.columnLetters(c.column)
                throw fail("a value in column \(letter), which has no header (the header is row \(headerRow)); give the column a name in row \(headerRow), or clear the cell. A header cell merged across several columns names only the first of them", column: c.column)
            }
            fieldCell[f] = i
            any = true
        }
        guard any else { return }
        if row - nextLine != breakRows.last! - breakLines.last! {
            breakLines.append(nextLine)
            breakRows.append(row)
        }
        var newlines = 0
        bytes.withUnsafeBufferPointer { p in
            for f in fieldCell.indices {
                if f > 0 { output.append(UInt8(ascii: ",")) }
                let i = fieldCell[f]
                if i >= 0 { newlines += Self.appendField(UnsafeBufferPointer(rebasing: p[cells[i].start..<cells[i].end]), to: &output) }
            }
        }
        output.append(0x0A)
        nextLine += 1 + newlines
    }

    /// Appends a field, quoted when it holds a comma, quote or line break; returns the
    /// line breaks inside it as `CSVParser` counts them (CRLF once).
    static func appendField(_ f: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Int {
        var needsQuotes = false
        for b in f where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { out.append(contentsOf: f); return 0 }
        var breaks = 0
        out.append(UInt8(ascii: "\""))
        var i = 0
        while i < f.count {
            let b = f[i]
            if b == UInt8(ascii: "\"") { out.append(b) }
            if b == 0x0A || (b == 0x0D && !(i + 1 < f.count && f[i + 1] == 0x0A)) { breaks += 1 }
            out.append(b)
            i += 1
        }
        out.append(UInt8(ascii: "\""))
        return breaks
    }
}

// MARK: Merged cells

/// A merged range of a sheet: 0-based columns, sheet rows, inclusive.
struct MergedRange: Hashable {
    var firstColumn: Int
    var firstRow: Int
    var lastColumn: Int
    var lastRow: Int

    /// The cell that holds the range's value (its top left), as one number.
    var firstCellKey: Int { MergedValueProbe.key(row: firstRow, column: firstColumn) }

    var reference: String {
        SheetLocation.columnLetters(firstColumn) + String(firstRow) + ":"
            + SheetLocation.columnLetters(lastColumn) + String(lastRow)
    }

    func error(file: String, sheet: String, headerRow: Int) -> CSVError {
        let first = SheetLocation.columnLetters(firstColumn) + String(firstRow)
        let what = firstRow <= headerRow ? "a merged cell reaching from the header into the data" : "merged cells in the data"
        return CSVError(kind: .invalidValue, file: file, line: max(firstRow, headerRow + 1),
                        message: "\(what) (\(reference)): a workbook keeps a merged cell's value in its first cell (\(first)) only, so piloteval would read the other rows or columns as empty. Unmerge the cells (Excel: Sammanfoga och centrera / Merge & Center) and write the value into every cell that needs it, then import again; nothing was imported",
                        cell: SheetLocation.quotedSheetName(sheet) + "!" + reference)
    }
}

/// A second pass over the sheet that finds which of some cells hold a value (not
/// blank text), for the merged ranges that `SheetHandler.mergesOverData` names.
struct MergedValueProbe: XMLHandler {
    let strings: SharedStringsHandler
    let cells: Set<Int>
    private(set) var found: Set<Int> = []
    private var inSheetData = false, row = 0, column = -1
    private var current: Int?
    private var shared = false, inValue = false, inText = false
    private var value: [UInt8] = []

    init(strings: SharedStringsHandler, cells: Set<Int>) {
        self.strings = strings
        self.cells = cells
    }

    static func key(row: Int, column: Int) -> Int { row << 15 | column }

    var wantsText: Bool { current != nil && (inValue || inText) }

    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) throws {
        if !inSheetData {
            if name.is("sheetData") { inSheetData = true }
            return
        }
        if name.is("row") {
            row = a.integer("r") ?? row + 1
            column = -1
        } else if name.is("c") {
            if let ref = a.raw("r"), let (c, _) = SheetHandler.parseReference(ref) { column = c } else { column += 1 }
            let k = Self.key(row: row, column: column)
            current = cells.contains(k) ? k : nil
            shared = a.raw("t")?.is("s") ?? false
            value.removeAll(keepingCapacity: true)
        } else if name.is("v") {
            inValue = true
        } else if name.is("t") {
            inText = true
        }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        guard inSheetData else { return }
        if name.is("v") {
            inValue = false
        } else if name.is("t") {
            inText = false
        } else if name.is("sheetData") {
            inSheetData = false
        } else if name.is("c"), let k = current {
            current = nil
            var text = value[...]
            if shared {
                var index = value.isEmpty || value.count > 9 ? -1 : 0
                for b in value where index >= 0 { index = b >= 0x30 && b <= 0x39 ? index * 10 + Int(b - 0x30) : -1 }
                guard index >= 0, index < strings.count else { return }
                text = strings.bytes[strings.offsets[index]..<strings.offsets[index + 1]]
            }
            if text.contains(where: { !XMLStream.isSpace($0) }) { found.insert(k) }
        }
    }

    mutating func text(_ t: UnsafeBufferPointer<UInt8>) throws {
        value.append(contentsOf: t)
    }
}
