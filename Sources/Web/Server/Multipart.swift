import Foundation

/// A `multipart/form-data` body (RFC 7578), as uploads arrive from a form or an API
/// client: each part's field name, file name and bytes. Small on purpose — the
/// server reads a few fields and one file — and strict: a body that does not follow
/// the format is refused, never half-read.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var contentType: String?
        var data: Data
    }

    var parts: [Part]

    func part(_ name: String) -> Part? { parts.first { $0.name == name } }
    func text(_ name: String) -> String? { part(name).map { String(decoding: $0.data, as: UTF8.self) } }

    struct Malformed: Error, CustomStringConvertible { let description: String }

    /// The boundary from a `Content-Type` header value, or nil when it is not multipart.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    init(parts: [Part]) { self.parts = parts }

    init(body: Data, boundary: String) throws {
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        guard let first = body.range(of: delimiter) else { throw Malformed(description: "no part starts with the boundary") }
        var position = first.upperBound
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: Data("--".utf8)) { break }
            guard body[position...].starts(with: crlf) else { throw Malformed(description: "a boundary is not followed by a line break") }
            position += 2
            guard let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: position..<body.endIndex) else {
                throw Malformed(description: "a part's headers do not end")
            }
            let headers = String(decoding: body[position..<headerEnd.lowerBound], as: UTF8.self)
            let contentStart = headerEnd.upperBound
            guard let next = body.range(of: crlf + delimiter, in: contentStart..<body.endIndex) else {
                throw Malformed(description: "a part does not end with the boundary")
            }
            parts.append(try Self.part(headers: headers, data: Data(body[contentStart..<next.lowerBound])))
            position = next.upperBound
        }
        self.parts = parts
    }

    static func part(headers: String, data: Data) throws -> Part {
        var name: String?, fileName: String?, contentType: String?
        for line in headers.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let field = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            if field == "content-type" { contentType = value }
            guard field == "content-disposition" else { continue }
            for parameter in value.split(separator: ";").dropFirst() {
                let kv = parameter.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { continue }
                let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased()
                var v = kv[1].trimmingCharacters(in: .whitespaces)
                if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
                if key == "name" { name = v } else if key == "filename" { fileName = v }
            }
        }
        guard let name else { throw Malformed(description: "a part has no name (Content-Disposition: form-data; name=…)") }
        return Part(name: name, fileName: fileName, contentType: contentType, data: data)
    }
}
