/// One record's fields as UTF-8 bytes where they lie, lent to the body of
/// `CSVReader.forEachRecord` and valid only while that body runs (the bytes are the
/// memory-mapped file and the parser's scratch buffer).
///
/// For the one importer whose inner loop is worth it: the case import checks every value
/// of million-row extracts, and building a `String` for each field — with its validation,
/// allocation and reference counting — was a third of its time. Everything else reads
/// `CSVRow`s of strings. The bytes are the same UTF-8 that `CSVRow.fields` would hold:
/// the file was checked to be valid UTF-8 (or decoded from Windows-1252 or UTF-16)
/// before the first row, and `""` inside quotes is already one `"`.
public struct CSVFields {
    /// Where a field's bytes are: in the file, or in the parser's scratch buffer.
    @usableFromInline
    struct Range {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        @usableFromInline var inFile: Bool
    }

    /// The physical line the record starts on (1-based), as `CSVRow.line`.
    public let line: Int
    @usableFromInline let file: UnsafeBufferPointer<UInt8>
    @usableFromInline let decoded: UnsafeBufferPointer<UInt8>
    @usableFromInline let ranges: UnsafeBufferPointer<Range>

    @inlinable public var count: Int { ranges.count }

    /// The UTF-8 bytes of field `index`, exactly as `CSVRow.fields[index]` holds them.
    // Inlinable: called for every cell of an extract, from another module.
    @inlinable
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let r = ranges[index]
        return UnsafeBufferPointer(rebasing: (r.inFile ? file : decoded)[r.start..<r.end])
    }

    /// Field `index` as a string (for messages and the rare slow path).
    public func string(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// Every field as a string: the row `forEachRow` would have given.
    public var strings: [String] { (0..<count).map(string) }
}
