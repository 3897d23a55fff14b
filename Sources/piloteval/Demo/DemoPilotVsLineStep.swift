import Evaluation
import Foundation
import LogicModel
import Periods
import Store

/// Step 3: the pilot's cases against the line's. The committed synthetic extract is
/// imported with a pseudonymisation key the demo keeps in DIR/key/ (as an evaluator
/// keeps one per evaluation, apart from the database), and each derived outcome is
/// compared pilot vs line; the investigation length also by difference-in-differences,
/// which removes what the pilot's area differed by before the pilot started.
enum DemoPilotVsLineStep {
    static let model = "vallingbyteamet"
    static let folder = "vallingbyteamet"
    static let extractPrefix = "synthetic-cases-", mappingFile = "synthetic-cases-mapping.yaml"
    /// In a folder of its own (owner-only), not beside DIR/piloteval.db: the key and the
    /// database together give back the identity numbers (docs/cases.md, "Key files").
    static let keyFolder = "key", keyFile = "key/vallingbyteamet.key"
    /// Where demos before the key had a folder of its own kept it.
    static let oldKeyFile = "vallingbyteamet.key"

    struct Comparison {
        var outcome: String
        var design: CohortComparison.Design
    }

    static let comparisons = [
        Comparison(outcome: "days_to_assessment", design: .unadjusted),
        Comparison(outcome: "investigation_days", design: .unadjusted),
        Comparison(outcome: "investigation_within_4m", design: .unadjusted),
        Comparison(outcome: "investigation_within_4m", design: .did),
        Comparison(outcome: "re_referral_12m", design: .unadjusted),
        Comparison(outcome: "distinct_caseworkers", design: .unadjusted),
    ]

    static func run(_ demo: DemoRun) throws -> [String] {
        let dir = (demo.sources.datasets as NSString).appendingPathComponent(folder)
        let extracts = try DemoSources.files(in: demo.sources.datasets, folder, suffix: ".csv", prefix: extractPrefix)
        guard !extracts.isEmpty else { return ["Pilot vs line: no case extract (\(extractPrefix)*.csv) in \(dir)"] }
        demo.progress("importing \(extracts.count) case extract(s) and comparing pilot vs line on \(comparisons.count) outcomes")
        do {
            let key = try pseudonymKey(demo)
            let resolved = try ModelCatalog(demo.database).resolve(model)
            let mapping = try CaseMapping.read(path: (dir as NSString).appendingPathComponent(mappingFile))
            for path in extracts {
                do {
                    _ = try CaseImporter(demo.database).run(CaseImportRequest(
                        path: path, model: resolved, mapping: mapping, key: key, today: CasesImport.today()))
                } catch ImportLogError.alreadyImported(let earlier) {
                    demo.progress("\(path) is already import \(earlier.id) of this database; using it")
                }
            }
            let dataset = try CaseDataset.load(database: demo.database, modelID: model)
            var results: [(Comparison, CohortComparisonResult)] = []
            for c in comparisons {
                let result = try CohortComparison.run(dataset, outcome: c.outcome,
                                                      options: .init(design: c.design, byGender: c.design == .unadjusted))
                let json = try ResultOutput.json(result)
                try demo.write(json, to: "cases/\(c.outcome)-\(c.design.rawValue).json")
                results.append((c, result))
            }
            demo.place("cases/<outcome>-<design>.json",
                       "pilot vs line on the synthetic extract (planted effects): "
                       + Set(comparisons.map(\.outcome)).sorted().joined(separator: ", "))
            demo.place(keyFile, "the pseudonymisation key the extract was imported with (owner-only; keep it apart from the database)")
            return [finding(results)]
        } catch let e as CaseImportError { throw Failure(e.description) }
        catch let e as CohortComparisonError { throw Failure(e.message) }
        catch let e as PseudonymKeyError { throw Failure(e.description) }
        catch let e as CatalogError { throw Failure(e.description) }
        catch let e as CSVError { throw Failure(e.description) }
        catch let e as ValidationFailure {
            e.diagnostics.forEach { Console.error($0.description) }
            throw Failure("the shipped case mapping does not validate")
        }
    }

    /// The key in DIR/key/: made on the first run, reused after (a key file is never
    /// overwritten, and reusing it keeps pseudonyms stable across runs).
    static func pseudonymKey(_ demo: DemoRun) throws -> PseudonymKey {
        let fm = FileManager.default
        let folder = demo.out.appendingPathComponent(keyFolder).path
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure("cannot create \(folder): \(error.localizedDescription)")
        }
        let path = demo.out.appendingPathComponent(keyFile).path
        let old = demo.out.appendingPathComponent(oldKeyFile).path
        if !fm.fileExists(atPath: path) && fm.fileExists(atPath: old) {
            try? fm.moveItem(atPath: old, toPath: path)   // the same key, now apart from the database
        }
        if fm.fileExists(atPath: path) { return try PseudonymKey.read(path: path) }
        let key = PseudonymKey.generate()
        try key.write(to: path)
        return key
    }

    /// One line: each comparison's headline (pilot − line, 95 % CI in brackets).
    static func finding(_ results: [(Comparison, CohortComparisonResult)]) -> String {
        let parts = results.compactMap { c, result in DemoCaseFigures.headline(result, outcome: c.outcome, design: c.design) }
        return "Pilot − line (synthetic cases, planted effects): " + parts.joined(separator: "; ")
    }
}
