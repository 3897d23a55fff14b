import Foundation
import Yams

/// Reads a `piloteval/instrument/v1` YAML file (DESIGN §3.4), collecting every located
/// error and warning, with the same defences as logic models (SafeYAML: size, depth,
/// no anchors or aliases).
public enum InstrumentDecoder {
    public struct Result: Sendable {
        public var instrument: Instrument?
        public var diagnostics: [Diagnostic]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
        public var isValid: Bool { instrument != nil && errors.isEmpty }
    }

    static let topKeys = ["schema", "id", "name", "name_en", "language", "source", "description", "license", "scale", "items", "subscales"]

    public static func read(path: String, displayName: String? = nil) -> Result {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            let d = Diagnostic(.error, at: SourceLocation(file: name, line: 1, column: 1),
                               "cannot read the file; check the path and permissions")
            return Result(instrument: nil, diagnostics: [d])
        }
        return decode(data, file: name)
    }

    public static func decode(_ data: Data, file: String) -> Result {
        let root: Node
        do {
            root = try SafeYAML.compose(data, file: file)
        } catch {
            return Result(instrument: nil, diagnostics: error.diagnostics)
        }
        let reader = NodeReader(file: file)
        let instrument = decodeInstrument(root, reader: reader)
        let diagnostics = reader.diagnostics.sorted {
            ($0.severity == .error ? 0 : 1, $0.location.line, $0.location.column)
                < ($1.severity == .error ? 0 : 1, $1.location.line, $1.location.column)
        }
        return Result(instrument: instrument, diagnostics: diagnostics)
    }

    /// Item and subscale keys become CSV column names and JSON values: lowercase
    /// letters, digits and `_`, starting with a letter.
    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func decodeInstrument(_ root: Node, reader r: NodeReader) -> Instrument? {
        guard case .mapping = root else {
            r.error(root, id: nil, "an instrument file is a mapping that starts with `schema: \(Instrument.schemaID)`")
            return nil
        }
        guard let top = r.entries(root, what: "the instrument", id: nil, allowed: topKeys) else { return nil }
        guard let schemaNode = top["schema"]?.value else {
            r.error(root, id: nil, "missing `schema:`; an instrument starts with `schema: \(Instrument.schemaID)`")
            return nil
        }
        let schema = r.string(schemaNode, key: "schema", id: nil) ?? ""
        guard schema == Instrument.schemaID else {
            r.error(schemaNode, id: nil, "unknown schema \"\(schema)\"; instruments use `\(Instrument.schemaID)`")
            return nil
        }
        let id = r.string(top["id"]?.value, key: "id", id: nil, required: true, parent: root) ?? ""
        if let idNode = top["id"]?.value, !id.isEmpty, !LogicModelDecoder.isValidModelID(id) {
            r.error(idNode, id: id, "instrument id \"\(id)\" should use lowercase letters, digits, - and _ only")
        }
        let name = r.string(top["name"]?.value, key: "name", id: id, required: true, parent: root) ?? ""
        let nameEn = r.string(top["name_en"]?.value, key: "name_en", id: id)
        let language = r.choice(top["language"]?.value, key: "language", id: id, as: Language.self) ?? .sv
        let source = r.string(top["source"]?.value, key: "source", id: id)
        _ = r.string(top["description"]?.value, key: "description", id: id)
        _ = r.string(top["license"]?.value, key: "license", id: id)

        guard let scaleNode = top["scale"]?.value else {
            r.error(root, id: id, "missing `scale:` (e.g. `scale: {min: 1, max: 7}`)")
            return nil
        }
        guard let scale = decodeScale(scaleNode, id: id, reader: r) else { return nil }

        var items: [SurveyItem] = []
        var itemLines: [String: Int] = [:]
        let itemNodes = r.sequence(top["items"]?.value, key: "items", id: id)
        if itemNodes.isEmpty {
            r.error(top["items"]?.value ?? root, id: id, "an instrument needs at least one item under `items:`")
        }
        for node in itemNodes {
            guard let e = r.entries(node, what: "an item", id: id,
                                    allowed: ["key", "sv", "en", "reverse", "short"]) else { continue }
            guard let key = r.string(e["key"]?.value, key: "key", id: id, required: true, parent: node) else { continue }
            let keyNode = e["key"]!.value
            if !isValidKey(key) {
                r.error(keyNode, id: key, "item key \"\(key)\" should be lowercase letters, digits and _ (starting with a letter): it is a CSV column name")
            }
            if Instrument.reservedColumns.contains(key) {
                r.error(keyNode, id: key, "`\(key)` is a reserved column of response files; choose another item key")
            }
            if let line = itemLines[key] {
                r.error(keyNode, id: key, "duplicate item key; it is already used at line \(line)")
                continue
            }
            itemLines[key] = r.location(keyNode).line
            let sv = r.string(e["sv"]?.value, key: "sv", id: key, required: true, parent: node) ?? ""
            let en = r.string(e["en"]?.value, key: "en", id: key)
            if en == nil { r.warning(node, id: key, "no English statement (`en:`); English output will show the Swedish text") }
            let reverse = r.bool(e["reverse"]?.value, key: "reverse", id: key) ?? false
            var shortSv: String?, shortEn: String?
            if let shortNode = e["short"]?.value,
               let s = r.entries(shortNode, what: "`short`", id: key, allowed: ["sv", "en"]) {
                shortSv = r.string(s["sv"]?.value, key: "sv", id: key)
                shortEn = r.string(s["en"]?.value, key: "en", id: key)
            }
            items.append(SurveyItem(key: key, sv: sv, en: en, reverse: reverse, shortSv: shortSv, shortEn: shortEn))
        }

        var subscales: [Subscale] = []
        var subscaleLines: [String: Int] = [:]
        for node in r.sequence(top["subscales"]?.value, key: "subscales", id: id) {
            guard let e = r.entries(node, what: "a subscale", id: id, allowed: ["key", "sv", "en", "items"]) else { continue }
            guard let key = r.string(e["key"]?.value, key: "key", id: id, required: true, parent: node) else { continue }
            let keyNode = e["key"]!.value
            if !isValidKey(key) {
                r.error(keyNode, id: key, "subscale key \"\(key)\" should be lowercase letters, digits and _ (starting with a letter)")
            }
            if let line = subscaleLines[key] {
                r.error(keyNode, id: key, "duplicate subscale key; it is already used at line \(line)")
                continue
            }
            if itemLines[key] != nil {
                r.error(keyNode, id: key, "subscale key \"\(key)\" is also an item key; give the subscale its own name")
            }
            subscaleLines[key] = r.location(keyNode).line
            let sv = r.string(e["sv"]?.value, key: "sv", id: key, required: true, parent: node) ?? key
            let en = r.string(e["en"]?.value, key: "en", id: key)
            guard let itemsNode = e["items"]?.value else {
                r.error(node, id: key, "missing `items:`, the list of item keys this subscale averages")
                continue
            }
            let members = r.stringList(itemsNode, key: "items", id: key)
            let memberNodes: [Node] = if case .sequence(let s) = itemsNode { Array(s) } else { [itemsNode] }
            var seen = Set<String>()
            for (i, member) in members.enumerated() {
                let at = i < memberNodes.count ? memberNodes[i] : itemsNode
                if itemLines[member] == nil {
                    var message = "subscale \"\(key)\" names item \"\(member)\", which the instrument does not have"
                    if let guess = closest(member, in: Array(itemLines.keys)) { message += "; did you mean `\(guess)`?" }
                    r.error(at, id: key, message)
                }
                if !seen.insert(member).inserted { r.error(at, id: key, "item \"\(member)\" is listed twice in subscale \"\(key)\"") }
            }
            if members.isEmpty {
                r.error(itemsNode, id: key, "subscale \"\(key)\" lists no items")
            } else if members.count == 1 {
                r.warning(itemsNode, id: key, "subscale \"\(key)\" has one item: its score is that item, and alpha is undefined")
            }
            subscales.append(Subscale(key: key, sv: sv, en: en, items: members))
        }
        return Instrument(id: id, name: name, nameEn: nameEn, language: language, source: source,
                          scale: scale, items: items, subscales: subscales)
    }

    static func decodeScale(_ node: Node, id: String, reader r: NodeReader) -> ResponseScale? {
        guard let s = r.entries(node, what: "scale", id: id, allowed: ["min", "max", "agree_from", "anchors"]) else { return nil }
        func whole(_ key: String, required: Bool) -> Int? {
            guard let valueNode = s[key]?.value else {
                if required { r.error(node, id: id, "scale needs `\(key)`") }
                return nil
            }
            guard let v = r.number(valueNode, key: key, id: id) else { return nil }
            guard v == v.rounded(), abs(v) < 1000 else {
                r.error(valueNode, id: id, "`\(key)` should be a whole number, found \(v)")
                return nil
            }
            return Int(v)
        }
        guard let lo = whole("min", required: true), let hi = whole("max", required: true) else { return nil }
        guard hi > lo else {
            r.error(s["max"]!.value, id: id, "scale max (\(hi)) must be above min (\(lo))")
            return nil
        }
        guard hi - lo <= 100 else {
            r.error(s["max"]!.value, id: id, "a scale of \(hi - lo + 1) points is not a response scale piloteval can summarise (at most 101)")
            return nil
        }
        let agree = whole("agree_from", required: false)
        if let agree, agree < lo || agree > hi, let n = s["agree_from"]?.value {
            r.error(n, id: id, "`agree_from` (\(agree)) must lie on the scale \(lo)–\(hi)")
        }
        var anchors: [ScaleAnchor] = []
        for a in r.sequence(s["anchors"]?.value, key: "anchors", id: id) {
            guard let e = r.entries(a, what: "an anchor", id: id, allowed: ["value", "sv", "en"]) else { continue }
            guard let valueNode = e["value"]?.value else { r.error(a, id: id, "anchor without `value`"); continue }
            guard let v = r.number(valueNode, key: "value", id: id) else { continue }
            guard v == v.rounded(), v >= Double(lo), v <= Double(hi) else {
                r.error(valueNode, id: id, "anchor value \(v) is not a point of the scale \(lo)–\(hi)")
                continue
            }
            if anchors.contains(where: { $0.value == Int(v) }) {
                r.error(valueNode, id: id, "anchor \(Int(v)) is labelled twice")
                continue
            }
            let sv = r.string(e["sv"]?.value, key: "sv", id: id, required: true, parent: a) ?? ""
            anchors.append(ScaleAnchor(value: Int(v), sv: sv, en: r.string(e["en"]?.value, key: "en", id: id)))
        }
        return ResponseScale(min: lo, max: hi, agreeFrom: agree.flatMap { $0 >= lo && $0 <= hi ? $0 : nil }, anchors: anchors)
    }
}
