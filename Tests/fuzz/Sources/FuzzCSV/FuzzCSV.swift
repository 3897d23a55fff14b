import CSVCore
import Foundation
import Periods

/// libFuzzer entry: any bytes as a CSV file. The reader must either throw a CSVError
/// or give rows; every field is also read as a number, a date and a period, the way
/// the importers read cells. A crash, a trap or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let reader = try CSVReader(data: data, name: "fuzz.csv")
        _ = reader.columnIndex("value")
        try reader.forEachRow { row in
            for field in row.fields {
                _ = SwedishNumber.parse(field)
                _ = CalendarDate.parse(field)
                _ = Period.parse(field)
            }
        }
    } catch is CSVError {
        // Refused with a located message: what bad input should get.
    } catch {
        fatalError("CSVReader threw something other than CSVError: \(error)")
    }
    return 0
}
