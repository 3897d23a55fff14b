import Foundation
import LogicModel
import Yams

/// How an extract's columns map to case roles (docs/cases.md, "Mapping files"):
///
///     schema: piloteval/case-mapping/v1
///     columns:                  # role: the column's name in the file
///       case_id: Ärendenummer
///       person_id: Personnummer
///       cohort: Enhet
///       referral_date: Aktualiseringsdatum
///     outcomes: [Placerad]      # further outcome columns (numbers or 0/1)
///     text: [Anteckning]        # free text kept on purpose (identity numbers masked)
///     ignore: [Namn]            # never read
///     identity: [Personnummer]  # pseudonymise whatever the 90 % rule says
///     not_identity: [Ärendenummer]   # only looks like identity numbers
///     gender_values: {Kvinna: girl, Man: boy}
///
/// Roles not under `columns` fall back to their default names. Every key and value
/// keeps its place in the file, so a column the extract lacks is reported at the
/// mapping's line and column.
public struct CaseMapping: Sendable {
    public static let schemaID = "piloteval/case-mapping/v1"

    /// A column name as written in the mapping, with where it was written.
    public struct Name: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
    }

    public var file: String
    public var columns: [CaseColumnRole: Name] = [:]
    /// nil: every other numeric column is an outcome (as without a mapping).
    public var outcomes: [Name]?
    public var text: [Name] = []
    public var ignore: [Name] = []
    public var identity: [Name] = []
    public var notIdentity: [Name] = []
    /// Lower-cased form → gender.
    public var genderValues: [String: CaseRecord.Gender] = [:]

    public init(file: String) { self.file = file }

    /// Reads and checks a mapping file; throws `ValidationFailure` with every located
    /// problem.
    public static func read(path: String) throws -> CaseMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationFailure([Diagnostic(.error, at: SourceLocation(file: path, line: 0, column: 0),
                                                "cannot read the mapping file")])
        }
        return try parse(data, file: path)
    }

    public static func parse(_ data: Data, file: String) throws -> CaseMapping {
        let root = try SafeYAML.compose(data, file: file)
        var reader = MappingReader(file: file)
        let mapping = reader.read(root)
        if !reader.errors.isEmpty { throw ValidationFailure(reader.errors) }
        return mapping
    }
}

/// Walks the composed YAML, collecting every problem rather than stopping at the first.
private struct MappingReader {
    let file: String
    var errors: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func fail(_ node: Node, _ message: String) {
        errors.append(Diagnostic(.error, at: location(node), message))
    }

    mutating func read(_ root: Node) -> CaseMapping {
        var mapping = CaseMapping(file: file)
        guard case .mapping(let top) = root else {
            fail(root, "a mapping file is a YAML mapping starting with `schema: \(CaseMapping.schemaID)`")
            return mapping
        }
        let allowed = ["schema", "columns", "outcomes", "text", "ignore", "identity", "not_identity", "gender_values"]
        var sawSchema = false
        for (keyNode, value) in top {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "schema":
                sawSchema = true
                if value.scalar?.string != CaseMapping.schemaID {
                    fail(value, "schema is \"\(value.scalar?.string ?? "?")\"; a case mapping says `schema: \(CaseMapping.schemaID)`")
                }
            case "columns":
                guard case .mapping(let pairs) = value else { fail(value, "`columns` maps roles to column names"); continue }
                for (roleNode, nameNode) in pairs {
                    let roleText = roleNode.scalar?.string ?? ""
                    guard let role = CaseColumnRole(rawValue: roleText) else {
                        fail(roleNode, "unknown role `\(roleText)`; roles are \(CaseColumnRole.allCases.map(\.rawValue).joined(separator: ", "))")
                        continue
                    }
                    guard let name = nameNode.scalar?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                        fail(nameNode, "`\(roleText)` needs the column's name as it is written in the extract's header")
                        continue
                    }
                    if mapping.columns[role] != nil { fail(roleNode, "`\(roleText)` is mapped twice") }
                    mapping.columns[role] = .init(name: name, location: location(nameNode))
                }
            case "outcomes": mapping.outcomes = names(value, key: key)
            case "text": mapping.text = names(value, key: key)
            case "ignore": mapping.ignore = names(value, key: key)
            case "identity": mapping.identity = names(value, key: key)
            case "not_identity": mapping.notIdentity = names(value, key: key)
            case "gender_values":
                guard case .mapping(let pairs) = value else { fail(value, "`gender_values` maps a form to girl, boy or other"); continue }
                for (formNode, genderNode) in pairs {
                    guard let form = formNode.scalar?.string, !form.isEmpty,
                          let gender = CaseRecord.Gender(rawValue: genderNode.scalar?.string ?? "") else {
                        fail(genderNode, "a gender form maps to girl, boy or other")
                        continue
                    }
                    mapping.genderValues[form.trimmingCharacters(in: .whitespaces).lowercased()] = gender
                }
            default:
                fail(keyNode, "unknown key `\(key)`; allowed keys: \(allowed.joined(separator: ", "))")
            }
        }
        if !sawSchema { fail(root, "missing `schema: \(CaseMapping.schemaID)`") }
        // A column in two lists (say `ignore` and `outcomes`) has no single meaning.
        var seen: [String: String] = [:]
        let lists: [(String, [CaseMapping.Name])] = [("outcomes", mapping.outcomes ?? []), ("text", mapping.text),
                                                     ("ignore", mapping.ignore), ("columns", Array(mapping.columns.values))]
        for (list, names) in lists {
            for n in names {
                let k = n.name.lowercased()
                if let other = seen[k], other != list {
                    errors.append(Diagnostic(.error, at: n.location, "column \"\(n.name)\" is under both `\(other)` and `\(list)`"))
                }
                seen[k] = list
            }
        }
        return mapping
    }

    mutating func names(_ node: Node, key: String) -> [CaseMapping.Name] {
        switch node {
        case .sequence(let items):
            var result: [CaseMapping.Name] = []
            for item in items {
                guard let s = item.scalar?.string, !s.isEmpty else { fail(item, "`\(key)` lists column names"); continue }
                result.append(.init(name: s, location: location(item)))
            }
            return result
        case .scalar(let s) where !s.string.isEmpty:
            return [.init(name: s.string, location: location(node))]
        default:
            fail(node, "`\(key)` lists column names: [a, b]")
            return []
        }
    }
}
