import Foundation
import LogicModel
import Store

/// PDSA cycles kept in the database as versioned documents (kind `pdsa`): adding a
/// changed file makes a new version, the same file again changes nothing.
public struct PDSACatalog {
    public static let kind = "pdsa"
    let documents: DocumentStore
    let database: Database

    public init(_ database: Database) {
        self.database = database
        documents = DocumentStore(database)
    }

    public struct Added: Sendable {
        public var cycle: PDSACycle
        public var outcome: AddOutcome
        public var warnings: [String]
    }

    /// Validates and stores the files in one transaction: if any has an error, nothing
    /// is stored. Cross-file checks: `previous` must name a cycle stored already or in
    /// the same batch; `activity` must exist in the named logic model when that model is
    /// stored (a warning when it is not).
    public func add(paths: [String]) throws -> [Added] {
        var files: [(name: String, data: Data)] = []
        var unreadable: [Diagnostic] = []
        for path in paths {
            if let data = FileManager.default.contents(atPath: path) {
                files.append((path, data))
            } else {
                unreadable += PDSADecoder.read(path: path).diagnostics
            }
        }
        return try add(files: files, diagnostics: unreadable)
    }

    /// The same for cycles held in memory (the web's form): `name` stands for the file
    /// in messages and as the stored source.
    public func add(files: [(name: String, data: Data)], diagnostics earlier: [Diagnostic] = []) throws -> [Added] {
        var decoded: [(path: String, cycle: PDSACycle, content: String)] = []
        var diagnostics = earlier
        for file in files {
            let result = PDSADecoder.decode(file.data, file: file.name)
            diagnostics += result.diagnostics
            if let cycle = result.cycle, result.isValid {
                decoded.append((file.name, cycle, String(decoding: file.data, as: UTF8.self)))
            }
        }
        var seen: [String: String] = [:]
        for d in decoded {
            if let other = seen[d.cycle.id] {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: d.path, line: 1, column: 1), id: d.cycle.id,
                                              "cycle id \(d.cycle.id) is also used by \(other); ids must be unique"))
            }
            seen[d.cycle.id] = d.path
        }
        let batch = Set(decoded.map(\.cycle.id))
        var warnings: [String: [String]] = [:]
        let models = ModelCatalog(database)
        for d in decoded {
            if let previous = d.cycle.previous, !batch.contains(previous), try documents.latest(kind: Self.kind, id: previous) == nil {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: d.path, line: 1, column: 1), id: d.cycle.id,
                                              "`previous: \(previous)` names no stored cycle; add that cycle first, or in the same command"))
            }
            if let modelID = d.cycle.model {
                if let model = try? models.resolve(modelID) {
                    if !model.activities.contains(where: { $0.id == d.cycle.activity }) {
                        let known = model.activities.map(\.id).joined(separator: ", ")
                        diagnostics.append(Diagnostic(.error, at: SourceLocation(file: d.path, line: 1, column: 1), id: d.cycle.id,
                                                      "activity \(d.cycle.activity) is not in logic model \(modelID) (its activities: \(known))"))
                    }
                } else {
                    warnings[d.cycle.id, default: []].append("logic model \(modelID) is not stored, so activity \(d.cycle.activity) was not checked; add it with `piloteval model add`")
                }
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ValidationFailure(diagnostics) }
        return try database.transaction {
            try decoded.map { d in
                let json = String(decoding: try JSONEncoder.pdsa.encode(d.cycle), as: UTF8.self)
                let outcome = try documents.add(kind: Self.kind, id: d.cycle.id, content: d.content, json: json, sourcePath: d.path)
                return Added(cycle: d.cycle, outcome: outcome, warnings: warnings[d.cycle.id] ?? [])
            }
        }
    }

    /// The stored measures a model's improvement work shows: those imported under it, or
    /// (for a measure imported under no pilot) those its cycles watch or its indicators
    /// read (`data: {measure: …}`), and those nothing claims (shown for every model, as a
    /// database of one pilot expects, but for none on a shared server). A measure another
    /// model claims belongs to that pilot: on a shared server it is not another's to see.
    public func measures(of modelID: String) throws -> [String] {
        try claims().measures(of: modelID)
    }

    /// Who claims each stored measure, worked out once (every cycle and every model read)
    /// for pages that ask it of every pilot.
    public func claims() throws -> MeasureClaims {
        let cycles = try all()
        let owners = try ImportLog(database).pilots(kind: "measures")
        let catalog = ModelCatalog(database)
        var bound: [String: Set<String>] = [:]   // measure → models whose indicators read it
        for summary in try catalog.list() {
            guard let model = try? catalog.resolve(summary.id) else { continue }
            for indicator in model.indicators {
                if case .measure(let id)? = indicator.data { bound[id, default: []].insert(model.id) }
            }
        }
        let stored = try MeasureTable(database).list().map(\.measure)
        var claimants: [String: Set<String>] = [:]
        for measure in stored {
            // Imported under a pilot: that pilot's alone. Another pilot's cycle or indicator
            // naming it does not make it theirs (it would show them the series, let them
            // add to it, and put their cycles on the owner's chart).
            claimants[measure] = owners[measure]
                ?? Set(cycles.filter { $0.measure == measure }.compactMap(\.model)).union(bound[measure] ?? [])
        }
        return MeasureClaims(stored: stored, claimants: claimants, shared: try database.hasAccounts())
    }

    /// Latest version of every stored cycle, by start date then id.
    public func all() throws -> [PDSACycle] {
        try documents.list(kind: Self.kind).compactMap { summary in
            try documents.latest(kind: Self.kind, id: summary.id).map { try Self.decode($0.json) }
        }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    public func cycle(_ id: String) throws -> PDSACycle {
        guard let stored = try documents.latest(kind: Self.kind, id: id) else {
            let known = try documents.list(kind: Self.kind).map(\.id)
            throw CatalogError(message: "no stored PDSA cycle with id \"\(id)\""
                + (known.isEmpty ? "; add one with `piloteval pdsa add FILE.yaml`" : "; stored cycles: \(known.joined(separator: ", "))"))
        }
        return try Self.decode(stored.json)
    }

    /// The ramp a cycle belongs to: every cycle linked to it through `previous`, in order.
    public func ramp(of id: String) throws -> [PDSACycle] {
        let cycles = try all()
        let byID = Dictionary(uniqueKeysWithValues: cycles.map { ($0.id, $0) })
        guard var first = byID[id] else { return [] }
        var guardCount = 0
        while let p = first.previous, let earlier = byID[p], guardCount < cycles.count { first = earlier; guardCount += 1 }
        var chain = [first]
        var visited: Set<String> = [first.id]
        while let next = cycles.first(where: { $0.previous == chain.last!.id && !visited.contains($0.id) }) {
            chain.append(next)
            visited.insert(next.id)
        }
        return chain
    }

    public static func decode(_ json: String) throws -> PDSACycle {
        try JSONDecoder().decode(PDSACycle.self, from: Data(json.utf8))
    }
}

extension JSONEncoder {
    static var pdsa: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}

/// The pilots that claim each stored measure (`PDSACatalog.claims()`).
public struct MeasureClaims: Sendable {
    let stored: [String]
    let claimants: [String: Set<String>]
    /// A database with accounts: what nothing claims is shown to no pilot.
    let shared: Bool

    /// The measures `modelID` shows, in the stored order.
    public func measures(of modelID: String) -> [String] {
        stored.filter { measure in
            let claimants = claimants[measure] ?? []
            return claimants.isEmpty ? !shared : claimants.contains(modelID)
        }
    }
}
