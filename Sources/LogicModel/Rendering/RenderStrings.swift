/// The words the model renderers print, per report language. Swedish words follow
/// the city's plans (mål, effekter, prestationer, aktiviteter, resurser).
struct RenderStrings: Sendable {
    let goals, outcomes, outputs, activities, inputs, assumptions, indicators: String
    let short, intermediate, long: String
    let level, narrative, meansOfVerification, targets, cityTargets, baseline, unit, direction, measures, frequency: String
    let owner, period, source, cohorts, pilot, comparison, illustrative, critical, assessment, contributesTo, leadsTo, supports, on: String
    let logframeTitle, chain: String

    static func `for`(_ language: Language) -> RenderStrings { language == .sv ? .sv : .en }

    static let sv = RenderStrings(
        goals: "Mål", outcomes: "Effekter", outputs: "Prestationer", activities: "Aktiviteter",
        inputs: "Resurser", assumptions: "Antaganden", indicators: "Indikatorer",
        short: "kort sikt", intermediate: "medellång sikt", long: "lång sikt",
        level: "Nivå", narrative: "Beskrivning", meansOfVerification: "Mätmetod (verifieringskälla)",
        targets: "Årsmål (enheten)", cityTargets: "KF:s årsmål", baseline: "Utgångsvärde", unit: "Enhet",
        direction: "Önskad riktning", measures: "Mäter", frequency: "Frekvens",
        owner: "Ägare", period: "Period", source: "Källa", cohorts: "Grupper", pilot: "pilot",
        comparison: "jämförelse", illustrative: "förslag, illustrativt", critical: "kritiskt",
        assessment: "Bedömning", contributesTo: "bidrar till", leadsTo: "leder till", supports: "stödjer", on: "gäller",
        logframeTitle: "Logisk ram (logframe)", chain: "Förändringskedjan")

    static let en = RenderStrings(
        goals: "Goals", outcomes: "Outcomes", outputs: "Outputs", activities: "Activities",
        inputs: "Inputs", assumptions: "Assumptions", indicators: "Indicators",
        short: "short term", intermediate: "intermediate term", long: "long term",
        level: "Level", narrative: "Narrative summary", meansOfVerification: "Means of verification",
        targets: "Unit targets", cityTargets: "City targets", baseline: "Baseline", unit: "Unit",
        direction: "Direction", measures: "Measures", frequency: "Frequency",
        owner: "Owner", period: "Period", source: "Source", cohorts: "Cohorts", pilot: "pilot",
        comparison: "comparison", illustrative: "proposal, illustrative", critical: "critical",
        assessment: "Assessment", contributesTo: "contributes to", leadsTo: "leads to", supports: "supports", on: "on",
        logframeTitle: "Logical framework (logframe)", chain: "The chain")

    func term(_ t: OutcomeTerm) -> String {
        switch t {
        case .short: short
        case .intermediate: intermediate
        case .long: long
        }
    }
}
