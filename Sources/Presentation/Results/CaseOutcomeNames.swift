import LogicModel

/// The human names of the derived case outcomes (DESIGN §3.3), in both languages, and
/// which way is better; for a duration, also its name as the share within its limit
/// that reports show (`shareSv`, `shareEn`: "Andel utredningar klara inom 122 dagar
/// (Kaplan–Meier)": the estimator in the name tells it from its 0/1 twin "Utredning klar
/// inom 4 månader", a plain share of the cases past their deadline, in the final report's
/// table where both stand; the brief shows only the twin). Reports' strings table (`cohort.outcome.*`) takes its defaults
/// from here, so a report, the web page and the blocks of a cohort comparison call an
/// outcome the same thing ("Dagar till beslut om förhandsbedömning", not
/// `days_to_assessment`).
public enum CaseOutcomeNames {
    /// Which way a pilot − line difference is better, as the comparison states it: for
    /// durations with a limit, the difference is of the share within the limit, so a
    /// higher value is better.
    public enum Direction: Sendable, Equatable {
        case higherIsBetter, lowerIsBetter
    }

    public struct Entry: Sendable {
        public let key: String
        public let sv: String
        public let en: String
        public let direction: Direction?
        /// A duration's name where its figure is the share within its limit ({days}), as
        /// reports show it: "Utredningstid (dagar)" beside "81,4 %" says days where the
        /// figure is a share.
        public var shareSv: String? = nil
        public var shareEn: String? = nil
    }

    /// The derived measures in DESIGN §3.3's order.
    public static let derived: [Entry] = [
        Entry(key: "days_to_assessment", sv: "Dagar till beslut om förhandsbedömning",
              en: "Days to the initial assessment decision", direction: .higherIsBetter,
              shareSv: "Andel beslut om förhandsbedömning inom {days} dagar (Kaplan–Meier)",
              shareEn: "Share of initial assessment decisions within {days} days (Kaplan–Meier)"),
        Entry(key: "assessment_within_14d", sv: "Förhandsbedömning inom 14 dagar",
              en: "Initial assessment within 14 days", direction: .higherIsBetter),
        Entry(key: "investigation_days", sv: "Utredningstid (dagar)",
              en: "Investigation length (days)", direction: .higherIsBetter,
              shareSv: "Andel utredningar klara inom {days} dagar (Kaplan–Meier)",
              shareEn: "Share of investigations completed within {days} days (Kaplan–Meier)"),
        Entry(key: "investigation_within_4m", sv: "Utredning klar inom 4 månader",
              en: "Investigation completed within 4 months", direction: .higherIsBetter),
        Entry(key: "re_referral_12m", sv: "Ny aktualisering inom 12 månader",
              en: "Re-referral within 12 months", direction: .lowerIsBetter),
        Entry(key: "distinct_caseworkers", sv: "Antal handläggare per ärende",
              en: "Caseworkers per case", direction: .lowerIsBetter),
        // More investigations per child may mean repeated failure or needs being met:
        // no direction is claimed.
        Entry(key: "investigations_per_child", sv: "Utredningar per barn",
              en: "Investigations per child", direction: nil),
    ]

    /// The outcome's human name, nil for an outcome that is not a derived measure (a
    /// column of the extract, whose own name is the only one it has).
    public static func name(_ key: String, _ language: Language) -> String? {
        guard let e = derived.first(where: { $0.key == key }) else { return nil }
        return language == .sv ? e.sv : e.en
    }

    /// The name, or the key itself for an outcome that is not a derived measure.
    public static func displayName(_ key: String, _ language: Language) -> String {
        name(key, language) ?? key
    }

    /// Which way the comparison's difference is better, when known.
    public static func direction(_ key: String) -> Direction? {
        derived.first(where: { $0.key == key })?.direction
    }

    /// The outcomes some case of `keys` carries, in DESIGN §3.3's order first (with
    /// their names), then any other outcome column by key, for a choice of outcome.
    public static func available(_ keys: Set<String>, _ language: Language) -> [(key: String, name: String)] {
        let known = derived.filter { keys.contains($0.key) }.map { (key: $0.key, name: language == .sv ? $0.sv : $0.en) }
        let others = keys.subtracting(derived.map(\.key)).sorted().map { (key: $0, name: $0) }
        return known + others
    }

    /// The default strings of reports (`cohort.outcome.<key>`).
    static func reportEntry(_ key: String, _ language: Language) -> (String, String) {
        ("cohort.outcome.\(key)", name(key, language) ?? key)
    }
}

extension CaseOutcomeNames {
    /// `("cohort.outcome.<key>", name)` for every derived measure, in order, then
    /// `("cohort.share.<key>", name)` for every duration's share within its limit:
    /// Reports' string tables splice these in, so the names live in one place. (Not
    /// `cohort.outcome.<key>.share`: every `cohort.outcome.` key names a measure by its
    /// key, `LogicModelText.document`.)
    public static func reportStrings(_ language: Language) -> [(String, String)] {
        derived.map { reportEntry($0.key, language) }
            + derived.compactMap { e in (language == .sv ? e.shareSv : e.shareEn).map { ("cohort.share.\(e.key)", $0) } }
    }
}
