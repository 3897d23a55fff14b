/// The section builders every report runs, in order. A domain plugs in by adding its
/// builder here (one line); see `ReportSectionBuilder`.
public enum SectionRegistry {
    public static var builders: [AnySectionBuilder] { [
        AnySectionBuilder(BudgetSection()),
        AnySectionBuilder(LogicModelSection()),
        AnySectionBuilder(GenderBreakdownSection()),
        AnySectionBuilder(TertialTableSection()),
        // Issue 5: AnySectionBuilder(IndicatorStatusSection()),   → .indicators, .gender, .steeringOffTarget
        //          (and fills the outcome columns of TertialTableSection)
        // Issue 6: AnySectionBuilder(CohortComparisonSection()),  → .pilotVsLine, .gender, .steeringPilotVsLine
        // Issue 7: AnySectionBuilder(ReadinessSection()),         → .readiness, .steeringReadiness
        // Issue 8: AnySectionBuilder(RunChartSection()),          → .improvement
    ] }
}
