/// The box a piece of chart text covers, in the chart's own coordinates, worked out with `TextWidth`.
package struct LabelBox: Sendable, Hashable {
    /// The text drawn.
    package var text: String
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    /// Creates a box.
    package init(text: String, x: Double, y: Double, width: Double, height: Double) {
        self.text = text; self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// Whether the two boxes share any area (touching edges do not count).
    package func overlaps(_ other: LabelBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// Whether the box lies within `0…width` × `0…height`.
    package func isInside(width: Double, height: Double) -> Bool {
        x >= -0.01 && y >= -0.01 && x + self.width <= width + 0.01 && y + self.height <= height + 0.01
    }
}
