import CSQLite
import Foundation

/// A prepared statement. Prepare once and `reset` between uses: for bulk inserts this is
/// what makes SQLite fast (parsing the SQL again for every row costs more than the insert).
///
/// Parameter indexes are 1-based, as in SQL (`?1`) and the C API; column indexes are
/// 0-based, also as in the C API. The statement keeps its `Database` alive and is
/// finalized when the last reference goes.
public final class Statement {
    public let sql: String
    let handle: OpaquePointer
    // Keeps the connection open for as long as a statement that needs it exists.
    private let database: Database

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let rc = sql.withCString { sqlite3_prepare_v2(database.handle, $0, -1, &statement, &tail) }
        guard rc == SQLITE_OK, let statement else {
            throw DatabaseError(connection: database.handle, code: rc, sql: sql)
        }
        // A second statement after the first would be silently ignored by prepare; say so
        // instead, since `execute(sql)` without arguments is the way to run scripts.
        if let tail, String(cString: tail).contains(where: { !$0.isWhitespace && $0 != ";" }) {
            sqlite3_finalize(statement)
            throw DatabaseError(code: SQLITE_MISUSE, message: "only one statement can be prepared at a time", sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// The connection's handle, for error messages read right after a failing call.
    var databaseHandle: OpaquePointer { database.handle }

    // MARK: Binding

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds a value to the parameter at a 1-based index.
    public func bind(_ value: (any DatabaseValueConvertible)?, at index: Int) throws {
        let value = value?.databaseValue ?? .null
        let i = Int32(index)
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, i)
        case .integer(let v): rc = sqlite3_bind_int64(handle, i, v)
        case .real(let v): rc = sqlite3_bind_double(handle, i, v)
        case .text(let v): rc = sqlite3_bind_text(handle, i, v, -1, csqlite_transient())
        case .blob(let v):
            rc = v.withUnsafeBytes { buffer in
                // An empty Data has no base address; zeroblob binds an empty blob, not NULL.
                guard let base = buffer.baseAddress else { return sqlite3_bind_zeroblob(handle, i, 0) }
                return sqlite3_bind_blob64(handle, i, base, sqlite3_uint64(buffer.count), csqlite_transient())
            }
        }
        try check(rc)
    }

    /// Binds by name; the name includes its prefix as written in the SQL (`:id`, `@id`, `$id`).
    public func bind(_ value: (any DatabaseValueConvertible)?, named name: String) throws {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw DatabaseError(code: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        try bind(value, at: Int(index))
    }

    /// Binds all parameters positionally, starting at 1.
    public func bind(_ values: [(any DatabaseValueConvertible)?]) throws {
        guard values.count == parameterCount else {
            throw DatabaseError(code: SQLITE_RANGE,
                                message: "statement has \(parameterCount) parameters, \(values.count) values given", sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Binds by name from a dictionary whose keys include the prefix (`[":id": 3]`).
    public func bind(_ values: [String: (any DatabaseValueConvertible)?]) throws {
        for (name, value) in values { try bind(value, named: name) }
    }

    // MARK: Stepping

    /// Advances to the next row: true when a row is available, false when done.
    @discardableResult
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw DatabaseError(connection: database.handle, code: rc, sql: sql)
        }
    }

    /// Makes the statement ready to run again and clears its bindings, so a value left
    /// over from the previous row can never leak into the next one.
    public func reset() {
        // sqlite3_reset repeats the last step's error, which `step` has already thrown.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Resets, binds, and steps to completion: one call per row of a bulk insert.
    public func run(_ values: (any DatabaseValueConvertible)?...) throws {
        reset()
        try bind(values)
        while try step() {}
    }

    // MARK: Columns (0-based)

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public var columnNames: [String] {
        (0..<columnCount).map { String(cString: sqlite3_column_name(handle, Int32($0))) }
    }

    public func isNull(at column: Int) -> Bool {
        sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL
    }

    public func int(at column: Int) -> Int? {
        isNull(at: column) ? nil : Int(sqlite3_column_int64(handle, Int32(column)))
    }

    public func double(at column: Int) -> Double? {
        isNull(at: column) ? nil : sqlite3_column_double(handle, Int32(column))
    }

    public func string(at column: Int) -> String? {
        guard let text = sqlite3_column_text(handle, Int32(column)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func data(at column: Int) -> Data? {
        if isNull(at: column) { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        guard let bytes = sqlite3_column_blob(handle, Int32(column)) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// The column's value in its stored class.
    public func value(at column: Int) -> DatabaseValue {
        let i = Int32(column)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT: return .text(string(at: column) ?? "")
        case SQLITE_BLOB: return .blob(data(at: column) ?? Data())
        default: return .null
        }
    }

    /// The current row, copied out.
    public func row() -> Row {
        Row(columns: columnNames, values: (0..<columnCount).map { value(at: $0) })
    }

    /// Steps through all remaining rows, copying each out.
    public func rows() throws -> [Row] {
        let names = columnNames
        var result: [Row] = []
        while try step() {
            result.append(Row(columns: names, values: (0..<names.count).map { value(at: $0) }))
        }
        return result
    }

    private func check(_ rc: Int32) throws {
        guard rc == SQLITE_OK else { throw DatabaseError(connection: database.handle, code: rc, sql: sql) }
    }
}
