/// The accessible wrapper every chart shares: `<figure>` with the SVG (titled and described),
/// a "Show the data" table and a caption.
package struct ChartFrame: Sendable, Hashable {
    /// Caller-chosen id, unique on the page; every id inside the chart derives from it.
    package var id: String
    /// Short title (SVG `<title>`).
    package var title: String
    /// One or two sentences saying what the chart shows (SVG `<desc>`).
    package var description: String
    /// Caption under the chart; defaults to the title.
    package var caption: String?
    /// `privacy.minGroupSize`, for the "fewer than N" label of suppressed values.
    package var minGroupSize: Int

    /// Creates a frame.
    package init(id: String, title: String, description: String, caption: String? = nil, minGroupSize: Int = 5) {
        self.id = id; self.title = title; self.description = description; self.caption = caption
        self.minGroupSize = minGroupSize
    }

    /// The id with unsafe characters replaced.
    var safeID: String { SVG.safeID(id) }

    /// "fewer than N".
    var suppressedText: String { "fewer than \(minGroupSize)" }

    /// A blank canvas of `size` whose hatch pattern belongs to this chart.
    func canvas(_ size: ChartSize) -> ChartCanvas {
        var canvas = ChartCanvas(size: size)
        canvas.idSuffix = size == .wide ? "" : "-" + size.rawValue
        return canvas
    }

    /// `fill="url(#…-hatch)"` for suppressed shapes on `canvas`.
    func hatch(_ canvas: ChartCanvas) -> String { "fill=\"url(#\(safeID)\(canvas.idSuffix)-hatch)\"" }

    /// The finished `<svg>` of one layout, with its accessible name and description.
    func svg(kind: String, _ canvas: ChartCanvas) -> String {
        let id = safeID + canvas.idSuffix
        let (width, height) = (SVG.num(canvas.width), SVG.num(canvas.height))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-\(kind)\" role=\"img\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" font-size=\"\(SVG.num(canvas.font))\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(description))</desc>"
            + SVG.hatchDefs(id) + canvas.body + "</svg>"
    }

    /// The `<figure>`: the wide layout, the narrow one (hidden until the theme's container query shows it
    /// instead of the wide one, so readers without that CSS, such as EPUB apps and PDF engines, see one chart),
    /// the data table and the caption.
    func figure(kind: String, wide: ChartCanvas, narrow: ChartCanvas, header: [String], rows: [[String]]) -> String {
        figure(kind: kind, body: "<div class=\"chart-layout chart-layout--wide\">" + svg(kind: kind, wide) + "</div>\n"
                + "<div class=\"chart-layout chart-layout--narrow\" hidden=\"hidden\">" + svg(kind: kind, narrow) + "</div>",
               header: header, rows: rows)
    }

    /// The `<figure>` of a chart drawn at its natural size that scrolls sideways inside its card when wider.
    func scrollingFigure(kind: String, canvas: ChartCanvas, header: [String], rows: [[String]]) -> String {
        figure(kind: kind, body: "<div class=\"chart-scroll\" tabindex=\"0\" role=\"region\" aria-label=\""
                + SVG.escape(title) + " (scrolls sideways)\">" + svg(kind: kind, canvas) + "</div>",
               header: header, rows: rows)
    }

    private func figure(kind: String, body: String, header: [String], rows: [[String]]) -> String {
        var html = "<figure class=\"chart chart-\(kind)\" id=\"\(safeID)\">\n" + body + "\n"
        html += "<details><summary>Show the data</summary><table><thead><tr>"
        html += header.map { "<th scope=\"col\">\(SVG.escape($0))</th>" }.joined()
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                html += i == 0 ? "<th scope=\"row\">\(SVG.escape(cell))</th>" : "<td>\(SVG.escape(cell))</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table></details>\n"
        html += "<figcaption>\(SVG.escape(caption ?? title))</figcaption>\n</figure>"
        return html
    }

    /// A value's text for tables and labels: the number, "fewer than N" when hidden for privacy, or "—" when
    /// there was nothing to measure.
    func text(_ value: Double?, display: String? = nil, unmeasured: Bool = false) -> String {
        guard let value else { return unmeasured ? Self.unmeasuredText : suppressedText }
        return display ?? SVG.defaultLabel(value)
    }

    /// What a chart writes for a value with nothing to measure.
    static let unmeasuredText = "—"
}
