import RippleCore
import RippleTemplate
import Synchronization

/// The sidebar and guide-index entries of the chapters as seen from one folder, made when first asked for,
/// in blocks. A chapter page shows a window of `PageContext.sidebarWindow` entries, so a rebuild that renders
/// one page of a 10,000-chapter guide makes a block or two of entries, not ten thousand; a full build still
/// makes each entry once.
final class ChapterEntries: Sendable {
    private static let blockSize = 64
    private let chapters: [RenderedPage]
    private let path: String
    private let blocks: Mutex<[Int: [TemplateValue]]>

    /// Entries of `chapters` with links relative to the page at `path`.
    init(_ chapters: [RenderedPage], from path: String) {
        self.chapters = chapters
        self.path = path
        blocks = Mutex([:])
    }

    /// Entries `range` (each with `current` false).
    func entries(_ range: Range<Int>) -> [TemplateValue] {
        guard !range.isEmpty else { return [] }
        let first = range.lowerBound / Self.blockSize, last = (range.upperBound - 1) / Self.blockSize
        let known = blocks.withLock { blocks in (first...last).map { blocks[$0] } }
        var result: [TemplateValue] = []
        result.reserveCapacity(range.count)
        let missing = (first...last).filter { known[$0 - first] == nil }
        // Many blocks at once (the guide index) are made on all cores.
        let made = missing.count > 1 ? missing.parallelMap(block) : missing.map(block)
        if !made.isEmpty {
            blocks.withLock { blocks in for (number, entries) in zip(missing, made) { blocks[number] = entries } }
        }
        var madeByNumber = Dictionary(uniqueKeysWithValues: zip(missing, made))
        for number in first...last {
            let entries = known[number - first] ?? madeByNumber.removeValue(forKey: number)!
            let start = number * Self.blockSize
            let lower = max(range.lowerBound, start) - start, upper = min(range.upperBound, start + entries.count) - start
            result += entries[lower..<upper]
        }
        return result
    }

    /// Entry `i` as seen from the page at `path` (this folder's by default), marked as the current page or not.
    func entry(_ i: Int, current: Bool, from path: String? = nil) -> TemplateValue {
        let chapter = chapters[i]
        return .object(["number": .int(i + 1), "title": .string(chapter.title), "summary": .string(chapter.summary),
                        "url": .string(OutputPath.relativeHref(from: path ?? self.path, to: chapter.page.outputPath)),
                        "current": .bool(current)])
    }

    private func block(_ number: Int) -> [TemplateValue] {
        let start = number * Self.blockSize
        return (start..<min(start + Self.blockSize, chapters.count)).map { entry($0, current: false) }
    }
}
