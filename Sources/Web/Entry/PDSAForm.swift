import Foundation
import LogicModel
import Periods

/// A PDSA cycle as a form (issue 23): the fields of `piloteval/pdsa/v1` (docs/pdsa.md)
/// as typed, written to the file format and read back by the same decoder as
/// `pdsa add`, so the form gets the file's checks and messages. Each field is on a line
/// of its own in the written file, so an error's line names its field.
struct PDSAForm: Sendable {
    static let fields = ["id", "title", "activity", "change_idea", "measure", "ramp", "previous", "question", "prediction",
                         "start", "end", "observations", "decision", "next"]
    /// The long texts, written in a text area.
    static let texts: Set<String> = ["change_idea", "prediction", "observations", "next"]

    var values: [String: String] = [:]

    subscript(field: String) -> String { values[field] ?? "" }

    init(values: [String: String] = [:]) {
        self.values = values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    init(_ cycle: PDSACycle) {
        values = ["id": cycle.id, "title": cycle.title, "activity": cycle.activity, "change_idea": cycle.changeIdea,
                  "measure": cycle.measure ?? "", "ramp": cycle.ramp ?? "", "previous": cycle.previous ?? "",
                  "question": cycle.question ?? "", "prediction": cycle.prediction, "start": cycle.start.iso,
                  "end": cycle.end?.iso ?? "", "observations": cycle.observations ?? "",
                  "decision": cycle.decision?.rawValue ?? "", "next": cycle.next ?? ""]
    }

    /// The cycle file, and per line the field written on it. `illustrative` is kept as it was.
    func file(model: String, illustrative: Bool) -> (text: String, lines: [Int: String]) {
        var text = "schema: \(PDSACycle.schemaID)\n"
        var lines: [Int: String] = [:]
        var line = 1
        func emit(_ key: String, indent: String = "", field: String? = nil, plain: Bool = false) {
            let value = field.map { self[$0] } ?? ""
            line += 1
            if let field { lines[line] = field }
            text += indent + key + ": " + (plain ? value : YAMLScalar.quoted(value)) + "\n"
        }
        func section(_ key: String) {
            line += 1
            text += key + ":\n"
        }
        emit("id", field: "id")
        emit("title", field: "title")
        line += 1
        text += "model: " + YAMLScalar.quoted(model) + "\n"
        emit("activity", field: "activity")
        emit("change_idea", field: "change_idea")
        for optional in ["measure", "ramp", "previous"] where !self[optional].isEmpty { emit(optional, field: optional) }
        section("plan")
        if !self["question"].isEmpty { emit("question", indent: "  ", field: "question") }
        emit("prediction", indent: "  ", field: "prediction")
        section("do")
        emit("start", indent: "  ", field: "start", plain: Self.isDate(self["start"]))
        if !self["end"].isEmpty { emit("end", indent: "  ", field: "end", plain: Self.isDate(self["end"])) }
        if !self["observations"].isEmpty {
            section("study")
            emit("observations", indent: "  ", field: "observations")
        }
        if !self["decision"].isEmpty || !self["next"].isEmpty {
            section("act")
            if !self["decision"].isEmpty { emit("decision", indent: "  ", field: "decision") }
            if !self["next"].isEmpty { emit("next", indent: "  ", field: "next") }
        }
        if illustrative { text += "illustrative: true\n" }
        return (text, lines)
    }

    /// YYYY-MM-DD, written plain so the decoder reads it as a date (anything else is
    /// quoted, and refused by the decoder as not a date, located to its field).
    static func isDate(_ text: String) -> Bool {
        let shape = text.count == 10 && text.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : c.isASCII && c.isNumber }
        return shape && CalendarDate(parsing: text) != nil
    }
}
