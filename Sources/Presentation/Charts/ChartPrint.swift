import Foundation

/// The size a report's chart is drawn at, so that its text reads on paper (issue 20).
///
/// A report prints an inline figure at its own size, shrunk to the text width when
/// wider: DOCX's portrait text area is 16,0 cm (605 px at 96 dpi), Chromium's print
/// page 17,4 cm (658 px). A chart drawn 852 px wide with 11 px text printed that text
/// at 5,9 pt. Charts for reports are therefore at most `width` wide, so nothing is
/// shrunk, and their text is `text` (9 pt on paper), none smaller than `smallText`
/// (8,25 pt). `ChartPrintTests` measures every chart kind against the widths the writers
/// actually give a figure.
public enum ChartPrint {
    /// The widest a report's chart is drawn, in px (96 dpi): within the narrowest text
    /// width a writer gives an inline figure (DOCX, 605 px).
    public static let width = 600.0
    /// Axis labels, legends, values: 12 px, 9 pt on paper.
    public static let text = 12.0
    /// Footnotes and secondary labels: 11 px, 8,25 pt on paper; nothing is smaller.
    public static let smallText = 11.0
    /// A run chart's height in a report (its width is `width`).
    public static let runChartHeight = 480.0

    /// `text` cut into lines that fit `width` px at `size` px (about 0.55 em a character,
    /// 0.62 bold, as the charts measure their labels).
    public static func lines(_ text: String, size: Double, width: Double, bold: Bool = false) -> [String] {
        ReadinessChartSupport.wrap(text, limit: max(8, Int(width / (size * (bold ? 0.62 : 0.55)))))
    }
}
