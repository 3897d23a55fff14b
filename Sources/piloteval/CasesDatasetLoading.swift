import Evaluation

/// The cases of a model as cohort comparisons see them. Placeholder until the case
/// import lands: the lead replaces this body with `CaseDataset.load(database:modelID:)`
/// on the database named by `database.path` at merge.
func loadCaseDataset(database: DatabaseOptions, modelID: String) throws -> CaseDataset {
    throw Failure("case import not available")
}
