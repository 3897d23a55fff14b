import ArgumentParser
import Evaluation
import LogicModel
import Statistics

struct ModelValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check logic-model files; exit 1 if any has an error.",
        discussion: """
        Prints every error and warning as file:line:column: severity: [id] message
        on stderr, and one summary line per file on stdout (with --format json, one
        object per file with its counts and diagnostics).

          piloteval model validate Models/vallingbyteamet.yaml
          piloteval model validate Models/*.yaml
          piloteval model validate Models/*.yaml --format json
        """
    )

    @Argument(help: "Logic-model YAML files.")
    var files: [String]

    @Option(help: "table or json.") var format: ResultFormat = .table

    func run() throws {
        var failed = false
        var listings: [ValidationListing] = []
        for file in files {
            let result = LogicModelDecoder.read(path: file)
            for d in result.diagnostics { Console.error(d.description) }
            let errors = result.errors.count, warnings = result.warnings.count
            let valid = errors == 0 && result.model != nil
            if !valid { failed = true }
            listings.append(ValidationListing(file: file, result: result))
            guard format == .table else { continue }
            if !valid {
                print("\(file): \(max(errors, 1)) error(s), \(warnings) warning(s)")
            } else if let m = result.model {
                print("\(file): ok — \(m.id): \(m.goals.count) goals, \(m.outcomes.count) outcomes, \(m.outputs.count) outputs, \(m.activities.count) activities, \(m.indicators.count) indicators; \(warnings) warning(s)")
            }
        }
        if format == .json { print(try ResultOutput.json(listings), terminator: "") }
        if failed { throw ExitCode(1) }
    }
}

/// The JSON of one validated file: whether it is valid, what the model holds, and
/// every diagnostic.
private struct ValidationListing: Encodable {
    struct Counts: Encodable { let goals, outcomes, outputs, activities, inputs, assumptions, indicators: Int }
    let file: String
    let valid: Bool
    let modelId: String?
    let counts: Counts?
    let errors: Int
    let warnings: Int
    let diagnostics: [DiagnosticListing]

    init(file: String, result: LogicModelDecoder.Result) {
        self.file = file
        valid = result.errors.isEmpty && result.model != nil
        modelId = result.model?.id
        counts = result.model.map {
            Counts(goals: $0.goals.count, outcomes: $0.outcomes.count, outputs: $0.outputs.count, activities: $0.activities.count,
                   inputs: $0.inputs.count, assumptions: $0.assumptions.count, indicators: $0.indicators.count)
        }
        // A file that could not be read at all has one error even if no diagnostic says so.
        errors = max(result.errors.count, result.model == nil ? 1 : 0)
        warnings = result.warnings.count
        diagnostics = result.diagnostics.map(DiagnosticListing.init)
    }

    /// `model_id` and `counts` are null, with a note, when the file did not read as a model.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: FigureKey.self)
        try c.encode(file, forKey: FigureKey("file"))
        try c.encode(valid, forKey: FigureKey("valid"))
        try c.encode(errors, forKey: FigureKey("errors"))
        try c.encode(warnings, forKey: FigureKey("warnings"))
        try c.encode(diagnostics, forKey: FigureKey("diagnostics"))
        if let modelId, let counts {
            try c.encode(modelId, forKey: FigureKey("model_id"))
            try c.encode(counts, forKey: FigureKey("counts"))
        } else {
            let why = "the file did not read as a logic model; see diagnostics"
            for key in ["model_id", "counts"] {
                try c.encodeNil(forKey: FigureKey(key))
                try c.encode(why, forKey: FigureKey(key + "_note"))
            }
        }
    }
}
