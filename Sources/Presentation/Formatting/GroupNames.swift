import LogicModel

/// A breakdown group's key (DESIGN §3.2: `girls`, `boys`, …) as a reader says it; a
/// group the model names itself (a district, an age band) is its own name.
public enum GroupNames {
    static let sv = ["girls": "flickor", "boys": "pojkar", "women": "kvinnor", "men": "män", "other": "annat"]

    public static func name(_ group: String, _ language: Language) -> String {
        language == .sv ? sv[group] ?? group : group
    }
}
