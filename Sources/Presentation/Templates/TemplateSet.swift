import Foundation
import LogicModel
import Mustache

/// The templates one report is written with: the defaults, with any file of
/// `--templates DIR` in place of its default. Parsed once, with errors located at
/// `file:line:column`.
public struct TemplateSet: Sendable {
    public let directory: String?
    /// File name → text.
    public let texts: [String: String]
    /// Which files came from the directory.
    public let overridden: [String]

    public init(directory: String? = nil) throws {
        self.directory = directory
        var texts = Dictionary(uniqueKeysWithValues: DefaultTemplates.files.map { ($0.name, $0.content) })
        var overridden: [String] = []
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw TemplateError(file: directory, line: 0, message: "no such folder; write the defaults there with `piloteval report templates \(directory)`")
            }
            for name in texts.keys.sorted() {
                let path = (directory as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw TemplateError(file: path, line: 0, message: "not UTF-8 text; save it as UTF-8")
                }
                texts[name] = text
                overridden.append(name)
            }
        }
        self.texts = texts
        self.overridden = overridden
        // Parse now, so a broken template fails before anything is written.
        for name in texts.keys where name.hasSuffix(".mustache") { _ = try template(name) }
        _ = try strings(.sv)
        _ = try strings(.en)
    }

    func path(_ name: String) -> String {
        if let directory, overridden.contains(name) { return (directory as NSString).appendingPathComponent(name) }
        return "(default) " + name
    }

    public func text(_ name: String) -> String { texts[name] ?? "" }

    public func template(_ name: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text(name))
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: path(name), line: error.context.lineNumber, column: error.context.columnNumber,
                                message: "template error: \(error.error)")
        }
    }

    public func strings(_ language: Language) throws -> ReportStrings {
        let name = "strings.\(language.rawValue).txt"
        guard overridden.contains(name) else { return ReportStrings(language) }
        return ReportStrings(language, overrides: try StringsFile.parse(text(name), fileName: path(name)))
    }

    /// Renders `page` with `cover` available as the partial `{{> cover}}`.
    public func render(page: String, cover: String, context: [String: Any]) throws -> String {
        var library = MustacheLibrary()
        library.register(try template(cover), named: "cover")
        library.register(try template(page), named: "page")
        return library.render(context, withTemplate: "page") ?? ""
    }

    /// Writes every default template into `directory` (created if needed); refuses to
    /// overwrite an existing file, so a municipality's edits are never lost.
    public static func writeDefaults(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, _) in DefaultTemplates.files {
            let path = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) {
                throw TemplateError(file: path, line: 0, message: "already exists; nothing was overwritten (move it away or choose another folder)")
            }
        }
        for (name, content) in DefaultTemplates.files {
            let path = (directory as NSString).appendingPathComponent(name)
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            written.append(path)
        }
        return written
    }
}
