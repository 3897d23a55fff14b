import Foundation
import Store
import Testing

@Suite("CSV reader, large files")
struct CSVLargeFileTests {
    /// Writes `rows` rows of a Swedish-style export, returning the sum of the value
    /// column in hundredths, computed from the integers written (not by parsing).
    static func writeExport(to url: URL, rows: Int) throws -> Int {
        var text = "case_id;unit;gender;referral_date;value\r\n"
        text.reserveCapacity(rows * 48)
        var cents = 0
        let units = ["Vällingbyteamet", "Linjen Öst", "Linjen \"Väst\"; gamla"]
        for i in 0..<rows {
            let value = (i * 7919) % 1_000_000 - 250_000  // hundredths, some negative
            cents += value
            let whole = abs(value) / 100, frac = abs(value) % 100
            let sign = value < 0 ? "-" : ""
            let unit = units[i % 3]
            let quotedUnit = unit.contains(";") ? "\"" + unit.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : unit
            // Thousands separated by space above 999, as Excel's Swedish format writes them.
            let wholeText = whole >= 1000 ? "\(whole / 1000) \(String(format: "%03d", whole % 1000))" : "\(whole)"
            text += "K\(i);\(quotedUnit);\(i % 2 == 0 ? "flicka" : "pojke");2021-\(String(format: "%02d", i % 12 + 1))-15;"
            text += "\(sign)\(wholeText),\(String(format: "%02d", frac))\r\n"
        }
        try Data(text.utf8).write(to: url)
        return cents
    }

    @Test func twoHundredThousandRows() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("large.csv")
            let n = 200_000
            let expected = try Self.writeExport(to: url, rows: n)
            let reader = try CSVReader(path: url.path)
            #expect(reader.delimiter == .semicolon)
            let valueColumn = try #require(reader.columnIndex("value"))
            var count = 0, cents = 0, lastLine = 0, quotedUnits = 0, unparsed = 0
            var reports = 0, lastReport = 0
            try reader.forEachRow(progress: { done, total in
                reports += 1
                lastReport = done
                #expect(total == reader.byteCount)
            }) { row in
                count += 1
                lastLine = row.line
                if let value = SwedishNumber.value(row[valueColumn]) {
                    // Round, not truncate: 12.34 * 100 is 1233.9999… in binary.
                    cents += Int((value * 100).rounded())
                } else {
                    unparsed += 1
                }
                if row[1] == "Linjen \"Väst\"; gamla" { quotedUnits += 1 }
            }
            #expect(count == n)
            #expect(unparsed == 0)
            #expect(cents == expected)
            #expect(lastLine == n + 1)
            #expect(quotedUnits == n / 3 + (n % 3 > 2 ? 1 : 0))
            #expect(reports >= 1)
            #expect(lastReport == reader.byteCount)
        }
    }

    /// Throughput for Benchmarks/csv/bench_csv.sh: `PILOTEVAL_BENCH=1
    /// PILOTEVAL_BENCH_CSV=file.csv swift test -c release --filter csvThroughput`.
    /// Never run in the normal suite (tests do not time things).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PILOTEVAL_BENCH"] == "1"))
    func csvThroughput() throws {
        let env = ProcessInfo.processInfo.environment
        let path = try #require(env["PILOTEVAL_BENCH_CSV"], "set PILOTEVAL_BENCH_CSV to a generated file")
        // Rows only: open, detect, split and decode every field.
        var started = Date()
        var reader = try CSVReader(path: path)
        var rows = 0, characters = 0
        try reader.forEachRow { row in
            rows += 1
            characters += row.fields.count
        }
        let splitSeconds = Date().timeIntervalSince(started)
        // Rows and numbers: the same, plus reading the decimal-comma column, as pandas does.
        started = Date()
        reader = try CSVReader(path: path)
        let column = try #require(reader.columnIndex("value"))
        var sum = 0.0
        try reader.forEachRow { row in
            sum += SwedishNumber.value(row[column]) ?? 0
        }
        let seconds = Date().timeIntervalSince(started)
        let megabytes = Double(reader.byteCount) / 1_000_000
        print("piloteval-csv rows=\(rows) sum=\(sum) split_seconds=\(splitSeconds) seconds=\(seconds) MB=\(megabytes) MB/s=\(megabytes / seconds) rows/s=\(Double(rows) / seconds)")
    }
}
