import Foundation

/// The words a chart's key gives a mark that the chart alone does not explain, in both
/// languages, so every chart says the same thing of the same mark and its key and its
/// `<desc>` agree (issue 20: a FoU reviewer reading the demo cold could not tell what a
/// run chart's diamonds were, nor its ".." at the foot of the plot). A chart lists a mark
/// only where it draws one.
enum ChartKey {
    /// What a withheld value's label means. "<5" states its own limit, so the words repeat
    /// it; ".." states none, and the chart is not told the threshold (the report's caption
    /// and notes name it), so its words name no number rather than a wrong one.
    static func withheld(_ label: String, sv: Bool) -> String {
        if label.hasPrefix("<"), let limit = Int(label.dropFirst()) {
            return sv ? "dolt, bygger på färre än \(limit)" : "withheld, built on fewer than \(limit)"
        }
        return sv ? "dolt, bygger på ett litet antal" : "withheld, built on a small count"
    }

    /// `text` with its first letter upper-case, for a key line that starts with it.
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
