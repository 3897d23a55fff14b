import CSQLite

/// Typed binding for bulk inserts: no existential boxing and no C-string copy of the
/// Swift string (its UTF-8 is handed to SQLite with its length, SQLite copies it once).
/// An import binds twenty values per row a million times; this is where that adds up.
extension Statement {
    public func bind(text: String?, at index: Int) throws {
        guard var text else { return try checkBind(sqlite3_bind_null(handle, Int32(index))) }
        let rc = text.withUTF8 { utf8 -> Int32 in
            // An empty buffer may have no address; SQLite would then bind NULL, not "".
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                return sqlite3_bind_text(handle, Int32(index), "", 0, csqlite_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, Int32(index), $0, Int32(utf8.count), csqlite_transient())
            }
        }
        try checkBind(rc)
    }

    public func bind(int: Int?, at index: Int) throws {
        guard let int else { return try checkBind(sqlite3_bind_null(handle, Int32(index))) }
        try checkBind(sqlite3_bind_int64(handle, Int32(index), sqlite3_int64(int)))
    }

    public func bind(double: Double?, at index: Int) throws {
        guard let double else { return try checkBind(sqlite3_bind_null(handle, Int32(index))) }
        try checkBind(sqlite3_bind_double(handle, Int32(index), double))
    }

    private func checkBind(_ rc: Int32) throws {
        guard rc == SQLITE_OK else {
            throw DatabaseError(code: rc, message: String(cString: sqlite3_errstr(rc)), sql: sql)
        }
    }
}
