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
    /// Each chapter's number (`ChapterNumbering`).
    private let labels: [String]
    private let path: String
    private let blocks: Mutex<[Int: [TemplateValue]]>

    /// Entries of `chapters` with links relative to the page at `path`.
    init(_ chapters: [RenderedPage], labels: [String], from path: String) {
        self.chapters = chapters
        self.labels = labels
        self.path = path
        blocks = Mutex([:])
    }

    /// Entries `range` (each with `current` false).
    func entries(_ range: Range<Int>) -> [TemplateValue] {
        guard !range.isEmpty else { return [] }
        let numbers = Array((range.lowerBound / Self.blockSize)...((range.upperBound - 1) / Self.blockSize))
        var found = blocks.withLock { blocks in numbers.map { blocks[$0] } }
        let missing = numbers.indices.filter { found[$0] == nil }
        // Many blocks at once (the guide index) are made on all cores.
        let made = missing.count > 1 ? missing.parallelMap { block(numbers[$0]) } : missing.map { block(numbers[$0]) }
        for (k, entries) in zip(missing, made) { found[k] = entries }
        if !made.isEmpty { blocks.withLock { blocks in for k in missing { blocks[numbers[k]] = found[k] } } }
        let offset = numbers[0] * Self.blockSize
        return Array(found.flatMap { $0! }[(range.lowerBound - offset)..<(range.upperBound - offset)])
    }

    /// Entry `i` as seen from the page at `path` (this folder's by default), marked as the current page or not.
    func entry(_ i: Int, current: Bool, from path: String? = nil) -> TemplateValue {
        let chapter = chapters[i]
        return .object(["number": .string(labels[i]), "position": .int(i + 1), "depth": .int(chapter.page.depth),
                        "nested": .bool(chapter.page.depth > 1), "title": .string(chapter.page.linkTitle ?? chapter.title), "summary": .string(chapter.summary),
                        "url": .string(OutputPath.relativeHref(from: path ?? self.path, to: chapter.page.outputPath)),
                        "current": .bool(current)])
    }

    private func block(_ number: Int) -> [TemplateValue] {
        let start = number * Self.blockSize
        return (start..<min(start + Self.blockSize, chapters.count)).map { entry($0, current: false) }
    }
}
