import Evaluation
import Store

/// The cases of a model as cohort comparisons see them: the latest snapshot of every
/// case, derived measures censored at the latest extract date.
func loadCaseDataset(database: DatabaseOptions, modelID: String) throws -> CaseDataset {
    let db = try openDatabase(database, readOnly: !ModelCatalog.isPath(modelID))
    do {
        return try CaseDataset.load(database: db, modelID: modelID)
    } catch let e as CaseImportError {
        throw Failure(e.description)
    } catch let e as CatalogError {
        throw Failure(e.description)
    }
}
