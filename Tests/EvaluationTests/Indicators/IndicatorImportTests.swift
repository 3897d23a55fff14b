import Foundation
import Testing
@testable import Evaluation
import LogicModel
import Store

/// The importer on a real SQLite file: one transaction, duplicates refused, undo,
/// model versions.
@Suite struct IndicatorImportTests {
    static let v1 = """
        schema: piloteval/logic-model/v1
        id: versions
        name: Versions
        goals: [{id: G1, title: Goal}]
        outcomes: [{id: O1, title: Outcome, contributes_to: [G1]}]
        indicators:
          - {id: I1, title: Kvar, measures: O1, unit: count, direction: increase, targets: [{period: "2022", rule: ">= 5"}]}
          - {id: I2, title: Borttagen indikator, measures: O1, unit: percent, direction: increase}
        """

    func store(_ yaml: String, in db: Database, dir: URL, name: String) throws -> VersionedModel {
        let path = dir.appendingPathComponent(name).path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ModelCatalog(db).resolveVersioned(path)
    }

    func reader(_ csv: String, _ name: String = "obs.csv") throws -> CSVReader {
        try CSVReader(data: Data(csv.utf8), name: name)
    }

    @Test func importStoresRowsAndWarningsOnceAndUndoRemovesThem() throws {
        let (db, dir) = try IndicatorFixtures.tempDatabase()
        let model = try store(Self.v1, in: db, dir: dir, name: "m.yaml")
        let csv = "indicator,period,group,value\nI1,2022,total,6\nI1,2022,girls,2\nI1,2022,boys,3\nI2,2022,total,101\n"
        let summary = try IndicatorImporter(db).importFile(try reader(csv), model: model)
        #expect(summary.rows == 4)
        #expect(summary.warnings.map(\.kind) == [.percentOutOfRange, .partsDoNotSumToTotal])
        let data = try IndicatorData.load(db, modelID: "versions")
        #expect(data.observations.count == 4)
        #expect(data.observations.allSatisfy { $0.importID == summary.record.id && $0.modelVersion == 1 })
        #expect(data.warnings.count == 2)
        // The same bytes again, under another name: refused, nothing written.
        #expect(throws: ImportLogError.self) { try IndicatorImporter(db).importFile(try reader(csv, "copy.csv"), model: model) }
        #expect(try ObservationStore(db).observations(modelID: "versions").count == 4)
        // Undo removes rows and warnings through the cascade.
        let undone = try ImportLog(db).undo(summary.record.id)
        #expect(undone.deletedRows == ["indicator_observations": 4, "indicator_observation_warnings": 2])
        #expect(try IndicatorData.load(db, modelID: "versions").observations.isEmpty)
        // …after which the file may be imported again.
        #expect(try IndicatorImporter(db).importFile(try reader(csv), model: model).rows == 4)
    }

    @Test func aFileWithErrorsImportsNothing() throws {
        let (db, dir) = try IndicatorFixtures.tempDatabase()
        let model = try store(Self.v1, in: db, dir: dir, name: "m.yaml")
        let csv = "indicator,period,value\nI1,2022,6\nI9,2022,1\nI1,2022-T9,1\n"
        do {
            _ = try IndicatorImporter(db).importFile(try reader(csv, "bad.csv"), model: model)
            Issue.record("expected an error")
        } catch let e as ObservationFileError {
            // The file is read before the model check, so the period error (line 4) comes first.
            #expect(e.errors.map(\.description) == [
                "bad.csv:4: column period: \"2022-T9\" is not a period (tertials are numbered 1–3); write 2021, 2021-T1, 2021-Q1 or 2021-03"])
        }
        do {
            _ = try IndicatorImporter(db).importFile(try reader("indicator,period,value\nI1,2022,6\nI9,2022,1\n", "bad.csv"), model: model)
            Issue.record("expected an error")
        } catch let e as ObservationFileError {
            #expect(e.errors.map(\.line) == [3])
            #expect(e.errors[0].description.hasPrefix("bad.csv:3: indicator \"I9\" is not in model versions"))
        }
        #expect(try ImportLog(db).list().isEmpty)
        #expect(try db.scalar("SELECT count(*) FROM indicator_observations").int == 0)
    }

    @Test func aLaterImportSupersedesAndAnIndicatorRemovedLaterIsReported() throws {
        let (db, dir) = try IndicatorFixtures.tempDatabase()
        let v1 = try store(Self.v1, in: db, dir: dir, name: "m.yaml")
        _ = try IndicatorImporter(db).importFile(try reader("indicator,period,value\nI1,2022,4\nI2,2021,40\n"), model: v1)
        // Version 2 drops I2; a corrected I1 arrives.
        let v2text = Self.v1.replacingOccurrences(of: "\n  - {id: I2, title: Borttagen indikator, measures: O1, unit: percent, direction: increase}", with: "")
        let v2 = try store(v2text, in: db, dir: dir, name: "m.yaml")
        #expect(v2.version == 2)
        _ = try IndicatorImporter(db).importFile(try reader("indicator,period,value\nI1,2022,7\n", "fix.csv"), model: v2)

        let data = try IndicatorData.load(db, modelID: "versions")
        let report = try #require(IndicatorStatusAnalysis.compute(
            model: v2.model, modelVersion: v2.version, observations: data.observations,
            warnings: data.warnings, earlierVersions: data.versions))
        #expect(report.row("I1")?.value.value == 7)
        #expect(report.row("I1")?.status == .met)
        #expect(report.row("I1")?.sourceImport == 2)
        #expect(report.removedIndicators.map(\.id) == ["I2"])
        #expect(report.removedIndicators.first?.title == "Borttagen indikator")
        #expect(report.removedIndicators.first?.lastModelVersion == 1)
        #expect(report.removedIndicators.first?.periods.map(\.text) == ["2021"])
        // Undoing the correction brings the first figure back.
        try ImportLog(db).undo(2)
        let back = try IndicatorData.load(db, modelID: "versions")
        #expect(IndicatorStatusAnalysis.compute(model: v2.model, modelVersion: 2, observations: back.observations)?.row("I1")?.value.value == 4)
    }

    /// An indicator judged in words is recorded by a note alone ("intervjuer
    /// genomförda"): not assessed, with the note; any other indicator's note-only row is
    /// refused at its line.
    @Test func aQualitativeIndicatorsObservationCanBeANoteAlone() throws {
        let (db, dir) = try IndicatorFixtures.tempDatabase()
        let model = try store("""
            schema: piloteval/logic-model/v1
            id: words
            name: Words
            goals: [{id: G1, title: Goal}]
            outcomes: [{id: O1, title: Outcome, contributes_to: [G1]}]
            indicators:
              - {id: I1, title: Antal, measures: O1, unit: count, direction: increase, targets: [{period: "2023", rule: ">= 5"}]}
              - {id: I5, title: Dialog med brukare, measures: O1, unit: count, direction: none, targets: [{period: "2023", rule: qualitative}]}
            """, in: db, dir: dir, name: "w.yaml")
        let refused = "indicator,period,group,value,numerator,denominator,note\nI1,2023,total,,,,samtal förda\n"
        do {
            _ = try IndicatorImporter(db).importFile(try reader(refused), model: model)
            Issue.record("a note alone was accepted for a measured indicator")
        } catch let e as ObservationFileError {
            #expect(e.errors.map(\.line) == [2])
            #expect(e.description.contains("judged in words"))
        }
        let csv = "indicator,period,group,value,numerator,denominator,note\nI5,2023,total,,,,intervjuer genomförda\nI1,2023,total,6,,,\n"
        let summary = try IndicatorImporter(db).importFile(try reader(csv), model: model)
        #expect(summary.rows == 2)
        let data = try IndicatorData.load(db, modelID: "words")
        let report = try #require(IndicatorStatusAnalysis.compute(model: model.model, modelVersion: model.version,
                                                                  observations: data.observations))
        let i5 = try #require(report.indicators.first { $0.id == "I5" })
        #expect(i5.status == .notAssessed)
        #expect(i5.value.value == nil && i5.value.note == "judged in words: intervjuer genomförda")
        #expect(i5.statusNote?.contains("recorded: intervjuer genomförda") == true)
        #expect(report.indicators.first { $0.id == "I1" }?.status == .met)
    }
}
