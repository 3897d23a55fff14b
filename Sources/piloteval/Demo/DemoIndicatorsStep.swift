import Evaluation
import Foundation
import LogicModel
import Periods
import Store

/// Step 2: the seed units' reported indicator values imported for their models, and
/// each model's status and trend written as table, JSON and CSV.
enum DemoIndicatorsStep {
    /// Observation files are named for the model they belong to
    /// (Datasets/seeds-observations/<model id>.csv); others there are not observations.
    static let folder = "seeds-observations"

    static func run(_ demo: DemoRun) throws -> [String] {
        let catalog = ModelCatalog(demo.database)
        let known = Set(try catalog.list().map(\.id))
        let files = try DemoSources.files(in: demo.sources.datasets, folder, suffix: ".csv")
            .filter { known.contains(modelID(of: $0)) }
        demo.progress("importing indicator observations for \(files.count) models")
        var lines: [String] = []
        for path in files {
            let id = modelID(of: path)
            let versioned = try catalog.resolveVersioned(id)
            try importOnce(demo, path: path, model: versioned)
            let data = try IndicatorData.load(demo.database, modelID: id)
            guard let status = IndicatorStatusAnalysis.compute(
                model: versioned.model, modelVersion: versioned.version, observations: data.observations,
                warnings: data.warnings, period: fullestPeriod(data.observations), earlierVersions: data.versions)
            else { continue }
            try demo.write(IndicatorRendering.statusTable(status), to: "indicators/\(id)-status.txt")
            try demo.write(try ResultOutput.json(status), to: "indicators/\(id)-status.json")
            try demo.write(IndicatorRendering.statusCSV(status), to: "indicators/\(id)-status.csv")
            let trend = IndicatorTrendAnalysis.compute(
                model: versioned.model, modelVersion: versioned.version, observations: data.observations,
                indicator: nil, earlierVersions: data.versions)
            try demo.write(IndicatorRendering.trendTable(trend), to: "indicators/\(id)-trend.txt")
            try demo.write(try ResultOutput.json(trend), to: "indicators/\(id)-trend.json")
            try demo.write(IndicatorRendering.trendCSV(trend), to: "indicators/\(id)-trend.csv")
            lines.append(finding(status))
        }
        if !files.isEmpty {
            demo.place("indicators/<model>-{status,trend}.{txt,json,csv}",
                       "indicator status (the period with most values) and trend: " + files.map(modelID).joined(separator: ", "))
        }
        return lines
    }

    /// The period with the most indicators reported (the latest of equals). The seed
    /// plans report a whole year and then a tertial or two of the next: `indicators
    /// status`'s default, the latest period, would show the few values of that tertial.
    static func fullestPeriod(_ observations: [Observation]) -> Period? {
        var indicators: [Period: Set<String>] = [:]
        for o in observations where o.group == "total" && o.value != nil { indicators[o.period, default: []].insert(o.indicator) }
        return indicators.max { ($0.value.count, $0.key) < ($1.value.count, $1.key) }?.key
    }

    static func modelID(of path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Imports the file unless this database already holds it (a demo run into a
    /// database named with --db): the stored copy is then used as it is.
    static func importOnce(_ demo: DemoRun, path: String, model: VersionedModel) throws {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch let e as CSVError { throw Failure(e.description) }
        do {
            _ = try IndicatorImporter(demo.database).importFile(reader, model: model)
        } catch ImportLogError.alreadyImported(let earlier) {
            demo.progress("\(path) is already import \(earlier.id) of this database; using it")
        } catch let e as ObservationFileError {
            e.errors.prefix(20).forEach { Console.error("error: " + $0.description) }
            throw Failure("shipped observations \(path) have \(e.errors.count) error(s)")
        }
    }

    /// "familjeenheten-2022, 2022: 2 of 14 indicators met their target, 5 not met, 7 not
    /// assessable; 1 goal's computed assessment differs from the unit's own".
    static func finding(_ s: IndicatorStatusReport) -> String {
        let count = { (status: TargetStatus) in s.indicators.filter { $0.status == status }.count }
        let notAssessable = s.indicators.count - count(.met) - count(.notMet)
        let differing = s.goals.filter { $0.differs == true }.count
        var line = "Indicators \(s.model), \(s.period): \(count(.met)) of \(s.indicators.count) met their target, "
            + "\(count(.notMet)) not met, \(notAssessable) not assessable"
        if differing > 0 {
            line += "; \(differing) goal\(differing == 1 ? "'s" : "s'") computed assessment differs from the unit's own"
        }
        return line
    }
}
