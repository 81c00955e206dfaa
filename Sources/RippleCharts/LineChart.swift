/// A trend over ordered categories (quarters) with one line per series. Each series has its own
/// marker shape and dash pattern so lines can be told apart without colour; suppressed points
/// break the line and are marked with a hatched square.
package struct LineChart: Sendable, Hashable {
    /// Title, description, caption and id.
    package var frame: ChartFrame
    /// X-axis labels, left to right.
    package var categories: [String]
    /// Lines; values align with `categories`.
    package var series: [ChartSeries]

    /// Creates a line chart.
    package init(frame: ChartFrame, categories: [String], series: [ChartSeries]) {
        self.frame = frame; self.categories = categories; self.series = series
    }

    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "10 4", "1 4"]

    /// A marker of shape `index` (circle, square, triangle, diamond, cross, bar) centred on a point.
    static func marker(_ index: Int, x: Double, y: Double, cls: String) -> String {
        let paint = SVG.paint(series: index)
        let (cx, cy) = (SVG.num(x), SVG.num(y))
        switch index % 6 {
        case 0: return "<circle class=\"\(cls)\"\(paint) cx=\"\(cx)\" cy=\"\(cy)\" r=\"4\"/>"
        case 1: return "<rect class=\"\(cls)\"\(paint) x=\"\(SVG.num(x - 4))\" y=\"\(SVG.num(y - 4))\" width=\"8\" height=\"8\"/>"
        case 2: return "<path class=\"\(cls)\"\(paint) d=\"M\(cx) \(SVG.num(y - 5))L\(SVG.num(x + 5)) \(SVG.num(y + 4))L\(SVG.num(x - 5)) \(SVG.num(y + 4))Z\"/>"
        case 3: return "<path class=\"\(cls)\"\(paint) d=\"M\(cx) \(SVG.num(y - 5))L\(SVG.num(x + 5)) \(cy)L\(cx) \(SVG.num(y + 5))L\(SVG.num(x - 5)) \(cy)Z\"/>"
        case 4: return "<path class=\"\(cls)\"\(paint) d=\"M\(SVG.num(x - 4)) \(SVG.num(y - 4))L\(SVG.num(x + 4)) \(SVG.num(y + 4))M\(SVG.num(x + 4)) \(SVG.num(y - 4))L\(SVG.num(x - 4)) \(SVG.num(y + 4))\"/>"
        default: return "<rect class=\"\(cls)\"\(paint) x=\"\(SVG.num(x - 2))\" y=\"\(SVG.num(y - 5))\" width=\"4\" height=\"10\"/>"
        }
    }

    /// The `<figure>` HTML.
    package func html() -> String {
        let width = 640.0, height = 300.0, left = 56.0, right = 20.0, top = 34.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let (yMax, tickStep) = SVG.niceScale(maxValue)
        let step = categories.count > 1 ? plotW / Double(categories.count - 1) : 0
        func x(_ c: Int) -> Double { categories.count > 1 ? left + Double(c) * step : left + plotW / 2 }
        func y(_ v: Double) -> Double { top + plotH - max(0, v) / yMax * plotH }

        var svg = frame.openSVG(kind: "line", width: width, height: height)
        svg += "<g class=\"axis\">"
        for tick in 0...Int((yMax / tickStep).rounded()) {
            let v = tickStep * Double(tick)
            svg += "<line class=\"grid\" x1=\"\(SVG.num(left))\" x2=\"\(SVG.num(width - right))\" y1=\"\(SVG.num(y(v)))\" y2=\"\(SVG.num(y(v)))\"/>"
            svg += "<text x=\"\(SVG.num(left - 6))\" y=\"\(SVG.num(y(v) + 4))\" text-anchor=\"end\">\(SVG.num(v))</text>"
        }
        for (c, label) in categories.enumerated() {
            svg += "<text x=\"\(SVG.num(x(c)))\" y=\"\(SVG.num(height - bottom + 18))\" text-anchor=\"middle\">\(SVG.escape(label))</text>"
        }
        svg += "</g><g class=\"legend\">"
        for (s, item) in series.enumerated() {
            let lx = left + Double(s) * 130
            svg += "<line class=\"line series-\(s % 6 + 1)\"\(SVG.paint(series: s, fill: false)) x1=\"\(SVG.num(lx))\" x2=\"\(SVG.num(lx + 24))\" y1=\"14\" y2=\"14\""
                + (Self.dashes[s % 6].isEmpty ? "" : " stroke-dasharray=\"\(Self.dashes[s % 6])\"") + "/>"
            svg += Self.marker(s, x: lx + 12, y: 14, cls: "marker series-\(s % 6 + 1)")
            svg += "<text x=\"\(SVG.num(lx + 30))\" y=\"18\">\(SVG.escape(item.name))</text>"
        }
        svg += "</g>"
        for (s, item) in series.enumerated() {
            let cls = "series-\(s % 6 + 1)"
            var path = "", pen = false
            for c in categories.indices {
                guard c < item.values.count, let v = item.values[c] else { pen = false; continue }
                path += (pen ? "L" : "M") + "\(SVG.num(x(c))) \(SVG.num(y(v)))"
                pen = true
            }
            svg += "<g class=\"series \(cls)\">"
            if !path.isEmpty {
                svg += "<path class=\"line \(cls)\" fill=\"none\"\(SVG.paint(series: s, fill: false)) d=\"\(path)\""
                    + (Self.dashes[s % 6].isEmpty ? "" : " stroke-dasharray=\"\(Self.dashes[s % 6])\"") + "/>"
            }
            for c in categories.indices {
                let value = c < item.values.count ? item.values[c] : nil
                if let value {
                    svg += Self.marker(s, x: x(c), y: y(value), cls: "marker \(cls)")
                } else {
                    svg += "<rect class=\"suppressed\" fill=\"url(#\(frame.safeID)-hatch)\" x=\"\(SVG.num(x(c) - 5))\" "
                        + "y=\"\(SVG.num(top + plotH - 10))\" width=\"10\" height=\"10\"><title>"
                        + SVG.escape("\(item.name), \(categories[c]): \(frame.suppressedText)") + "</title></rect>"
                }
            }
            svg += "</g>"
        }
        svg += "</svg>"
        let rows = categories.indices.map { c in
            [categories[c]] + series.map { frame.text(c < $0.values.count ? $0.values[c] : nil) }
        }
        return frame.figure(kind: "line", svg: svg, header: [""] + series.map(\.name), rows: rows)
    }
}
