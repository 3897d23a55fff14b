import Foundation
import Presentation

/// Writes a built report in one format: the single entry point the CLI calls.
public struct ReportRenderer {
    public let templates: TemplateSet
    public let strings: ReportStrings
    public let toolVersion: String

    public init(templates: TemplateSet, strings: ReportStrings, toolVersion: String) {
        self.templates = templates
        self.strings = strings
        self.toolVersion = toolVersion
    }

    /// `outputPath` names the main file (nil: stdout), which decides where Markdown's
    /// figures go. Returns the bytes and any warnings for stderr.
    public func render(_ report: BuiltReport, format: ReportFormat, outputPath: String?,
                       rasterizer: SVGRasterizer? = RSVGConvert.find(),
                       pdf: () throws -> PDFWriter = { try PDFWriter.find() }) throws -> (output: ReportOutput, warnings: [String]) {
        switch format {
        case .json:
            return (ReportOutput(data: try JSONWriter.write(report.record)), [])
        case .html:
            let html = try HTMLWriter(templates: templates, strings: strings, toolVersion: toolVersion).write(report.document)
            return (ReportOutput(data: Data(html.utf8)), [])
        case .markdown:
            let folder = outputPath.map { path -> String in
                let name = (path as NSString).lastPathComponent
                return ((name as NSString).deletingPathExtension) + "-figures"
            }
            let writer = MarkdownWriter(templates: templates, strings: strings, toolVersion: toolVersion, figureFolder: folder)
            return (try writer.write(report.document), [])
        case .docx:
            let (data, warnings) = try DOCXWriter(templates: templates, strings: strings, toolVersion: toolVersion,
                                                  rasterizer: rasterizer).write(report.document)
            var all = warnings
            // Figures and the sparklines in tables are pictures alike.
            let pictured = { (block: Block) -> Bool in
                switch block {
                case .figure: return true
                case .table(let t): return t.rows.joined().contains { $0.sparkline != nil }
                default: return false
                }
            }
            if rasterizer == nil, report.document.outline.contains(where: { $0.section.blocks.contains(where: pictured) }) {
                all.append("figures are embedded as SVG only (rsvg-convert not found); LibreOffice and Word 365 show them, older Word does not. Install librsvg2-bin (Debian: sudo apt-get install -y librsvg2-bin) to add the PNG copy Word 2013 and earlier need")
            }
            return (ReportOutput(data: data), all)
        case .pdf:
            let writer = try pdf()
            let html = try HTMLWriter(templates: templates, strings: strings, toolVersion: toolVersion).write(report.document)
            return (ReportOutput(data: try writer.write(html: html)), [])
        }
    }
}
