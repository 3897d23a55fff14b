import CSQLite

/// A batch of rows for one bulk INSERT, held flat: one cell per column, text as ranges
/// of one shared byte buffer. Filled on one thread and inserted on another
/// (`BulkInsert`), and reused batch after batch, so a bulk import allocates nothing per
/// row for its values and SQLite reads the text where it lies.
///
///     let rows = BulkRows(width: 3)
///     rows.append(int: 7); rows.append(text: "a"); rows.append(null: ())
///     rows.endRow()
///     try insert.insert(rows)       // binds and steps each row
///     rows.removeAll()              // keeps the storage for the next batch
///
/// A class over raw storage, not a struct of arrays: an import appends twenty cells and
/// a dozen texts per row, and every `Array.append` asks the runtime whether the buffer
/// is uniquely referenced — a tenth of the converting thread's time. `@unchecked
/// Sendable` because a batch is handed from thread to thread through a lock
/// (`CaseImportPipeline`), never used by two at once.
public final class BulkRows: @unchecked Sendable {
    enum Cell {
        case null
        case integer(Int64)
        case real(Double)
        /// Offset and length in `bytes`; 32 bits each keeps a cell at 16 bytes (a batch
        /// holds far less than 2 GB: `byteCount` is what callers cap it by).
        case text(UInt32, UInt32)
    }

    /// Cells per row.
    public let width: Int
    // Exclusivity is the caller's (one thread at a time, see above); unchecked, so the
    // runtime does not track every access of these hot properties.
    @exclusivity(unchecked) private(set) var cells: UnsafeMutablePointer<Cell>
    @exclusivity(unchecked) private(set) var cellCount = 0
    @exclusivity(unchecked) private var cellCapacity: Int
    @exclusivity(unchecked) private(set) var bytes: UnsafeMutablePointer<UInt8>
    /// Text bytes held, for capping a batch's size.
    @exclusivity(unchecked) public private(set) var byteCount = 0
    @exclusivity(unchecked) private var byteCapacity: Int

    public init(width: Int, reservingRows rows: Int = 0, bytes byteCapacity: Int = 0) {
        self.width = width
        cellCapacity = max(width * rows, width)
        cells = .allocate(capacity: cellCapacity)
        self.byteCapacity = max(byteCapacity, 256)
        bytes = .allocate(capacity: self.byteCapacity)
    }

    deinit {
        cells.deallocate()   // Cell is a trivial type: nothing to deinitialize
        bytes.deallocate()
    }

    /// Complete rows.
    public var count: Int { cellCount / width }
    public var isEmpty: Bool { cellCount == 0 }

    public func removeAll() {
        cellCount = 0
        byteCount = 0
    }

    @inline(__always)
    private func append(cell: Cell) {
        if cellCount == cellCapacity {
            cellCapacity *= 2
            let grown = UnsafeMutablePointer<Cell>.allocate(capacity: cellCapacity)
            grown.moveInitialize(from: cells, count: cellCount)
            cells.deallocate()
            cells = grown
        }
        (cells + cellCount).initialize(to: cell)
        cellCount += 1
    }

    /// Room for `count` more text bytes; returns where they go.
    @inline(__always)
    private func reserveBytes(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if byteCount + count > byteCapacity {
            byteCapacity = max(byteCapacity * 2, byteCount + count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
            grown.moveInitialize(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = grown
        }
        defer { byteCount += count }
        return bytes + byteCount
    }

    public func append(null: Void) { append(cell: .null) }

    public func append(int value: Int?) {
        append(cell: value.map { .integer(Int64($0)) } ?? .null)
    }

    public func append(double value: Double?) {
        append(cell: value.map { .real($0) } ?? .null)
    }

    public func append(text value: String?) {
        guard var value else { return append(cell: .null) }
        value.withUTF8 { append(utf8: $0) }
    }

    /// Text from UTF-8 bytes (a field read in place), copied into the buffer.
    public func append(utf8 value: UnsafeBufferPointer<UInt8>) {
        let start = byteCount
        copy(value)
        append(cell: .text(UInt32(start), UInt32(value.count)))
    }

    private func copy(_ utf8: UnsafeBufferPointer<UInt8>) {
        if let base = utf8.baseAddress, utf8.count > 0 {
            reserveBytes(utf8.count).update(from: base, count: utf8.count)
        }
    }

    /// Text written piecewise straight into the buffer (a JSON object, a hex pseudonym),
    /// with no intermediate String: `let start = beginText()`, then `appendText`,
    /// `appendByte`, `appendBytes` calls, then `closeText(from: start)`, whose range is
    /// later given to `append(textAt:)` as the row's cell. Text may be written before the
    /// cells that come ahead of it in the row.
    public func beginText() -> Int { byteCount }

    public func appendText(_ value: String) {
        var value = value
        value.withUTF8(copy)
    }

    public func appendByte(_ value: UInt8) { reserveBytes(1).initialize(to: value) }

    /// Appends `count` bytes written by `fill` (hex digits, say).
    public func appendBytes(count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let start = reserveBytes(count)
        start.initialize(repeating: 0, count: count)
        fill(UnsafeMutableBufferPointer(start: start, count: count))
    }

    public func closeText(from start: Int) -> TextRange {
        TextRange(start: UInt32(start), length: UInt32(byteCount - start))
    }

    public func append(textAt range: TextRange?) {
        append(cell: range.map { .text($0.start, $0.length) } ?? .null)
    }

    /// Text already in the buffer (see `beginText`).
    public struct TextRange: Sendable {
        let start: UInt32
        let length: UInt32
    }

    /// Text already in the buffer, as a string.
    public func string(_ range: TextRange) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + Int(range.start), count: Int(range.length)), as: UTF8.self)
    }

    /// The text of a cell, for messages about a row that failed.
    public func text(row: Int, column: Int) -> String? {
        guard case .text(let start, let length) = cells[row * width + column] else { return nil }
        return string(TextRange(start: start, length: length))
    }

    /// Marks the end of a row; traps if the row has another number of cells than `width`
    /// (a programming error: the INSERT would bind the wrong columns).
    public func endRow() {
        precondition(cellCount % width == 0, "BulkRows: a row has \(cellCount % width) cells too many for width \(width)")
    }
}

/// The row of a batch that SQLite refused, and why (a constraint, a full disk, …).
public struct BulkInsertFailure: Error, Sendable {
    public let row: Int
    public let error: DatabaseError
}

/// Inserts `BulkRows` through two prepared statements: one that inserts `rowsPerStep`
/// rows per step (`INSERT … VALUES (…), (…), …`) and one for the rows left over.
///
/// Why several rows per statement: a one-row INSERT opens a cursor on the table, seeks
/// from the root to the key's place, inserts and closes the cursor, for every row; a
/// multi-row VALUES list keeps one cursor across its rows, and SQLite skips the seek when
/// the cursor already stands at the right edge of the table (keys that arrive in order,
/// as extracts sorted by case id do). Per-statement work (reset, begin, halt) is shared
/// by the rows too.
///
/// The statements use `OR FAIL`: a row that breaks a constraint stops its statement and
/// keeps the rows before it, so `sqlite3_changes` tells which row of the step failed —
/// and SQLite needs no statement journal to undo a half-done step (the caller's
/// transaction is rolled back on any error anyway).
public final class BulkInsert {
    public let width: Int
    public let rowsPerStep: Int
    private let multi: Statement
    private let single: Statement
    private let database: Database

    /// `table` and `columns` are SQL identifiers written by the caller, never user input.
    public init(database: Database, table: String, columns: [String], rowsPerStep: Int = 32) throws {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let head = "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        self.width = columns.count
        self.rowsPerStep = rowsPerStep
        self.database = database
        multi = try database.prepare(head + Array(repeating: row, count: rowsPerStep).joined(separator: ", "))
        single = try database.prepare(head + row)
        shownSQL = head + row + ", … (\(rowsPerStep) rows per statement)"
    }

    /// The SQL named in error messages: the multi-row statement written out is a
    /// paragraph of question marks.
    private let shownSQL: String

    /// Binds and steps every row of `rows` in order. Text is bound in place
    /// (SQLITE_STATIC): SQLite copies it into the record during the step, while `rows`
    /// is pinned. Throws `BulkInsertFailure` naming the row that failed; rows before it
    /// stay written (inside the caller's transaction, which then rolls back).
    public func insert(_ rows: BulkRows) throws {
        precondition(rows.width == width, "BulkRows width \(rows.width), insert has \(width) columns")
        let count = rows.count
        var row = 0
        let base = UnsafeRawPointer(rows.bytes).assumingMemoryBound(to: CChar.self)
        let cells = rows.cells
        while row < count {
            let statement = count - row >= rowsPerStep ? multi : single
            let n = statement === multi ? rowsPerStep : 1
            let handle = statement.handle
            sqlite3_reset(handle)
            var cell = row * width
            for p in 1...(n * width) {
                let rc: Int32
                switch cells[cell] {
                case .null: rc = sqlite3_bind_null(handle, Int32(p))
                case .integer(let v): rc = sqlite3_bind_int64(handle, Int32(p), v)
                case .real(let v): rc = sqlite3_bind_double(handle, Int32(p), v)
                case .text(let start, let length):
                    if length == 0 {
                        // An empty text needs a non-null pointer or SQLite binds NULL, not "".
                        rc = sqlite3_bind_text(handle, Int32(p), "", 0, csqlite_transient())
                    } else {
                        rc = sqlite3_bind_text(handle, Int32(p), base + Int(start), Int32(length), nil)
                    }
                }
                if rc != SQLITE_OK {
                    throw BulkInsertFailure(row: row + (p - 1) / width,
                                            error: DatabaseError(code: rc, message: String(cString: sqlite3_errstr(rc)), sql: shownSQL))
                }
                cell += 1
            }
            let rc = sqlite3_step(handle)
            if rc != SQLITE_DONE && rc != SQLITE_ROW {
                // OR FAIL kept the rows of this step before the one that failed.
                let done = n == 1 ? 0 : min(Int(sqlite3_changes(database.handle)), n - 1)
                throw BulkInsertFailure(row: row + done, error: DatabaseError(connection: database.handle, code: rc, sql: shownSQL))
            }
            row += n
        }
        // The bytes are about to be reused: nothing may keep pointing at them.
        for statement in [multi, single] {
            sqlite3_reset(statement.handle)
            sqlite3_clear_bindings(statement.handle)
        }
    }
}
