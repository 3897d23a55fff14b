import ArgumentParser

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Check, store and show logic models (piloteval/logic-model/v1).",
        discussion: """
        A logic model describes a pilot: activities → outputs → outcomes → goals, with
        indicators and targets. The format is in docs/logic-model-format.md.

          piloteval model validate Models/*.yaml
          piloteval model add Models/vallingbyteamet.yaml
          piloteval model list
          piloteval model show vallingbyteamet --format logframe
        """,
        subcommands: [ModelValidate.self, ModelAdd.self, ModelList.self, ModelShow.self, ModelDiff.self]
    )
}
