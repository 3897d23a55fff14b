/// The FoU final report (LUM) in the structure of seed 004: the Ekonomisk
/// redovisning, then sections 1–9 with the seed's headings; section 6 holds the
/// computed parts (logic model, indicators, pilot vs line, readiness, improvement
/// cycles) and 6.1, 6.2.
enum FinalReportPlan {
    static func sections() -> [SectionPlan] {
        [
            SectionPlan(key: "budget", titleKey: "final.budget", textRequired: false, textFirst: false,
                        slots: [.init(.budget)], pageBreakBefore: true),
            SectionPlan(key: "1", number: "1", titleKey: "final.1", textFirst: false, hintKey: "final.1.hint",
                        slots: [.init(.finalVerdict, compiled: true), .init(.finalSummary, compiled: true)], pageBreakBefore: true),
            SectionPlan(key: "2", number: "2", titleKey: "final.2", pageBreakBefore: true),
            SectionPlan(key: "3", number: "3", titleKey: "final.3", pageBreakBefore: true),
            SectionPlan(key: "4", number: "4", titleKey: "final.4", pageBreakBefore: true),
            SectionPlan(key: "5", number: "5", titleKey: "final.5", children: [
                SectionPlan(key: "5.method", titleKey: "final.5.method", textRequired: false, slots: [.init(.method)],
                            aliases: ["Data och analys", "Data and methods"]),
            ], pageBreakBefore: true),
            SectionPlan(key: "6", number: "6", titleKey: "final.6", children: [
                SectionPlan(key: "6.logic_model", titleKey: "final.6.logic_model", textRequired: false,
                            slots: [.init(.logicModel)], aliases: ["Uppföljningsplan", "Logikmodell", "Follow-up plan"]),
                SectionPlan(key: "6.indicators", titleKey: "final.6.indicators", textRequired: false,
                            slots: [.init(.indicators, pending: "placeholder.domain.indicators")]),
                SectionPlan(key: "6.pilot_vs_line", titleKey: "final.6.pilot_vs_line", textRequired: false,
                            slots: [.init(.pilotVsLine, pending: "placeholder.domain.pilot_vs_line")]),
                SectionPlan(key: "6.readiness", titleKey: "final.6.readiness", textRequired: false,
                            slots: [.init(.readiness, pending: "placeholder.domain.readiness")]),
                SectionPlan(key: "6.improvement", titleKey: "final.6.improvement", textRequired: false,
                            slots: [.init(.improvement, pending: "placeholder.domain.improvement")],
                            aliases: ["Genombrott", "Förbättringsarbete"]),
                SectionPlan(key: "6.1", number: "6.1", titleKey: "final.6.1", aliases: ["Strategisk värde för staden som helhet"]),
                SectionPlan(key: "6.2", number: "6.2", titleKey: "final.6.2",
                            slots: [.init(.genderOverview), .init(.gender, pending: "placeholder.domain.gender")]),
            ], pageBreakBefore: true),
            SectionPlan(key: "7", number: "7", titleKey: "final.7", slots: [.init(.finalConclusions, compiled: true)], children: [
                SectionPlan(key: "7.limitations", titleKey: "final.7.limitations", textRequired: false,
                            slots: [.init(.limitations)], aliases: ["Limitations"]),
            ], pageBreakBefore: true),
            SectionPlan(key: "8", number: "8", titleKey: "final.8", slots: [.init(.references, fallback: true)],
                        pageBreakBefore: true),
            // Optional: the engine adds Röjandekontroll under it, with or without the author's own.
            SectionPlan(key: "9", number: "9", titleKey: "final.9", textRequired: false, pageBreakBefore: true),
        ]
    }
}

/// The steering group's two-page brief: what changed, pilot vs line, readiness by
/// unit, indicators off target, decisions asked for. No page breaks: it is meant to
/// fit on two pages.
enum SteeringBriefPlan {
    static func sections() -> [SectionPlan] {
        [
            // The verdict and one line per domain, before anything else: what a group
            // member reads in the first minute.
            SectionPlan(key: "steering.summary", titleKey: "steering.summary", takesText: false, textRequired: false,
                        textFirst: false, slots: [.init(.steeringVerdict), .init(.steeringSummary)]),
            SectionPlan(key: "steering.changes", number: "1", titleKey: "steering.changes", textRequired: false,
                        textFirst: false, slots: [.init(.steeringChanges)]),
            SectionPlan(key: "steering.pilot_vs_line", number: "2", titleKey: "steering.pilot_vs_line", textRequired: false,
                        textFirst: false, slots: [.init(.steeringPilotVsLine, pending: "placeholder.domain.pilot_vs_line")]),
            SectionPlan(key: "steering.readiness", number: "3", titleKey: "steering.readiness", textRequired: false,
                        textFirst: false, slots: [.init(.steeringReadiness, pending: "placeholder.domain.readiness")]),
            SectionPlan(key: "steering.off_target", number: "4", titleKey: "steering.off_target", textRequired: false,
                        textFirst: false, slots: [.init(.steeringOffTarget, pending: "placeholder.domain.off_target")]),
            {
                var decisions = SectionPlan(key: "steering.decisions", number: "5", titleKey: "steering.decisions")
                decisions.leftOutUnwritten = true
                return decisions
            }(),
        ]
    }
}

/// The tertial report: the indicator table per goal. Analysis prose per indicator
/// comes from `--text` under headings named by indicator id (handled by the table
/// builder); prose per goal may follow under a heading named by goal id.
enum TertialReportPlan {
    static func sections() -> [SectionPlan] {
        // Its heading is not the report's title again.
        [SectionPlan(key: "tertial.table", titleKey: "tertial.section", textRequired: false, textFirst: true,
                     slots: [.init(.tertialTable)], aliases: ["Tertialrapport: indikatorer per mål", "Tertial report: indicators per goal"])]
    }
}

extension ReportSlot {
    /// Filled by the engine from `--since PREVIOUS.json`: figures that changed.
    public static let steeringChanges = ReportSlot("steering.changes")
}
