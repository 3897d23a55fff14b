import ArgumentParser
import Foundation
import Store

@main
struct PilotEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "piloteval",
        abstract: "Evaluate pilots in municipal social services: logic models, indicators, pilot vs line, readiness, run charts, reports.",
        discussion: """
        Start with the worked example:

          piloteval demo

        Then describe your own pilot in a logic model (docs/logic-model-format.md):

          piloteval model validate Models/vallingbyteamet.yaml
          piloteval model add Models/vallingbyteamet.yaml
          piloteval model show vallingbyteamet --format svg -o chain.svg

        Every command takes --db PATH (or the PILOTEVAL_DB environment variable);
        the default database is ./piloteval.db.
        """,
        version: "0.1.0",
        subcommands: [Demo.self, ModelCommand.self, Describe.self, Compare.self, ImportsCommand.self, MeasuresCommand.self, PDSACommand.self, RunChartCommand.self, IndicatorsCommand.self, ReadinessCommand.self, ReportCommand.self, ServeCommand.self, CasesCommand.self, KeyCommand.self, SynthCommand.self, UsersCommand.self, AuditCommand.self, BackupCommand.self]
    )

    /// argument-parser's `main`, with one change: whatever a failing command says on
    /// stderr passes through `IdentityNumberScanner.masking` first, so no message, from
    /// any module or library, can echo an identity number (docs/privacy.md).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = IdentityNumberScanner.masking(fullMessage(for: error))
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
