/// The section builders every report runs, in order. A domain plugs in by adding its
/// builder here (one line); see `ReportSectionBuilder`.
public enum SectionRegistry {
    public static var builders: [AnySectionBuilder] { [
        AnySectionBuilder(BudgetSection()),
        AnySectionBuilder(LogicModelSection()),
        AnySectionBuilder(GenderBreakdownSection()),
        AnySectionBuilder(TertialTableSection()),          // its outcome columns: IndicatorStatusSection.figures
        AnySectionBuilder(IndicatorStatusSection()),       // issue 5 → .indicators, .gender, .steeringOffTarget
        AnySectionBuilder(CohortComparisonSection()),      // issue 6 → .pilotVsLine, .gender, .steeringPilotVsLine
        AnySectionBuilder(ReadinessSection()),             // issue 7 → .readiness, .steeringReadiness
        AnySectionBuilder(RunChartSection()),              // issue 8 → .improvement
    ] }
}
