import CSVCore
import Foundation
import Periods

/// libFuzzer entry: any bytes as a CSV file. The reader must either throw a CSVError
/// or give rows; every field is also read as a number, a date and a period, the way
/// the importers read cells. The byte-level path the case importer uses
/// (`forEachRecord`) must give the same rows and the same error, and the same number
/// from the field's bytes. A crash, a trap or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let reader = try CSVReader(data: data, name: "fuzz.csv")
        _ = reader.columnIndex("value")
        var rows: [CSVRow] = []
        var rowError: String?
        do {
            try reader.forEachRow { row in
                rows.append(row)
                for field in row.fields {
                    _ = SwedishNumber.parse(field)
                    _ = CalendarDate.parse(field)
                    _ = Period.parse(field)
                }
            }
        } catch let error as CSVError { rowError = error.description }
        var records: [CSVRow] = []
        var recordError: String?
        do {
            try reader.forEachRecord { fields in
                records.append(CSVRow(line: fields.line, fields: fields.strings))
                for i in 0..<fields.count where SwedishNumber.parse(utf8: fields[i]) != SwedishNumber.parse(fields.string(i)) {
                    fatalError("SwedishNumber differs on bytes and on the string of a field")
                }
            }
        } catch let error as CSVError { recordError = error.description }
        if rows != records || rowError != recordError {
            fatalError("forEachRecord and forEachRow disagree")
        }
    } catch is CSVError {
        // Refused with a located message: what bad input should get.
    } catch {
        fatalError("CSVReader threw something other than CSVError: \(error)")
    }
    return 0
}
