import Foundation

/// A small streaming XML tokenizer for the parts of an .xlsx file: bytes go in by
/// chunks (as ZIPFoundation inflates them), elements and text come out to a handler,
/// and only the unfinished tail of a chunk is kept. It reads what spreadsheet writers
/// produce — elements, attributes, text, the five predefined entities and character
/// references, comments, CDATA, processing instructions — and refuses a DOCTYPE outright,
/// so no entity can be declared, expanded or fetched (no "billion laughs", no external
/// entities). Namespace prefixes are dropped (`x:c` is `c`): writers differ in them and
/// the element names of SpreadsheetML do not collide.
struct XMLStream {
    struct Failure: Error { var message: String }

    /// The longest run of text, or tag, kept while waiting for its end. A cell holds at
    /// most 32 767 characters; anything near this is not a spreadsheet part.
    static let maximumToken = 16 << 20

    private var pending: [UInt8] = []
    private var attributes: [(name: Range<Int>, value: Range<Int>)] = []
    private var textBuffer: [UInt8] = []
    private(set) var finished = false

    /// Feeds the next chunk; complete tokens are handed to `handler` at once.
    mutating func feed<H: XMLHandler>(_ chunk: UnsafeRawBufferPointer, to handler: inout H) throws {
        // The buffer is moved out while it is read, so tokenizing (which mutates self)
        // never overlaps an access to it.
        var buffer: [UInt8] = []
        swap(&buffer, &pending)
        buffer.append(contentsOf: chunk)
        let consumed = try buffer.withUnsafeBufferPointer { p in
            try tokenize(p, handler: &handler, final: false)
        }
        if consumed > 0 { buffer.removeFirst(consumed) }
        swap(&buffer, &pending)
        if pending.count > Self.maximumToken {
            throw Failure(message: "a single piece of XML longer than \(Self.maximumToken >> 20) MiB: not a spreadsheet part")
        }
    }

    /// The end of the input: anything left must be whitespace.
    mutating func finish<H: XMLHandler>(to handler: inout H) throws {
        var buffer: [UInt8] = []
        swap(&buffer, &pending)
        let consumed = try buffer.withUnsafeBufferPointer { p in
            try tokenize(p, handler: &handler, final: true)
        }
        if buffer[consumed...].contains(where: { !Self.isSpace($0) }) {
            throw Failure(message: "the XML ends in the middle of an element")
        }
        pending.removeAll()
        finished = true
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Reads tokens from `p`; returns how many bytes were consumed (the rest is an
    /// unfinished token, kept for the next chunk).
    private mutating func tokenize<H: XMLHandler>(_ p: UnsafeBufferPointer<UInt8>, handler: inout H, final: Bool) throws -> Int {
        let n = p.count
        var i = 0
        while i < n {
            if p[i] != UInt8(ascii: "<") {
                // Text up to the next tag.
                var j = i
                while j < n && p[j] != UInt8(ascii: "<") { j += 1 }
                if j == n && !final { return i }
                if handler.wantsText {
                    let raw = UnsafeBufferPointer(rebasing: p[i..<j])
                    if memchr(raw.baseAddress!, Int32(UInt8(ascii: "&")), raw.count) == nil {
                        try handler.text(raw)   // most text has no entity: handed over in place
                    } else {
                        try Self.decodeEntities(raw, into: &textBuffer)
                        try textBuffer.withUnsafeBufferPointer { try handler.text($0) }
                    }
                }
                i = j
                continue
            }
            // A tag, comment, CDATA section, processing instruction or declaration.
            guard i + 1 < n else { return i }
            let next = p[i + 1]
            if next == UInt8(ascii: "?") {
                guard let end = find(p, from: i + 2, "?>") else { return i }
                i = end + 2
                continue
            }
            if next == UInt8(ascii: "!") {
                if starts(p, at: i, "<!--") {
                    guard let end = find(p, from: i + 4, "-->") else { return i }
                    i = end + 3
                    continue
                }
                if starts(p, at: i, "<![CDATA[") {
                    guard let end = find(p, from: i + 9, "]]>") else { return i }
                    if handler.wantsText { try handler.text(UnsafeBufferPointer(rebasing: p[(i + 9)..<end])) }
                    i = end + 3
                    continue
                }
                if i + 9 > n && !final { return i }
                // <!DOCTYPE …> and anything else: a spreadsheet part has no DTD, and a DTD
                // is where entity bombs and external entities live.
                throw Failure(message: "the XML declares a DOCTYPE (entities): spreadsheet parts never do; refused as unsafe")
            }
            guard let end = tagEnd(p, from: i + 1) else { return i }
            try tag(UnsafeBufferPointer(rebasing: p[(i + 1)..<end]), handler: &handler)
            i = end + 1
        }
        return i
    }

    /// The `>` that closes a tag, skipping quoted attribute values.
    private func tagEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var quote: UInt8 = 0
        var i = start
        while i < p.count {
            let b = p[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// One tag's inside (between `<` and `>`).
    private mutating func tag<H: XMLHandler>(_ t: UnsafeBufferPointer<UInt8>, handler: inout H) throws {
        guard !t.isEmpty else { throw Failure(message: "an empty tag <>") }
        if t[0] == UInt8(ascii: "/") {
            var e = t.count
            while e > 1 && Self.isSpace(t[e - 1]) { e -= 1 }
            try handler.end(localName(UnsafeBufferPointer(rebasing: t[1..<e])))
            return
        }
        var selfClosing = false
        var count = t.count
        if t[count - 1] == UInt8(ascii: "/") { selfClosing = true; count -= 1 }
        var i = 0
        while i < count && !Self.isSpace(t[i]) { i += 1 }
        let name = localName(UnsafeBufferPointer(rebasing: t[0..<i]))
        attributes.removeAll(keepingCapacity: true)
        while i < count {
            while i < count && Self.isSpace(t[i]) { i += 1 }
            if i >= count { break }
            let nameStart = i
            while i < count && t[i] != UInt8(ascii: "=") && !Self.isSpace(t[i]) { i += 1 }
            let nameEnd = i
            while i < count && Self.isSpace(t[i]) { i += 1 }
            guard i < count, t[i] == UInt8(ascii: "=") else { throw Failure(message: "an attribute without a value") }
            i += 1
            while i < count && Self.isSpace(t[i]) { i += 1 }
            guard i < count, t[i] == UInt8(ascii: "\"") || t[i] == UInt8(ascii: "'") else {
                throw Failure(message: "an attribute value without quotes")
            }
            let q = t[i]
            i += 1
            let valueStart = i
            while i < count && t[i] != q { i += 1 }
            guard i < count else { throw Failure(message: "an attribute value that never closes") }
            // Offsets are relative to the tag, so the handler's lookups use the same buffer.
            var ns = nameStart
            for k in nameStart..<nameEnd where t[k] == UInt8(ascii: ":") { ns = k + 1 }
            attributes.append((ns..<nameEnd, valueStart..<i))
            i += 1
        }
        let attrs = XMLAttributes(tag: t, list: attributes)
        try handler.start(name, attrs)
        if selfClosing { try handler.end(name) }
    }

    private func localName(_ qualified: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        for k in 0..<qualified.count where qualified[k] == UInt8(ascii: ":") { start = k + 1 }
        return UnsafeBufferPointer(rebasing: qualified[start...])
    }

    private func starts(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ s: StaticString) -> Bool {
        let len = s.utf8CodeUnitCount
        guard i + len <= p.count else { return false }
        let b = s.utf8Start
        for k in 0..<len where p[i + k] != b[k] { return false }
        return true
    }

    private func find(_ p: UnsafeBufferPointer<UInt8>, from start: Int, _ s: StaticString) -> Int? {
        var i = start
        while i + s.utf8CodeUnitCount <= p.count {
            if starts(p, at: i, s) { return i }
            i += 1
        }
        return nil
    }

    /// Text or an attribute value with `&…;` references decoded: the five predefined
    /// entities and numeric character references; any other name is refused.
    static func decodeEntities(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) throws {
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b != UInt8(ascii: "&") { out.append(b); i += 1; continue }
            var j = i + 1
            while j < raw.count && raw[j] != UInt8(ascii: ";") && j - i < 12 { j += 1 }
            guard j < raw.count, raw[j] == UInt8(ascii: ";") else { throw Failure(message: "a stray & in the XML") }
            let name = String(decoding: UnsafeBufferPointer(rebasing: raw[(i + 1)..<j]), as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var scalar: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(), radix: 10)
                }
                guard let scalar, scalar != 0, let u = Unicode.Scalar(scalar) else {
                    throw Failure(message: "an entity &\(name.prefix(10)); that a spreadsheet part does not use; refused")
                }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            }
            i = j + 1
        }
    }
}

/// A tag's attributes, valid during `XMLHandler.start`.
struct XMLAttributes {
    let tag: UnsafeBufferPointer<UInt8>
    let list: [(name: Range<Int>, value: Range<Int>)]

    /// The raw bytes of attribute `name` (local name), entities not decoded.
    func raw(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let len = name.utf8CodeUnitCount
        let b = name.utf8Start
        outer: for (n, v) in list where n.count == len {
            for k in 0..<len where tag[n.lowerBound + k] != b[k] { continue outer }
            return UnsafeBufferPointer(rebasing: tag[v])
        }
        return nil
    }

    /// Attribute `name` as a string, entities decoded.
    func string(_ name: StaticString) throws -> String? {
        guard let raw = raw(name) else { return nil }
        if !raw.contains(UInt8(ascii: "&")) { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        try XMLStream.decodeEntities(raw, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Attribute `name` as a non-negative integer.
    func integer(_ name: StaticString) -> Int? {
        guard let raw = raw(name), !raw.isEmpty, raw.count <= 18 else { return nil }
        var v = 0
        for b in raw {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }
}

/// What the tokenizer reports.
protocol XMLHandler {
    /// Whether text between tags is wanted now (decoding it costs time).
    var wantsText: Bool { get }
    mutating func start(_ name: UnsafeBufferPointer<UInt8>, _ attributes: XMLAttributes) throws
    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Equal to an ASCII name.
    func `is`(_ s: StaticString) -> Bool {
        let len = s.utf8CodeUnitCount
        guard count == len else { return false }
        let b = s.utf8Start
        for k in 0..<len where self[k] != b[k] { return false }
        return true
    }
}
