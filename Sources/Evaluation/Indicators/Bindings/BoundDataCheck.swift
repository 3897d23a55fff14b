import LogicModel
import Store

/// What `model add` warns about after storing a model (issue 21): a `data:` binding that
/// names data not loaded yet — an instrument that is not stored or has no wave, a
/// measure with no points, no case extract for the model. Not an error: the model is
/// often written before the data arrives, and the values appear once it is imported;
/// until then status and the reports say `no_data` with the reason.
public enum BoundDataCheck {
    /// One warning per bound indicator whose data is missing, located at the indicator
    /// (`locations`: the decoder's source map of node ids; the file's start without one).
    public static func warnings(_ database: Database, model: LogicModel, file: String,
                                locations: [String: SourceLocation] = [:]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var hasCases: Bool?
        var measures: Set<String>?
        for indicator in model.indicators {
            guard let binding = indicator.data else { continue }
            let missing: String?
            switch binding {
            case .readinessItem(let id, _), .readinessSubscale(let id, _):
                if ModelCatalog.isPath(id) || (try? InstrumentCatalog(database).resolve(id)) == nil {
                    missing = "the instrument \(id) is not stored yet (piloteval readiness import --instrument FILE stores it with a wave)"
                } else if (try? ReadinessRepository(database).waves(instrumentID: id).isEmpty) ?? true {
                    missing = "no wave of the instrument \(id) is imported yet (piloteval readiness import)"
                } else {
                    missing = nil
                }
            case .cases:
                if hasCases == nil {
                    hasCases = (try? database.query("""
                        SELECT 1 AS found FROM cases c JOIN case_imports ci ON ci.import_id = c.import_id
                        WHERE ci.model_id = ?1 LIMIT 1
                        """, model.id).isEmpty == false) ?? false
                }
                missing = hasCases! ? nil : "no case extract is imported for \(model.id) yet (piloteval cases import)"
            case .measure(let id):
                if measures == nil { measures = Set(((try? MeasureTable(database).list()) ?? []).filter { $0.points > 0 }.map(\.measure)) }
                missing = measures!.contains(id) ? nil : "the measure \(id) has no points yet (piloteval measures import)"
            }
            guard let missing else { continue }
            out.append(Diagnostic(.warning, at: locations[indicator.id] ?? SourceLocation(file: file, line: 1, column: 1),
                                  id: indicator.id,
                                  "data: {\(binding.text)}: \(missing); until then the indicator has no values (no_data)"))
        }
        return out
    }
}
