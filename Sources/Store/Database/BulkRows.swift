import CSQLite

/// A batch of rows for one prepared INSERT, held flat: one cell per parameter, text as
/// ranges of one shared byte buffer. Built on one thread and inserted on another
/// (`Statement.insert(_:)`), and reused batch after batch, so a bulk import allocates
/// nothing per row for its values and SQLite reads the text where it lies.
///
///     var rows = BulkRows(width: 3)
///     rows.append(int: 7); rows.append(text: "a"); rows.append(null: ())
///     rows.endRow()
///     try insert.insert(rows)       // binds and steps each row
///     rows.removeAll()              // keeps the storage for the next batch
public struct BulkRows: Sendable {
    enum Cell: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        /// Offset and length in `bytes`; 32 bits each keeps a cell at 16 bytes (a batch
        /// holds far less than 2 GB: `byteCount` is what callers cap it by).
        case text(UInt32, UInt32)
    }

    /// Parameters per row.
    public let width: Int
    var cells: [Cell] = []
    var bytes: [UInt8] = []

    public init(width: Int, reservingRows rows: Int = 0, bytes byteCapacity: Int = 0) {
        self.width = width
        cells.reserveCapacity(width * rows)
        bytes.reserveCapacity(byteCapacity)
    }

    /// Complete rows.
    public var count: Int { cells.count / width }
    /// Text bytes held, for capping a batch's size.
    public var byteCount: Int { bytes.count }
    public var isEmpty: Bool { cells.isEmpty }

    public mutating func removeAll() {
        cells.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func append(null: Void) { cells.append(.null) }

    public mutating func append(int value: Int?) {
        cells.append(value.map { .integer(Int64($0)) } ?? .null)
    }

    public mutating func append(double value: Double?) {
        cells.append(value.map { .real($0) } ?? .null)
    }

    public mutating func append(text value: String?) {
        guard var value else { return cells.append(.null) }
        let start = bytes.count
        value.withUTF8 { bytes.append(contentsOf: $0) }
        cells.append(.text(UInt32(start), UInt32(bytes.count - start)))
    }

    /// Text written piecewise straight into the buffer (a JSON object, a hex pseudonym),
    /// with no intermediate String: `let start = beginText()`, then `appendText`,
    /// `appendByte`, `appendBytes` calls, then `closeText(from: start)`, whose range is
    /// later given to `append(textAt:)` as the row's cell. Text may be written before the
    /// cells that come ahead of it in the row.
    public func beginText() -> Int { bytes.count }

    public mutating func appendText(_ value: String) {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func appendByte(_ value: UInt8) { bytes.append(value) }

    /// Appends `count` bytes written by `fill` (hex digits, say).
    public mutating func appendBytes(count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        bytes.withUnsafeMutableBufferPointer { fill(UnsafeMutableBufferPointer(rebasing: $0[start..<start + count])) }
    }

    public func closeText(from start: Int) -> TextRange {
        TextRange(start: UInt32(start), length: UInt32(bytes.count - start))
    }

    public mutating func append(textAt range: TextRange?) {
        cells.append(range.map { .text($0.start, $0.length) } ?? .null)
    }

    /// Text already in the buffer (see `beginText`).
    public struct TextRange: Sendable {
        let start: UInt32
        let length: UInt32
    }

    /// The text of a cell, for messages about a row that failed.
    public func text(row: Int, column: Int) -> String? {
        guard case .text(let start, let length) = cells[row * width + column] else { return nil }
        return String(decoding: bytes[Int(start)..<Int(start + length)], as: UTF8.self)
    }

    /// Marks the end of a row; traps if the row has another number of cells than `width`
    /// (a programming error: the INSERT would bind the wrong columns).
    public mutating func endRow() {
        precondition(cells.count % width == 0, "BulkRows: a row has \(cells.count % width) cells too many for width \(width)")
    }
}

/// The row of a batch that SQLite refused, and why (a constraint, a full disk, …).
public struct BulkInsertFailure: Error, Sendable {
    public let row: Int
    public let error: DatabaseError
}

extension Statement {
    /// Binds and steps every row of `rows` in order. Text is bound in place
    /// (SQLITE_STATIC): SQLite copies it into the record during the step, while `rows`
    /// is pinned. Throws `BulkInsertFailure` naming the row that failed; rows before it
    /// stay written (inside the caller's transaction, which then rolls back).
    public func insert(_ rows: BulkRows) throws {
        precondition(rows.width == parameterCount, "BulkRows width \(rows.width), statement has \(parameterCount) parameters")
        let width = rows.width
        try rows.bytes.withUnsafeBufferPointer { raw in
            let base = raw.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            try rows.cells.withUnsafeBufferPointer { cells in
                var row = 0
                var cell = 0
                while cell < cells.count {
                    sqlite3_reset(handle)
                    for p in 1...width {
                        let rc: Int32
                        switch cells[cell] {
                        case .null: rc = sqlite3_bind_null(handle, Int32(p))
                        case .integer(let v): rc = sqlite3_bind_int64(handle, Int32(p), v)
                        case .real(let v): rc = sqlite3_bind_double(handle, Int32(p), v)
                        case .text(let start, let length):
                            if length == 0 || base == nil {
                                // An empty text needs a non-null pointer or SQLite binds NULL.
                                rc = sqlite3_bind_text(handle, Int32(p), "", 0, csqlite_transient())
                            } else {
                                rc = sqlite3_bind_text(handle, Int32(p), base! + Int(start), Int32(length), nil)
                            }
                        }
                        if rc != SQLITE_OK {
                            throw BulkInsertFailure(row: row, error: DatabaseError(code: rc, message: String(cString: sqlite3_errstr(rc)), sql: sql))
                        }
                        cell += 1
                    }
                    let rc = sqlite3_step(handle)
                    if rc != SQLITE_DONE && rc != SQLITE_ROW {
                        throw BulkInsertFailure(row: row, error: DatabaseError(connection: databaseHandle, code: rc, sql: sql))
                    }
                    row += 1
                }
            }
        }
        // The bytes are about to be reused: nothing may keep pointing at them.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
