import Evaluation
import LogicModel

/// What each design of a pilot-vs-line comparison is called and does, in one line, in
/// the reader's language: the blocks' headings and the web page's choice of design
/// use the same words.
public enum CohortDesignText {
    /// The design's name: "Skillnad-i-skillnader".
    public static func name(_ design: CohortComparison.Design, _ language: Language) -> String {
        let sv = language == .sv
        switch design {
        case .unadjusted: return sv ? "Ojusterad jämförelse" : "Unadjusted comparison"
        case .adjusted: return sv ? "Justerad jämförelse (viktning)" : "Adjusted comparison (weighting)"
        case .did: return sv ? "Skillnad-i-skillnader" : "Difference-in-differences"
        case .permutation: return sv ? "Piloten bland alla team" : "The pilot among all teams"
        }
    }

    /// One sentence on what the design does.
    public static func explanation(_ design: CohortComparison.Design, _ language: Language) -> String {
        let sv = language == .sv
        switch design {
        case .unadjusted:
            return sv ? "Pilotens och linjens ärenden jämförs direkt, som om ärendena vore oberoende av varandra."
                : "The pilot's and the line's cases are compared directly, as if the cases were independent."
        case .adjusted:
            return sv ? "Linjens ärenden viktas så att de liknar pilotens i ålder, kön och aktualiseringsorsak."
                : "The line's cases are weighted to resemble the pilot's in age, gender and referral reason."
        case .did:
            return sv ? "Pilotens område före och efter starten jämförs med hur linjens områden förändrades under samma tid."
                : "The pilot's area before and after the start is compared with how the line's areas changed over the same time."
        case .permutation:
            return sv ? "Piloten rangordnas bland alla team, vilket tar hänsyn till att piloten är ett enda team."
                : "The pilot is ranked among all teams, which respects that the pilot is a single team."
        }
    }

    /// How firm a conclusion the design allows, in words (DESIGN §7: every comparison
    /// says its design strength).
    public static func strength(_ design: CohortComparison.Design, _ language: Language) -> String {
        let sv = language == .sv
        switch design {
        case .unadjusted:
            return sv ? "Svag design: skillnader i vilka ärenden piloten fick och skillnader mellan team blandas med arbetssättets effekt."
                : "Weak design: differences in the cases the pilot received and between teams mix with the effect of the way of working."
        case .adjusted:
            return sv ? "Svag till måttlig design: tar hänsyn till ålder, kön och aktualiseringsorsak, men inte till det som inte registreras eller till att piloten är ett enda team."
                : "Weak to moderate design: allows for age, gender and referral reason, but not for what is not recorded nor for the pilot being a single team."
        case .did:
            return sv ? "Måttlig design: tar hänsyn till skillnader mellan områden som är stabila över tid, om områdena hade följt samma trend utan piloten."
                : "Moderate design: allows for differences between areas that are stable over time, if the areas would have followed the same trend without the pilot."
        case .permutation:
            return sv ? "Måttlig design: respekterar att piloten är ett enda team, men med få team kan den aldrig ge ett säkert svar."
                : "Moderate design: respects that the pilot is a single team, but with few teams it can never give a firm answer."
        }
    }
}
