import Foundation
import LogicModel
import Store

/// Which column of an extract plays which part: decided from the header, the mapping
/// and the first rows (the sample), before any row is stored.
struct CaseColumnPlan {
    let header: [String]
    var roles: [CaseColumnRole: Int] = [:]
    /// Outcome columns (numbers or 0/1), by index.
    var outcomes: [Int] = []
    /// Outcome columns chosen by the sample rather than named in a mapping: a later text
    /// value turns such a column into dropped text if it has stored nothing yet.
    var automaticOutcomes: Set<Int> = []
    var text: [Int] = []
    /// Never read.
    var ignored: Set<Int> = []
    /// Columns whose values become pseudonyms.
    var identity: Set<Int> = []
    /// Identity columns named in the mapping: kept identity whatever the share.
    var forcedIdentity: Set<Int> = []
    var notIdentity: Set<Int> = []
    /// The identity column whose pseudonym is the person key (and which birth year and
    /// legal sex may be derived from).
    var personIdentity: Int? { roles[.personID].flatMap { identity.contains($0) ? $0 : nil } ?? unmappedIdentity.first }
    /// Identity columns not under any role, in header order.
    var unmappedIdentity: [Int] {
        let roleColumns = Set(roles.values)
        return identity.filter { !roleColumns.contains($0) }.sorted()
    }
    /// Columns not imported, with why, for the summary.
    var notImported: [Int: String] = [:]
    /// The mapping has an `outcomes:` list: then only those columns are outcomes.
    var outcomesListed = false

    /// Every column the identity rule looks at: all but the ignored.
    var checked: [Int] { (0..<header.count).filter { !ignored.contains($0) } }

    /// Builds the plan from the header and mapping. Throws located errors for a mapping
    /// naming a missing column (at the mapping's line) and for missing required roles.
    init(reader: CSVReader, mapping: CaseMapping?) throws {
        // Column names are stored (the import's summary, outcome names): a number in
        // one is masked like any text (docs/privacy.md).
        header = reader.header.map(IdentityNumberScanner.masking)
        var problems: [Diagnostic] = []
        func index(_ name: CaseMapping.Name) -> Int? {
            if let i = reader.columnIndex(name.name) { return i }
            problems.append(Diagnostic(.error, at: name.location,
                                       "column \"\(name.name)\" is not in \(reader.name); its header has: \(reader.header.joined(separator: ", "))"))
            return nil
        }
        var claimed = Set<Int>()
        // A column the mapping lists elsewhere keeps that meaning even if it happens to
        // carry a default role name (say `gender` under `ignore:`).
        let listed = Set(((mapping?.ignore ?? []) + (mapping?.text ?? []) + (mapping?.outcomes ?? []))
            .compactMap { reader.columnIndex($0.name) })
        for role in CaseColumnRole.allCases {
            if let name = mapping?.columns[role] {
                if let i = index(name) {
                    if let other = roles.first(where: { $0.value == i })?.key {
                        // One column cannot be both, say, the case id and the person id.
                        problems.append(Diagnostic(.error, at: name.location,
                                                   "column \"\(header[i])\" is already mapped to `\(other.rawValue)`; each column plays one role"))
                    }
                    roles[role] = i
                    claimed.insert(i)
                }
            } else if let i = reader.columnIndex(anyOf: [role.rawValue] + role.swedishNames), !claimed.contains(i), !listed.contains(i) {
                roles[role] = i
                claimed.insert(i)
            }
        }
        if let mapping {
            for n in mapping.ignore { if let i = index(n) { ignored.insert(i); notImported[i] = "ignored by the mapping" } }
            for n in mapping.text { if let i = index(n) { text.append(i) } }
            for n in mapping.identity { if let i = index(n) { forcedIdentity.insert(i) } }
            for n in mapping.notIdentity { if let i = index(n) { notIdentity.insert(i) } }
            if let listed = mapping.outcomes {
                outcomesListed = true
                for n in listed { if let i = index(n) { outcomes.append(i) } }
            }
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        identity = forcedIdentity
        let missing = CaseColumnRole.required.filter { roles[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            throw CSVError(kind: .invalidValue, file: reader.name, line: reader.headerLine,
                           message: "no column for \(names): name the column \(names) or map it in a mapping file (--map, docs/cases.md); the header has: \(reader.header.joined(separator: ", "))")
        }
        // A column named like a derived measure would be shadowed by it, or shadow it.
        let derived = Set(DerivedMeasure.allCases.map(\.rawValue))
        for (i, name) in header.enumerated() where derived.contains(name.lowercased()) && !ignored.contains(i) && !claimed.contains(i) {
            throw CSVError(kind: .invalidValue, file: reader.name, line: reader.headerLine,
                           message: "column \"\(name)\" has the name of a derived measure, which piloteval computes itself (docs/cases.md); rename the column or list it under `ignore:` in a mapping")
        }
    }

    /// Columns left after roles, text and ignore: outcome candidates (auto mode) or
    /// unmapped (when the mapping lists `outcomes:`).
    func extras(mappingListsOutcomes: Bool) -> [Int] {
        let taken = Set(roles.values).union(text).union(ignored).union(outcomes)
        return (0..<header.count).filter { !taken.contains($0) }
    }
}
