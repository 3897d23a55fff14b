/// `model show --format svg`: our own layered diagram of the chain.
///
/// Layout (Sugiyama-style, kept small): nodes sit in the columns of `ChainColumns`;
/// an edge that skips columns gets an invisible waypoint in each column it crosses,
/// so it runs through a reserved gap instead of through boxes; a few barycentre
/// sweeps order each column to reduce crossings; boxes are stacked with wrapped
/// labels and edges drawn as smooth curves through their waypoints.
public enum SVGRenderer {
    /// The sizes of a drawing, in SVG pixels. `screen` is the diagram of `model show`,
    /// the web's SVG and the model editor; `print` is the reports' (docs/decisions.md,
    /// "The logic model in print"): the same layout with the text larger against the
    /// width (narrower boxes and gaps, headings wrapped), so that a diagram shrunk to a
    /// landscape A4 page keeps its box text at 8 pt or more.
    public struct Layout: Sendable, Equatable {
        public var fontSize: Double
        public var boxWidth: Double
        public var columnGap: Double
        public var margin: Double
        public var headerHeight: Double
        public var lineHeight: Double
        public var padding: Double
        public var verticalGap: Double
        public var waypointHeight: Double
        /// Characters on a line of a box (the first, bold, line gets three fewer).
        public var charsPerLine: Int
        public var titleSize: Double
        public var headerSize: Double
        /// Characters on a line of a column heading; nil: one line, however long.
        public var headerCharsPerLine: Int?
        /// The widest the drawing should be; nil: no limit. A column widens for a word
        /// longer than its boxes' lines (a word is never cut), and where that would make
        /// the drawing wider than this, the gaps between columns give up the difference,
        /// down to `minColumnGap`.
        public var maxWidth: Double? = nil
        public var minColumnGap: Double = 0

        public static let screen = Layout(fontSize: 11.5, boxWidth: 210, columnGap: 80, margin: 24, headerHeight: 64,
                                          lineHeight: 15, padding: 8, verticalGap: 14, waypointHeight: 10,
                                          charsPerLine: 30, titleSize: 18, headerSize: 13, headerCharsPerLine: nil)
        /// 14 px text in boxes 140 px wide (17 characters a line: 126 px of Arial or
        /// Liberation Sans, a little more in DejaVu Sans, the fallback of rsvg and
        /// LibreOffice where neither is installed), 40 px gaps: seven columns are 1 244 px,
        /// which a landscape page (25,7 cm in the DOCX) shrinks to 0,78, 8,2 pt. At most
        /// 1 274 px, the width that page shrinks 14 px to 8 pt (971 px × 14 × 0,75 / 8):
        /// columns widened for long words ("förändringsbenägenhet", 21 characters) take
        /// their room from the gaps, which stay 24 px or more for the arrows.
        public static let print = Layout(fontSize: 14, boxWidth: 140, columnGap: 40, margin: 12, headerHeight: 58,
                                         lineHeight: 17, padding: 7, verticalGap: 10, waypointHeight: 8,
                                         charsPerLine: 17, titleSize: 17, headerSize: 14, headerCharsPerLine: 16,
                                         maxWidth: 1274, minColumnGap: 24)
    }

    struct Slot {
        var id: String          // node id, or "~edgeIndex~column" for a waypoint
        var isWaypoint: Bool
        var lines: [String]
        var height: Double
        var y = 0.0
    }

    public static func render(_ model: LogicModel) -> String { render(model, layout: .screen) }

    /// The diagram in `layout`'s sizes, under `title` (the model's name when nil).
    public static func render(_ model: LogicModel, layout: Layout, title: String? = nil) -> String {
        let L = layout
        let boxWidth = L.boxWidth, margin = L.margin, headerHeight = L.headerHeight
        let lineHeight = L.lineHeight, padding = L.padding, verticalGap = L.verticalGap, waypointHeight = L.waypointHeight
        let title = title ?? model.name
        let s = RenderStrings.for(model.language)
        let columns = ChainColumns(model, strings: s)
        let graph = ModelGraph(model)
        let edges = graph.edges.filter { columns.columnOf[$0.from] != nil && columns.columnOf[$0.to] != nil }

        // Slots per column: nodes, then waypoints for long forward edges.
        var slots: [[Slot]] = columns.columns.map { column in
            column.ids.map { id in
                let lines = boxLines(id + " · " + (graph.titles[id] ?? ""), charsPerLine: L.charsPerLine)
                return Slot(id: id, isWaypoint: false, lines: lines,
                            height: Double(lines.count) * lineHeight + 2 * padding)
            }
        }
        var route: [[String]] = []   // per edge: the slot ids it passes through
        for (e, edge) in edges.enumerated() {
            let c1 = columns.columnOf[edge.from]!, c2 = columns.columnOf[edge.to]!
            var path = [edge.from]
            if c2 > c1 + 1 {
                for c in (c1 + 1)..<c2 {
                    let wid = "~\(e)~\(c)"
                    slots[c].append(Slot(id: wid, isWaypoint: true, lines: [], height: waypointHeight))
                    path.append(wid)
                }
            }
            path.append(edge.to)
            route.append(path)
        }

        // Neighbours of each slot along routes, for the barycentre ordering.
        var left: [String: [String]] = [:], right: [String: [String]] = [:]
        for path in route {
            for (a, b) in zip(path, path.dropFirst()) {
                right[a, default: []].append(b)
                left[b, default: []].append(a)
            }
        }
        func positions() -> [String: Double] {
            var pos: [String: Double] = [:]
            for column in slots { for (i, slot) in column.enumerated() { pos[slot.id] = Double(i) } }
            return pos
        }
        for sweep in 0..<6 {
            let forward = sweep % 2 == 0
            let order = forward ? Array(slots.indices) : Array(slots.indices.reversed())
            for c in order {
                let pos = positions()
                let keyed = slots[c].enumerated().map { (i, slot) -> (Double, Int, Slot) in
                    let neighbours = (forward ? left[slot.id] : right[slot.id]) ?? []
                    let known = neighbours.compactMap { pos[$0] }
                    let bary = known.isEmpty ? Double(i) : known.reduce(0, +) / Double(known.count)
                    return (bary, i, slot)
                }
                slots[c] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            }
        }

        // A column is as wide as its widest line needs: a word longer than a box's line is
        // never cut (`TextWrap`), so its column widens. Lines are measured as DejaVu Sans
        // sets them (`TextWidth`, the widest of the fonts the drawing may come out in),
        // the first bold; a line may run into the box's right padding, not to its edge.
        func textWidth(_ line: String, bold: Bool) -> Double { TextWidth.em(line, bold: bold) * L.fontSize }
        let rightRoom = padding / 2
        var columnWidths: [Double] = slots.map { column in
            let widest = column.filter { !$0.isWaypoint }
                .flatMap { slot in slot.lines.enumerated().map { i, line in textWidth(line, bold: i == 0) } }.max() ?? 0
            return max(boxWidth, (padding + widest + rightRoom).rounded(.up))
        }
        // The gaps narrow where the widened columns would pass `maxWidth`, down to
        // `minColumnGap`; past that the widest columns are cut back to one width, the
        // widest at which the drawing fits (no narrower than a box), and a line that then
        // does not fit its box is set smaller (below).
        let gaps = Double(max(0, columnWidths.count - 1))
        var columnGap = L.columnGap
        if let limit = L.maxWidth, gaps > 0 {
            let room = limit - 2 * margin - columnWidths.reduce(0, +)
            columnGap = min(L.columnGap, max(L.minColumnGap, (room / gaps).rounded(.down)))
            let budget = limit - 2 * margin - gaps * columnGap
            if columnWidths.reduce(0, +) > budget {
                // The cap c with Σ min(width, c) = budget: the k narrowest keep their widths.
                let sorted = columnWidths.sorted()
                var cap = boxWidth
                for k in sorted.indices {
                    let c = (budget - sorted[..<k].reduce(0, +)) / Double(sorted.count - k)
                    if c <= sorted[k] && (k == 0 || c >= sorted[k - 1]) { cap = max(boxWidth, c.rounded(.down)); break }
                }
                columnWidths = columnWidths.map { min($0, cap) }
            }
        }
        /// A line's type size: the layout's, or smaller where its box could not widen enough.
        func size(_ line: String, bold: Bool, width: Double) -> Double {
            let natural = textWidth(line, bold: bold)
            guard padding + natural + rightRoom > width else { return L.fontSize }
            return (L.fontSize * (width - padding - rightRoom) / natural * 2).rounded(.down) / 2
        }
        let headings = columns.columns.map { column in
            L.headerCharsPerLine.map { TextWrap.lines(column.title, width: $0, breakingLongWords: false) } ?? [column.title]
        }
        let columnX = columnWidths.indices.map { c in margin + columnWidths[..<c].reduce(0, +) + Double(c) * columnGap }

        // Stack each column; centre shorter columns against the tallest.
        let heights = slots.map { col in col.reduce(0) { $0 + $1.height } + Double(max(0, col.count - 1)) * verticalGap }
        let tallest = heights.max() ?? 0
        for c in slots.indices {
            var y = margin + headerHeight + (tallest - heights[c]) / 2
            for i in slots[c].indices {
                slots[c][i].y = y
                y += slots[c][i].height + verticalGap
            }
        }
        var box: [String: (x: Double, y: Double, w: Double, h: Double)] = [:]
        for (c, column) in slots.enumerated() {
            for slot in column { box[slot.id] = (columnX[c], slot.y, columnWidths[c], slot.height) }
        }

        let width = margin * 2 + columnWidths.reduce(0, +) + Double(max(0, slots.count - 1)) * columnGap
        let height = margin * 2 + headerHeight + tallest
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(width))" height="\(fmt(height))" viewBox="0 0 \(fmt(width)) \(fmt(height))" font-family="Helvetica, Arial, sans-serif">
        <title>\(Escape.xml(title))</title>
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(fmt(margin))" y="\(fmt(margin + 16))" font-size="\(fmt(L.titleSize))" font-weight="bold">\(Escape.xml(title))</text>

        """
        for c in columns.columns.indices {
            // A wrapped heading stands on its last line where a one-line heading stands.
            let lines = headings[c]
            for (i, line) in lines.enumerated() {
                let y = margin + headerHeight - 12 - Double(lines.count - 1 - i) * (L.headerSize + 3)
                out += "<text x=\"\(fmt(columnX[c] + columnWidths[c] / 2))\" y=\"\(fmt(y))\" font-size=\"\(fmt(L.headerSize))\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#333\">\(Escape.xml(line))</text>\n"
            }
        }
        // Edges first, so boxes are drawn over their ends.
        for path in route {
            // From the source's right side to the target's left side; through each
            // waypoint as a straight line across the whole column at the waypoint's
            // height, so the curves bend only in the gaps between columns, where no box
            // stands (a curve aimed at the middle of a waypoint cut through the boxes
            // above or below it: the tutorial's A1 → O2 read as P1 → O2).
            let points: [(Double, Double)] = path.enumerated().flatMap { (i, id) -> [(Double, Double)] in
                let b = box[id]!
                let midY = b.y + b.h / 2
                if i == 0 { return [(b.x + b.w, midY)] }
                if i == path.count - 1 { return [(b.x, midY)] }
                return [(b.x, midY), (b.x + b.w, midY)]
            }
            out += "<path d=\"\(curve(points, sameColumn: columns.columnOf[path.first!] == columns.columnOf[path.last!]))\" fill=\"none\" stroke=\"#777\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>\n"
        }
        for column in slots {
            for slot in column where !slot.isWaypoint {
                let b = box[slot.id]!
                let kind = graph.kinds[slot.id] ?? .goal
                out += "<g><rect x=\"\(fmt(b.x))\" y=\"\(fmt(b.y))\" width=\"\(fmt(b.w))\" height=\"\(fmt(b.h))\" rx=\"6\" fill=\"\(Palette.fill(kind))\" stroke=\"\(Palette.stroke(kind))\" stroke-width=\"1.2\"/>"
                for (i, line) in slot.lines.enumerated() {
                    // The baseline a little below the line's middle: 11 px down a 15 px line at 11,5 px.
                    let y = b.y + padding + lineHeight * Double(i) + (L.fontSize * 0.957).rounded()
                    let weight = i == 0 ? " font-weight=\"bold\"" : ""
                    let fontSize = size(line, bold: i == 0, width: b.w)
                    out += "<text x=\"\(fmt(b.x + padding))\" y=\"\(fmt(y))\" font-size=\"\(fmt(fontSize))\"\(weight) fill=\"#222\">\(Escape.xml(line))</text>"
                }
                out += "</g>\n"
            }
        }
        out += "</svg>\n"
        return out
    }

    /// A box's label in lines: the first is bold, and bold is about a tenth wider, so it
    /// gets fewer characters (at 30 "G4 · Medarbetare trivs och ser" ran into the box's
    /// edge in DejaVu Sans, the fallback font of rsvg and LibreOffice).
    static func boxLines(_ text: String, charsPerLine: Int = Layout.screen.charsPerLine) -> [String] {
        let first = wrap(text, width: charsPerLine - 3)
        guard first.count > 1 else { return first }
        // What follows the first line, wrapped afresh to the wider lines of the rest. The
        // lines are the text's words in order, one space apart (none after a hyphen
        // or slash a line broke at), so the first line is a prefix of that text.
        let words = text.split(separator: " ").joined(separator: " ")
        let rest = words.dropFirst(first[0].count).drop { $0 == " " }
        return [first[0]] + wrap(String(rest), width: charsPerLine)
    }

    /// A smooth path through `points` with horizontal tangents at each point; an edge
    /// within one column bulges out to the right.
    static func curve(_ points: [(Double, Double)], sameColumn: Bool) -> String {
        guard let first = points.first else { return "" }
        if sameColumn, points.count == 2 {
            let (x1, y1) = first
            let (_, y2) = points[1]
            let xr = x1 + 30
            let x2 = x1
            return "M \(fmt(x1)) \(fmt(y1)) C \(fmt(xr)) \(fmt(y1)) \(fmt(xr)) \(fmt(y2)) \(fmt(x2 + 2)) \(fmt(y2))"
        }
        var d = "M \(fmt(first.0)) \(fmt(first.1))"
        for (a, b) in zip(points, points.dropFirst()) {
            let dx = (b.0 - a.0) / 2
            d += " C \(fmt(a.0 + dx)) \(fmt(a.1)) \(fmt(b.0 - dx)) \(fmt(b.1)) \(fmt(b.0)) \(fmt(b.1))"
        }
        return d
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
