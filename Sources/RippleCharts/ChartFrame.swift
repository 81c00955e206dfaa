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

    /// Opens the SVG with its accessible name and description.
    func openSVG(kind: String, width: Double, height: Double) -> String {
        let id = safeID
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-\(kind)\" role=\"img\" "
            + "viewBox=\"0 0 \(SVG.num(width)) \(SVG.num(height))\" width=\"\(SVG.num(width))\" height=\"\(SVG.num(height))\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(description))</desc>"
            + SVG.hatchDefs(id)
    }

    /// Wraps a finished `<svg>` with the data table and caption.
    func figure(kind: String, svg: String, header: [String], rows: [[String]]) -> String {
        var html = "<figure class=\"chart chart-\(kind)\" id=\"\(safeID)\">\n" + svg + "\n"
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

    /// A value's text for tables and labels.
    func text(_ value: Double?, display: String? = nil) -> String {
        guard let value else { return suppressedText }
        return display ?? SVG.defaultLabel(value)
    }
}
