/// Labels along a horizontal axis of categories (quarters): every label when they fit, otherwise every
/// second, third … counted back from the last (the latest quarter is always named), so none overlap at any
/// number of categories. Points without a label still carry it in their tooltip and the data table.
enum CategoryAxis {
    /// Space kept between two neighbouring labels.
    static let gap = 8.0

    /// The label's centre moved so the whole label stays within `minX…maxX`.
    static func centre(_ x: Double, width: Double, minX: Double, maxX: Double) -> Double {
        min(max(x, minX + width / 2), maxX - width / 2)
    }

    /// Indices of the labels to write, oldest first.
    static func shown(_ labels: [String], at xs: [Double], font: Double, minX: Double, maxX: Double) -> [Int] {
        guard !labels.isEmpty else { return [] }
        let widths = labels.map { TextWidth.of($0, size: font) }
        for step in 1...labels.count {
            let picked = Array(stride(from: labels.count - 1, through: 0, by: -step).reversed())
            let fits = zip(picked, picked.dropFirst()).allSatisfy { a, b in
                let right = centre(xs[a], width: widths[a], minX: minX, maxX: maxX) + widths[a] / 2
                let left = centre(xs[b], width: widths[b], minX: minX, maxX: maxX) - widths[b] / 2
                return right + gap <= left
            }
            if fits { return picked }
        }
        return [labels.count - 1]
    }
}
