import LogicModel
import Presentation

/// What the CLI needs to know of a kind's layout before building: which headings the
/// text file may use.
public enum ReportLayout {
    public static func matcher(_ kind: ReportKind, strings: ReportStrings, model: LogicModel) -> SectionMatcher {
        ReportAssembler.matcher(kind, strings: strings, model: model)
    }
}
