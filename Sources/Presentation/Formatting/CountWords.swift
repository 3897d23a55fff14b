import LogicModel

/// A small count of things (units, measures; never persons, whose counts disclosure
/// control decides) in words, as prose writes it: "två av måtten", "i en enhet".
/// Figures above ten.
enum CountWords {
    /// - Parameter neuter: Swedish "ett" (ett mått) rather than "en" (en enhet).
    static func word(_ n: Int, _ language: Language, neuter: Bool = false) -> String {
        let words = language == .sv
            ? [neuter ? "inget" : "ingen", neuter ? "ett" : "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"]
            : ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return words.indices.contains(n) ? words[n] : String(n)
    }
}
