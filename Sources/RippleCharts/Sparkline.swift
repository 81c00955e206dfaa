/// A small inline trend line (a KPI tile's last quarters) with an `aria-label`; no table or caption.
package struct Sparkline: Sendable, Hashable {
    /// Caller-chosen id, unique on the page.
    package var id: String
    /// What the line shows, read by screen readers (`Sessions per quarter: 12, 15, 19`).
    package var label: String
    /// Values, oldest first; `nil` points (suppressed) break the line.
    package var values: [Double?]
    /// Size in pixels.
    package var width: Double
    package var height: Double
    /// Whether the last value is still growing (a running quarter): drawn hollow after a dotted segment, as in
    /// `LineChart.toDate`.
    package var lastIsToDate: Bool

    /// Creates a sparkline.
    package init(id: String, label: String, values: [Double?], width: Double = 100, height: Double = 24,
                 lastIsToDate: Bool = false) {
        self.id = id; self.label = label; self.values = values; self.width = width; self.height = height
        self.lastIsToDate = lastIsToDate
    }

    /// The `<svg>` HTML.
    package func html() -> String {
        let present = values.compactMap { $0 }
        let low = present.min() ?? 0, high = present.max() ?? 0
        let span = high > low ? high - low : 1
        let step = values.count > 1 ? (width - 4) / Double(values.count - 1) : 0
        func point(_ i: Int, _ v: Double) -> (Double, Double) {
            (2 + Double(i) * step, height - 2 - (v - low) / span * (height - 4))
        }
        var path = "", partial = "", pen = false, lastPoint: (Double, Double)?
        for (i, value) in values.enumerated() {
            guard let value else { pen = false; continue }
            let (x, y) = point(i, value)
            if lastIsToDate, i == values.count - 1, pen, let (px, py) = lastPoint {
                partial = "M\(SVG.num(px)) \(SVG.num(py))L\(SVG.num(x)) \(SVG.num(y))"
            } else {
                path += (pen ? "L" : "M") + "\(SVG.num(x)) \(SVG.num(y))"
            }
            pen = true
            lastPoint = (x, y)
        }
        let toDate = lastIsToDate && values.last.map { $0 != nil } == true
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" id=\"\(SVG.safeID(id))\" role=\"img\" "
            + "aria-label=\"\(SVG.escape(label))\" viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" "
            + "width=\"\(SVG.num(width))\" height=\"\(SVG.num(height))\">"
        if !path.isEmpty { svg += "<path class=\"line series-1\" fill=\"none\"\(SVG.paint(series: 0, fill: false)) d=\"\(path)\"/>" }
        if !partial.isEmpty {
            svg += "<path class=\"line to-date series-1\" fill=\"none\"\(SVG.paint(series: 0, fill: false)) d=\"\(partial)\" stroke-dasharray=\"2 3\"/>"
        }
        if let (x, y) = lastPoint {
            svg += "<circle class=\"marker\(toDate ? " to-date" : "") series-1\"\(SVG.paint(series: 0)) cx=\"\(SVG.num(x))\" cy=\"\(SVG.num(y))\" r=\"2\"/>"
        }
        return svg + "</svg>"
    }
}
