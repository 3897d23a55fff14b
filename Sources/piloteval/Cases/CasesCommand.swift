import ArgumentParser

struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Case extracts: import them (pseudonymising identity numbers) and compare pilot with line.",
        discussion: """
        A case extract is one row per case (ärende) from the case-management system
        (docs/cases.md). Import each tertial's extract; a later one supersedes earlier
        rows with the same case_id, and `piloteval imports undo ID` takes it back.

          piloteval key create ~/secure/vallingby.key
          piloteval cases import utdrag-2022-T3.csv --model vallingbyteamet \\
              --key-file ~/secure/vallingby.key
          piloteval cases compare --model vallingbyteamet \\
              --outcome investigation_within_4m --design did
        """,
        subcommands: [CasesImport.self, CasesCompare.self, CasesPurge.self]
    )
}
