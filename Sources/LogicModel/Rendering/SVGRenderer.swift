/// `model show --format svg`: our own layered diagram of the chain.
///
/// Layout (Sugiyama-style, kept small): nodes sit in the columns of `ChainColumns`;
/// an edge that skips columns gets an invisible waypoint in each column it crosses,
/// so it runs through a reserved gap instead of through boxes; a few barycentre
/// sweeps order each column to reduce crossings; boxes are stacked with wrapped
/// labels and edges drawn as smooth curves through their waypoints.
public enum SVGRenderer {
    static let boxWidth = 210.0
    static let columnGap = 80.0
    static let margin = 24.0
    static let headerHeight = 64.0
    static let lineHeight = 15.0
    static let padding = 8.0
    static let verticalGap = 14.0
    static let waypointHeight = 10.0
    static let charsPerLine = 30

    struct Slot {
        var id: String          // node id, or "~edgeIndex~column" for a waypoint
        var isWaypoint: Bool
        var lines: [String]
        var height: Double
        var y = 0.0
    }

    public static func render(_ model: LogicModel) -> String {
        let s = RenderStrings.for(model.language)
        let columns = ChainColumns(model, strings: s)
        let graph = ModelGraph(model)
        let edges = graph.edges.filter { columns.columnOf[$0.from] != nil && columns.columnOf[$0.to] != nil }

        // Slots per column: nodes, then waypoints for long forward edges.
        var slots: [[Slot]] = columns.columns.map { column in
            column.ids.map { id in
                let lines = boxLines(id + " · " + (graph.titles[id] ?? ""))
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
        var box: [String: (x: Double, y: Double, h: Double)] = [:]
        for (c, column) in slots.enumerated() {
            let x = margin + Double(c) * (boxWidth + columnGap)
            for slot in column { box[slot.id] = (x, slot.y, slot.height) }
        }

        let width = margin * 2 + Double(slots.count) * boxWidth + Double(max(0, slots.count - 1)) * columnGap
        let height = margin * 2 + headerHeight + tallest
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(width))" height="\(fmt(height))" viewBox="0 0 \(fmt(width)) \(fmt(height))" font-family="Helvetica, Arial, sans-serif">
        <title>\(Escape.xml(model.name))</title>
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(fmt(margin))" y="\(fmt(margin + 16))" font-size="18" font-weight="bold">\(Escape.xml(model.name))</text>

        """
        for (c, column) in columns.columns.enumerated() {
            let x = margin + Double(c) * (boxWidth + columnGap)
            out += "<text x=\"\(fmt(x + boxWidth / 2))\" y=\"\(fmt(margin + headerHeight - 12))\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#333\">\(Escape.xml(column.title))</text>\n"
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
                if i == 0 { return [(b.x + boxWidth, midY)] }
                if i == path.count - 1 { return [(b.x, midY)] }
                return [(b.x, midY), (b.x + boxWidth, midY)]
            }
            out += "<path d=\"\(curve(points, sameColumn: columns.columnOf[path.first!] == columns.columnOf[path.last!]))\" fill=\"none\" stroke=\"#777\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>\n"
        }
        for column in slots {
            for slot in column where !slot.isWaypoint {
                let b = box[slot.id]!
                let kind = graph.kinds[slot.id] ?? .goal
                out += "<g><rect x=\"\(fmt(b.x))\" y=\"\(fmt(b.y))\" width=\"\(fmt(boxWidth))\" height=\"\(fmt(b.h))\" rx=\"6\" fill=\"\(Palette.fill(kind))\" stroke=\"\(Palette.stroke(kind))\" stroke-width=\"1.2\"/>"
                for (i, line) in slot.lines.enumerated() {
                    let y = b.y + padding + lineHeight * Double(i) + 11
                    let weight = i == 0 ? " font-weight=\"bold\"" : ""
                    out += "<text x=\"\(fmt(b.x + padding))\" y=\"\(fmt(y))\" font-size=\"11.5\"\(weight) fill=\"#222\">\(Escape.xml(line))</text>"
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
    static func boxLines(_ text: String) -> [String] {
        let first = wrap(text, width: charsPerLine - 3)
        guard first.count > 1 else { return first }
        let rest = first.dropFirst().joined(separator: " ")
        return [first[0]] + wrap(rest, width: charsPerLine)
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
