import RippleCore
import Synchronization

/// What `ContentBuilder` made of each file in earlier builds, reused while the file's bytes are the same
/// (`ripple serve`: after one save, one file's front matter is read again, not 10,000).
package final class ContentMemo: Sendable {
    private struct Entry: Sendable {
        var bytes: [UInt8]
        var includeDrafts: Bool
        var result: (ContentBuilder.Item, [Diagnostic])
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// An empty memo.
    package init() {}

    /// The kept result for `file`, when it was made from the same bytes with the same drafts setting.
    func recall(_ file: SourceFile, includeDrafts: Bool) -> (ContentBuilder.Item, [Diagnostic])? {
        guard let entry = entries.withLock({ $0[file.path] }), entry.includeDrafts == includeDrafts,
              entry.bytes == file.bytes else { return nil }  // the same buffer when unchanged: compared at once
        return entry.result
    }

    /// Keeps the result made from `file`.
    func remember(_ file: SourceFile, includeDrafts: Bool, _ result: (ContentBuilder.Item, [Diagnostic])) {
        entries.withLock { $0[file.path] = Entry(bytes: file.bytes, includeDrafts: includeDrafts, result: result) }
    }

    /// Forgets files that are gone.
    func keep(only paths: Set<String>) {
        entries.withLock { entries in entries = entries.filter { paths.contains($0.key) } }
    }
}
