import Evaluation
import Foundation
import Hummingbird
import LogicModel
import Periods
import Presentation
import Reports
import Store

/// A model's pages that show sections of its reports: the page renders exactly the
/// blocks the report prints (the same tables, charts, caveats and words), for the
/// internal audience in local mode — marked so on the page.
struct ReportSectionPage {
    /// Which report and which of its sections a page shows.
    struct Selection: Sendable {
        var kind: ReportKind
        /// Section key prefixes, in page order; the first section found for each.
        var keys: [String]
        /// nil: every top-level section of the document.
        var all: Bool { keys.isEmpty }
    }

    static func content(_ built: BuiltReport, _ selection: Selection, language: Language) -> PageContent {
        let sections = selection.all ? built.document.sections
            : selection.keys.compactMap { built.document.section(keyed: $0) }
        if sections.isEmpty { return PageContent([.html("<p>\(HTMLText.escape(WebStrings(language)("section.empty")))</p>\n")]) }
        // A page of one section: the page's h1 is its heading.
        if selection.keys.count == 1, let only = sections.first { return PageContent([.contents(only)]) }
        return PageContent([.sections(sections)])
    }
}

/// The report templates the pages' writer needs (only for its strings and captions;
/// the page frame is the web's own layout; `PageContent` renders).
enum WebTemplates {
    // swiftlint:disable:next force_try
    static let reports: TemplateSet = try! TemplateSet(directory: nil)
}
