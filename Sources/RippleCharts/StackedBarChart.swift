/// Horizontal bars split into series (sessions led by mentor / mentee / jointly, per quarter).
package struct StackedBarChart: Sendable, Hashable {
    /// Title, description, caption and id.
    package var frame: ChartFrame
    /// Bar labels, top to bottom.
    package var categories: [String]
    /// Segments, left to right; each series' values align with `categories`.
    package var series: [ChartSeries]

    /// Creates a stacked bar chart.
    package init(frame: ChartFrame, categories: [String], series: [ChartSeries]) {
        self.frame = frame; self.categories = categories; self.series = series
    }

    /// The `<figure>` HTML.
    package func html() -> String {
        let labelWidth = 170.0, barArea = 360.0, rowHeight = 30.0, width = 640.0, legendHeight = 24.0
        let height = legendHeight + max(rowHeight, Double(categories.count) * rowHeight) + 8
        func value(_ s: Int, _ c: Int) -> Double? { c < series[s].values.count ? series[s].values[c] : nil }
        let totals = categories.indices.map { c in series.indices.reduce(0.0) { $0 + max(0, value($1, c) ?? 0) } }
        let top = totals.max() ?? 0
        var svg = frame.openSVG(kind: "stacked", width: width, height: height)
        svg += "<g class=\"legend\">"
        for (s, item) in series.enumerated() {
            let x = labelWidth + Double(s) * 120
            svg += "<rect class=\"series-\(s % 6 + 1)\"\(SVG.paint(series: s)) x=\"\(SVG.num(x))\" y=\"6\" width=\"12\" height=\"12\"/>"
            svg += "<text x=\"\(SVG.num(x + 16))\" y=\"16\">\(SVG.escape(item.name))</text>"
        }
        svg += "</g>"
        for (c, category) in categories.enumerated() {
            let y = legendHeight + 4 + Double(c) * rowHeight
            svg += "<g class=\"bar-row\"><text class=\"bar-label\" x=\"\(SVG.num(labelWidth - 8))\" y=\"\(SVG.num(y + 19))\" "
                + "text-anchor=\"end\">\(SVG.escape(category))</text>"
            var x = labelWidth
            var hidden = false
            for s in series.indices {
                guard let v = value(s, c) else { hidden = true; continue }
                let w = top > 0 ? max(0, v) / top * barArea : 0
                guard w > 0 else { continue }
                svg += "<rect class=\"bar series-\(s % 6 + 1)\"\(SVG.paint(series: s)) x=\"\(SVG.num(x))\" y=\"\(SVG.num(y + 4))\" "
                    + "width=\"\(SVG.num(w))\" height=\"\(SVG.num(rowHeight - 8))\"><title>"
                    + SVG.escape("\(series[s].name): \(frame.text(v))") + "</title></rect>"
                if w >= 24 {
                    svg += "<text class=\"segment-value\" x=\"\(SVG.num(x + w / 2))\" y=\"\(SVG.num(y + 19))\" "
                        + "text-anchor=\"middle\">\(SVG.escape(frame.text(v)))</text>"
                }
                x += w
            }
            if hidden {
                svg += "<rect class=\"bar suppressed\" fill=\"url(#\(frame.safeID)-hatch)\" x=\"\(SVG.num(x))\" "
                    + "y=\"\(SVG.num(y + 4))\" width=\"30\" height=\"\(SVG.num(rowHeight - 8))\"/>"
                x += 30
            }
            let total = hidden ? "part \(frame.suppressedText)" : frame.text(totals[c])
            svg += "<text class=\"bar-value\" x=\"\(SVG.num(x + 6))\" y=\"\(SVG.num(y + 19))\">\(SVG.escape(total))</text></g>"
        }
        svg += "</svg>"
        let rows = categories.indices.map { c in [categories[c]] + series.indices.map { frame.text(value($0, c)) } }
        return frame.figure(kind: "stacked", svg: svg, header: [""] + series.map(\.name), rows: rows)
    }
}
