/// A list in running text: "a", "a och b", "a, b och c" — no comma before the last, as
/// Swedish writes it and the reports' English follows. The one joiner of names and
/// phrases in every part's words (it stood six times, each with its own "och").
public enum ListWords {
    public static func joined(_ items: [String], and: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
    }
}
