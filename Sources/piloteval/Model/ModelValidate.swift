import ArgumentParser
import LogicModel

struct ModelValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check logic-model files; exit 1 if any has an error.",
        discussion: """
        Prints every error and warning as file:line:column: severity: [id] message
        on stderr, and one summary line per file on stdout.

          piloteval model validate Models/vallingbyteamet.yaml
          piloteval model validate Models/*.yaml
        """
    )

    @Argument(help: "Logic-model YAML files.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            let result = LogicModelDecoder.read(path: file)
            for d in result.diagnostics { Console.error(d.description) }
            let errors = result.errors.count, warnings = result.warnings.count
            if errors > 0 || result.model == nil {
                failed = true
                print("\(file): \(max(errors, 1)) error(s), \(warnings) warning(s)")
            } else if let m = result.model {
                print("\(file): ok — \(m.id): \(m.goals.count) goals, \(m.outcomes.count) outcomes, \(m.outputs.count) outputs, \(m.activities.count) activities, \(m.indicators.count) indicators; \(warnings) warning(s)")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
