import Foundation
import Store
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    func read(_ text: String, name: String = "test.csv") throws -> (CSVReader, [CSVRow]) {
        try read(Data(text.utf8), name: name)
    }

    /// Reads every row both ways — strings (`forEachRow`) and bytes in place
    /// (`forEachRecord`, the case importer's path) — and checks they agree.
    func read(_ bytes: Data, name: String = "test.csv") throws -> (CSVReader, [CSVRow]) {
        let reader = try CSVReader(data: bytes, name: name)
        let rows = try reader.readAll()
        #expect(try records(reader) == rows)
        return (reader, rows)
    }

    func records(_ reader: CSVReader) throws -> [CSVRow] {
        var rows: [CSVRow] = []
        try reader.forEachRecord { fields in
            rows.append(CSVRow(line: fields.line, fields: (0..<fields.count).map { String(decoding: fields[$0], as: UTF8.self) }))
            #expect(fields.strings == rows.last!.fields)
        }
        return rows
    }

    @Test func semicolonWithDecimalComma() throws {
        let (reader, rows) = try read("indicator;period;group;value\nI1;2021-T1;girls;12,5\nI1;2021-T1;boys;7,25\n")
        #expect(reader.delimiter == .semicolon)
        #expect(reader.encoding == .utf8)
        #expect(reader.header == ["indicator", "period", "group", "value"])
        #expect(rows.map(\.fields) == [["I1", "2021-T1", "girls", "12,5"], ["I1", "2021-T1", "boys", "7,25"]])
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows.compactMap { SwedishNumber.value($0[3]) } == [12.5, 7.25])
    }

    @Test func commaAndTab() throws {
        let (comma, commaRows) = try read("a,b,c\n1,2,3\n")
        #expect(comma.delimiter == .comma)
        #expect(commaRows[0].fields == ["1", "2", "3"])
        let (tab, tabRows) = try read("a\tb\n1,5\t2\n")
        #expect(tab.delimiter == .tab)
        #expect(tabRows[0].fields == ["1,5", "2"])
    }

    @Test func delimiterInsideQuotedHeaderIsNotCounted() throws {
        // Two commas inside quotes, one semicolon outside: the separator is `;`.
        let (reader, rows) = try read("\"name, full, formal\";value\nx;1\n")
        #expect(reader.delimiter == .semicolon)
        #expect(reader.header == ["name, full, formal", "value"])
        #expect(rows[0].fields == ["x", "1"])
    }

    @Test func utf8BOMIsRemoved() throws {
        let (reader, rows) = try read(Data([0xEF, 0xBB, 0xBF]) + Data("enhet;värde\nVällingby;1\n".utf8))
        #expect(reader.encoding == .utf8WithBOM)
        #expect(reader.header == ["enhet", "värde"])
        #expect(rows[0][0] == "Vällingby")
    }

    @Test func windows1252IsDetectedAndDecoded() throws {
        // "enhet;kostnad" / "Hässelby;100 €" / "Åsa’s Öppna;É" written as Windows-1252 bytes.
        var bytes = Data("enhet;kostnad\r\nH".utf8)
        bytes += Data([0xE4]) + Data("sselby;100 ".utf8) + Data([0x80]) + Data("\r\n".utf8)
        bytes += Data([0xC5]) + Data("sa".utf8) + Data([0x92]) + Data("s ".utf8) + Data([0xD6])
        bytes += Data("ppna;".utf8) + Data([0xC9, 0xE5, 0xF6]) + Data("\r\n".utf8)
        let (reader, rows) = try read(bytes)
        #expect(reader.encoding == .windows1252)
        #expect(rows.map(\.fields) == [["Hässelby", "100 €"], ["Åsa’s Öppna", "Éåö"]])
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test func windows1252QuotedFieldWithEscapedQuote() throws {
        var bytes = Data("a;b\n\"".utf8) + Data([0xE5]) + Data("\"\"x\"\"\";2\n".utf8)
        bytes += Data("\"".utf8) + Data([0x96]) + Data("\";3\n".utf8)
        let (reader, rows) = try read(bytes)
        #expect(reader.encoding == .windows1252)
        #expect(rows.map(\.fields) == [["å\"x\"", "2"], ["–", "3"]])
    }

    @Test func rfc4180Quoting() throws {
        let text = "id;note;value\n1;\"a; b\";1\n2;\"line one\nline two\";2\n3;\"say \"\"hej\"\"\";3\n4;\"\";4\n"
        let (_, rows) = try read(text)
        #expect(rows.map(\.fields) == [
            ["1", "a; b", "1"], ["2", "line one\nline two", "2"], ["3", "say \"hej\"", "3"], ["4", "", "4"],
        ])
        // The multi-line record starts on line 3 and ends on 4; the next starts on 5.
        #expect(rows.map(\.line) == [2, 3, 5, 6])
    }

    @Test func crlfLoneCRAndNoFinalNewline() throws {
        let (_, crlf) = try read("a;b\r\n1;2\r\n3;4")
        #expect(crlf.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(crlf.map(\.line) == [2, 3])
        let (_, cr) = try read("a;b\r1;2\r3;4\r")
        #expect(cr.map(\.fields) == [["1", "2"], ["3", "4"]])
        let (_, quotedCRLF) = try read("a;b\r\n\"x\r\ny\";2\r\n5;6")
        #expect(quotedCRLF.map(\.fields) == [["x\r\ny", "2"], ["5", "6"]])
        #expect(quotedCRLF.map(\.line) == [2, 4])
    }

    @Test func blankAndEmptyRowsAreSkippedButCounted() throws {
        let (reader, rows) = try read("\n\na;b\n1;2\n\n;\n\r\n3;4\n\n")
        #expect(reader.headerLine == 3)
        #expect(rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(rows.map(\.line) == [4, 8])
    }

    @Test func emptyFieldsAreKept() throws {
        let (_, rows) = try read("a;b;c\n;2;\n1;;\n")
        #expect(rows.map(\.fields) == [["", "2", ""], ["1", "", ""]])
    }

    @Test func raggedRowNamesLineAndCounts() throws {
        let reader = try CSVReader(data: Data("a;b;c\n1;2;3\n\"x\ny\";2;3\n4;5\n".utf8), name: "data.csv")
        let error = try #require(throws: CSVError.self) { try reader.readAll() }
        #expect(error.kind == .fieldCount(expected: 3, found: 2))
        #expect(error.line == 5)
        #expect(error.description.hasPrefix("data.csv:5: "))
        #expect(error.description.contains("2 fields"))
    }

    @Test func unterminatedQuoteNamesWhereItOpened() throws {
        let reader = try CSVReader(data: Data("a;b\n1;2\n3;\"never closed\n4;5\n".utf8), name: "data.csv")
        let error = try #require(throws: CSVError.self) { try reader.readAll() }
        #expect(error.kind == .unterminatedQuote)
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.description.hasPrefix("data.csv:3:3: "))
    }

    @Test func byteLevelRecordsFailLikeRows() throws {
        for text in ["a;b;c\n1;2;3\n\"x\ny\";2;3\n4;5\n", "a;b\n1;2\n3;\"never closed\n4;5\n", "a;b\n\"x\"y;2\n"] {
            let reader = try CSVReader(data: Data(text.utf8), name: "data.csv")
            let viaRows = try #require(throws: CSVError.self) { try reader.readAll() }
            let viaBytes = try #require(throws: CSVError.self) { try records(reader) }
            #expect(viaBytes.description == viaRows.description)
        }
    }

    @Test func unterminatedQuoteInHeader() {
        #expect(throws: CSVError.self) { _ = try CSVReader(data: Data("\"a;b\n1;2\n".utf8), name: "h.csv") }
    }

    @Test func textAfterClosingQuoteIsAnError() throws {
        let reader = try CSVReader(data: Data("a;b\n\"x\"y;2\n".utf8), name: "q.csv")
        let error = try #require(throws: CSVError.self) { try reader.readAll() }
        #expect(error.kind == .textAfterClosingQuote)
        #expect(error.line == 2)
        #expect(error.column == 4)
    }

    @Test func columnOfErrorCountsCharactersNotBytes() throws {
        let reader = try CSVReader(data: Data("a;b;c\nå;ä;\"open\n".utf8), name: "c.csv")
        let error = try #require(throws: CSVError.self) { try reader.readAll() }
        #expect(error.column == 5)
    }

    @Test func emptyFileHasNoHeader() {
        let error = #expect(throws: CSVError.self) { _ = try CSVReader(data: Data("\n\r\n".utf8), name: "e.csv") }
        #expect(error?.kind == .noHeader)
    }

    @Test func utf16WithBOMIsTranscoded() throws {
        var bytes = Data([0xFF, 0xFE])
        bytes += "enhet\tvärde\r\nÖst\t1,5\r\n".data(using: .utf16LittleEndian)!
        let (reader, rows) = try read(bytes)
        #expect(reader.encoding == .utf16LittleEndian)
        #expect(reader.delimiter == .tab)
        #expect(rows.map(\.fields) == [["Öst", "1,5"]])
    }

    @Test func headerNamesAreTrimmedAndLookedUpIgnoringCase() throws {
        let (reader, _) = try read(" Indicator ; Value \n1;2\n")
        #expect(reader.header == ["Indicator", "Value"])
        #expect(reader.columnIndex("value") == 1)
        #expect(reader.columnIndex("missing") == nil)
    }

    @Test func readsFromPathAndHashesTheBytes() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("x.csv")
            let bytes = Data("a;b\n1;2\n".utf8)
            try bytes.write(to: url)
            let reader = try CSVReader(path: url.path)
            #expect(reader.name == url.path)
            #expect(reader.sha256 == ContentHash.sha256(bytes))
            // Hashed on a thread of its own while the reader opens (the case importer).
            let background = ContentHash.Background(try CSVReader.map(path: url.path))
            #expect(background.wait() == reader.sha256)
            #expect(background.wait() == reader.sha256)
            // FIPS 180-2's example "abc".
            #expect(ContentHash.Background(Data("abc".utf8)).wait()
                    == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            #expect(try reader.readAll().count == 1)
            #expect(throws: CSVError.self) { _ = try CSVReader(path: dir.appendingPathComponent("none.csv").path) }
        }
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        let reader = try CSVReader(data: Data("a,b\n1,2\n".utf8), name: "x", delimiter: .semicolon)
        #expect(reader.header == ["a,b"])
        #expect(try reader.readAll()[0].fields == ["1,2"])
    }

    /// A folder, a named pipe or a device is named for what it is, not reported as
    /// "NSCocoaErrorDomain error 256" or a permission error (which root never has).
    @Test func specialFilesAreNamedForWhatTheyAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, expected) in [(folder.path, "a folder"), (fifo, "a named pipe"), ("/dev/null", "a device"),
                                 (folder.appendingPathComponent("missing.csv").path, "no such file")] {
            do {
                _ = try CSVReader(path: path)
                Issue.record("\(path) was read")
            } catch let e as CSVError {
                #expect(e.message.contains(expected), "\(e.message)")
                #expect(!e.message.contains("NSCocoaErrorDomain") && !e.message.contains("permission"))
            }
        }
    }
}
