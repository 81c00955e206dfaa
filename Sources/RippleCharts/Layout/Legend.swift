/// A chart legend laid out from measured text widths: entries left to right, wrapping into rows, each name
/// shortened with `…` only when it alone is wider than the chart.
enum Legend {
    /// Gap between a key and its name, and between entries.
    static let keyGap = 6.0, entryGap = 18.0

    /// Places `names` in rows from `top` across `canvas`; `key(index, x, middleY)` returns the SVG of each
    /// entry's key, `keyWidth` wide. Every entry is a `legend-item` group carrying `data-series`. Returns the
    /// y below the last row.
    static func place(_ names: [String], on canvas: inout ChartCanvas, top: Double, keyWidth: Double,
                      key: (Int, Double, Double) -> String) -> Double {
        guard !names.isEmpty else { return top }
        let rowHeight = canvas.font * 1.7
        let maxText = canvas.width - keyWidth - keyGap
        var x = 0.0, rowTop = top
        canvas.add("<g class=\"legend\">")
        for (index, name) in names.enumerated() {
            let text = TextWidth.truncated(name, size: canvas.font, maxWidth: maxText)
            let width = keyWidth + keyGap + TextWidth.of(text, size: canvas.font)
            if x > 0, x + width > canvas.width {
                x = 0
                rowTop += rowHeight
            }
            let middle = rowTop + rowHeight / 2
            canvas.add("<g class=\"legend-item\" data-series=\"\(index)\">" + key(index, x, middle))
            canvas.text(text, x: x + keyWidth + keyGap, y: middle + canvas.font * 0.35)
            canvas.add("</g>")
            x += width + entryGap
        }
        canvas.add("</g>")
        return rowTop + rowHeight
    }
}
