/// The numbers a guide shows for its chapters: `1`, `2`, … for chapters and parts, `4.1`, `4.2`, … for the
/// chapters of part 4.
package enum ChapterNumbering {
    /// The number of each chapter, given each chapter's depth (1 or 2) in reading order.
    package static func labels(_ depths: [Int]) -> [String] {
        var top = 0, sub = 0
        return depths.map { depth in
            if depth <= 1 || top == 0 {
                top += 1
                sub = 0
                return String(top)
            }
            sub += 1
            return "\(top).\(sub)"
        }
    }
}
