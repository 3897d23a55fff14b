import Foundation
import Statistics

/// Whether unit means describe the units, in plain words (docs/readiness.md, "Verdict").
///
/// Two questions, two conventional cut-offs (LeBreton & Senter 2008, "Answers to 20
/// questions about interrater reliability and interrater agreement"; Bliese 2000):
/// - within a unit, do members agree enough for the mean to stand for them?
///   r_wg(J) ≥ 0.70 in every shown unit;
/// - between units, do the means tell the units apart reliably? ICC(2) ≥ 0.70.
public struct ReadinessVerdict: Sendable, Equatable {
    public enum Code: String, Sendable, Codable {
        /// Members agree and the means differ reliably.
        case yes
        /// Members agree, but the units' means are not reliably different.
        case withinUnitsOnly = "within_units_only"
        /// Means differ reliably, but some units' members disagree.
        case betweenUnitsOnly = "between_units_only"
        case no
        case cannotAssess = "cannot_assess"
    }

    public var code: Code
    public var en: String
    public var sv: String

    public static let agreementCutoff = 0.70
    public static let reliabilityCutoff = 0.70

    /// LeBreton & Senter's (2008, table 3) reading of r_wg (0–.30 lack of agreement,
    /// .31–.50 weak, .51–.70 moderate, .71–.90 strong, .91–1 very strong), with the
    /// boundaries moved so that the 0.70 cut-off itself counts as strong.
    public static func agreementLevel(_ rwg: Double) -> String {
        switch rwg {
        case ..<0.30: return "none"
        case ..<0.50: return "weak"
        case ..<0.70: return "moderate"
        case ..<0.90: return "strong"
        default: return "very strong"
        }
    }

    static func agreementLevelSv(_ level: String) -> String {
        ["none": "ingen", "weak": "svag", "moderate": "måttlig", "strong": "stark", "very strong": "mycket stark"][level] ?? level
    }

    static func judge(icc2: Figure, icc1: Figure, agreements: [ReadinessUnitAgreement]) -> ReadinessVerdict {
        let shown = agreements.filter { $0.rwgJ.isDefined }
        guard let reliability = icc2.value, !shown.isEmpty else {
            let why = icc2.note ?? "no unit has enough respondents for agreement"
            return ReadinessVerdict(code: .cannotAssess,
                                    en: "Cannot assess whether unit means describe the units: \(why).",
                                    sv: "Det går inte att bedöma om enheternas medelvärden beskriver enheterna: \(why).")
        }
        let split = shown.filter { $0.rwgJ.value! < agreementCutoff }.map(\.unit)
        let agree = split.isEmpty
        let reliable = reliability >= reliabilityCutoff
        let r2 = format(reliability, sv: false), r2sv = format(reliability, sv: true)
        let i1 = icc1.value.map { " ICC(1) = \(format($0, sv: false)): \(String(format: "%.0f", max(0, $0) * 100))% of the variance in scores lies between units." } ?? ""
        let i1sv = icc1.value.map { " ICC(1) = \(format($0, sv: true)): \(String(format: "%.0f", max(0, $0) * 100))\u{00A0}% av variationen ligger mellan enheterna." } ?? ""
        let names = split.joined(separator: ", ")
        switch (agree, reliable) {
        case (true, true):
            return ReadinessVerdict(code: .yes,
                en: "Unit means describe the units: members agree within every unit (rWG(J) ≥ 0.70) and the means tell the units apart reliably (ICC(2) = \(r2) ≥ 0.70).\(i1)",
                sv: "Enheternas medelvärden beskriver enheterna: medarbetarna är överens inom varje enhet (rWG(J) ≥ 0,70) och medelvärdena skiljer enheterna åt på ett tillförlitligt sätt (ICC(2) = \(r2sv) ≥ 0,70).\(i1sv)")
        case (true, false):
            return ReadinessVerdict(code: .withinUnitsOnly,
                en: "Each unit's mean describes its members (they agree, rWG(J) ≥ 0.70), but the units differ too little for their means to be told apart reliably (ICC(2) = \(r2) < 0.70): do not rank units on these means.\(i1)",
                sv: "Varje enhets medelvärde beskriver dess medarbetare (de är överens, rWG(J) ≥ 0,70), men enheterna skiljer sig för lite för att medelvärdena ska kunna skilja dem åt (ICC(2) = \(r2sv) < 0,70): rangordna inte enheterna efter medelvärdena.\(i1sv)")
        case (false, true):
            return ReadinessVerdict(code: .betweenUnitsOnly,
                en: "The means tell the units apart reliably (ICC(2) = \(r2) ≥ 0.70), but members disagree within \(names) (rWG(J) < 0.70): there the mean hides a spread of views; read the answer distribution.\(i1)",
                sv: "Medelvärdena skiljer enheterna åt på ett tillförlitligt sätt (ICC(2) = \(r2sv) ≥ 0,70), men inom \(names) är medarbetarna oense (rWG(J) < 0,70): där döljer medelvärdet en spridning; läs svarsfördelningen.\(i1sv)")
        case (false, false):
            return ReadinessVerdict(code: .no,
                en: "Unit means do not describe the units well: members disagree within \(names) (rWG(J) < 0.70) and the means do not tell the units apart reliably (ICC(2) = \(r2) < 0.70). Read the distributions rather than the means.\(i1)",
                sv: "Enheternas medelvärden beskriver inte enheterna väl: inom \(names) är medarbetarna oense (rWG(J) < 0,70) och medelvärdena skiljer inte enheterna åt på ett tillförlitligt sätt (ICC(2) = \(r2sv) < 0,70). Läs svarsfördelningarna snarare än medelvärdena.\(i1sv)")
        }
    }

    static func format(_ x: Double, sv: Bool) -> String {
        let s = String(format: "%.2f", x)
        return sv ? s.replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "-", with: "−") : s
    }
}
