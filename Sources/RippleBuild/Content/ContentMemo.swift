import RippleCore
import Synchronization

/// What `ContentBuilder` made of each file in earlier builds, reused while the file's bytes are the same
/// (`ripple serve`: after one save, one file's front matter is read again, not 10,000).
package final class ContentMemo: Sendable {
    /// A class, so that looking one up does not copy its page.
    private final class Entry: Sendable {
        let bytes: [UInt8]
        let includeDrafts: Bool
        let result: (ContentBuilder.Item, [Diagnostic])

        init(bytes: [UInt8], includeDrafts: Bool, result: (ContentBuilder.Item, [Diagnostic])) {
            self.bytes = bytes
            self.includeDrafts = includeDrafts
            self.result = result
        }
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// An empty memo.
    package init() {}

    /// The kept result for each file, when it was made from the same bytes with the same drafts setting.
    func recall(_ files: [SourceFile], includeDrafts: Bool) -> [(ContentBuilder.Item, [Diagnostic])?] {
        let kept = entries.withLock { entries in files.map { entries[$0.path] } }
        return zip(files, kept).map { file, entry in
            guard let entry, entry.includeDrafts == includeDrafts,
                  entry.bytes == file.bytes else { return nil }  // the same buffer when unchanged: compared at once
            return entry.result
        }
    }

    /// Keeps the result made from `file`.
    func remember(_ file: SourceFile, includeDrafts: Bool, _ result: (ContentBuilder.Item, [Diagnostic])) {
        entries.withLock { $0[file.path] = Entry(bytes: file.bytes, includeDrafts: includeDrafts, result: result) }
    }

    /// Forgets files that are gone.
    func keep(only paths: Set<String>) {
        entries.withLock { entries in
            let gone = entries.keys.filter { !paths.contains($0) }
            for path in gone { entries[path] = nil }
        }
    }
}
