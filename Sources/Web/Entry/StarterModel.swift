import Foundation
import LogicModel
import Periods

/// A new pilot's first logic model (issue 23): the smallest model that shows the chain —
/// one goal, an outcome, an output, an activity and an indicator, each a placeholder to
/// rewrite in the editor — with the id, name and period the person gives. Written as
/// the model file, every text a JSON-quoted scalar (`YAMLScalar.quoted`), and checked by
/// `model add`'s decoder like any model; each field the person typed is on its own line.
enum StarterModel {
    static let fields = ["id", "name", "start", "end"]

    static func file(_ values: [String: String], language: Language) -> (text: String, lines: [Int: String]) {
        let q = YAMLScalar.quoted
        let sv = language == .sv
        func value(_ f: String) -> String { (values[f] ?? "").trimmingCharacters(in: .whitespaces) }
        func date(_ f: String) -> String { PDSAForm.isDate(value(f)) ? value(f) : q(value(f)) }
        let t = { (svText: String, enText: String) in q(sv ? svText : enText) }
        let text = """
            schema: piloteval/logic-model/v1
            id: \(q(value("id")))
            name: \(q(value("name")))
            language: \(language.rawValue)
            period:
              start: \(date("start"))
              end: \(date("end"))
            goals:
              - id: G1
                title: \(t("Målet som piloten ska bidra till (skriv om)", "The goal the pilot contributes to (rewrite)"))
            outcomes:
              - id: O1
                title: \(t("En förändring för barn och familjer (skriv om)", "A change for children and families (rewrite)"))
                term: short
                contributes_to: [G1]
            outputs:
              - id: P1
                title: \(t("Det arbetet ger, till exempel antal samtal (skriv om)", "What the work delivers, e.g. conversations held (rewrite)"))
                leads_to: [O1]
            activities:
              - id: A1
                title: \(t("Det teamet gör annorlunda (skriv om)", "What the team does differently (rewrite)"))
                leads_to: [P1]
            indicators:
              - id: I1
                title: \(t("Hur förändringen mäts (skriv om)", "How the change is measured (rewrite)"))
                measures: O1
                unit: percent
                direction: increase
                frequency: tertial

            """
        // The lines the person's fields are on (1-based).
        return (text, [2: "id", 3: "name", 6: "start", 7: "end"])
    }
}
