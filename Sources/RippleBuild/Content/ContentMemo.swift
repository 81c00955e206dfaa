import RippleCore
import Synchronization

/// What `ContentBuilder` made of each file in earlier builds, reused while the file's bytes are the same
/// (`ripple serve`: after one save, one file's front matter is read again, not 10,000), and the last content
/// built, which a build whose changes leave every page in its place patches instead of assembling again.
package final class ContentMemo: Sendable {
    /// A class, so that looking one up does not copy its page.
    private final class Entry: Sendable {
        let bytes: [UInt8]
        let includeDrafts: Bool
        let result: (ContentBuilder.Item, [Diagnostic])
        /// The bytes of the files the page includes (nil: the file did not exist).
        let includes: [String: [UInt8]?]

        init(bytes: [UInt8], includeDrafts: Bool, result: (ContentBuilder.Item, [Diagnostic]), includes: [String: [UInt8]?]) {
            self.bytes = bytes
            self.includeDrafts = includeDrafts
            self.result = result
            self.includes = includes
        }
    }

    /// What the memo knows of one file.
    enum Recalled {
        /// The file is as before: its result.
        case kept((ContentBuilder.Item, [Diagnostic]))
        /// The file changed: what it was before.
        case changed(ContentBuilder.Item)
        /// A file not seen before.
        case new
    }

    /// The last build's content and the problems found across its pages (duplicate output paths).
    struct Last: Sendable {
        var content: SiteContent
        var crossPageProblems: [Diagnostic]
        var includeDrafts: Bool
        /// Whether this content was patched from the one before (for tests).
        var patched = false
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lastBuilt = Mutex<Last?>(nil)

    /// An empty memo.
    package init() {}

    /// What is known of each file: its kept result when made from the same bytes with the same drafts setting,
    /// and every file it includes is as it was.
    func recall(_ files: [SourceFile], includeDrafts: Bool) -> [Recalled] {
        let kept = entries.withLock { entries in files.map { entries[$0.path] } }
        var current: [String: [UInt8]]?
        return zip(files, kept).map { file, entry in
            guard let entry else { return .new }
            // The same buffer when unchanged: compared at once.
            guard entry.includeDrafts == includeDrafts, entry.bytes == file.bytes else { return .changed(entry.result.0) }
            if !entry.includes.isEmpty {
                let now = current ?? Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
                current = now
                for (path, bytes) in entry.includes where now[path] != bytes { return .changed(entry.result.0) }
            }
            return .kept(entry.result)
        }
    }

    /// Keeps the result made from `file`, which included `includes` (their bytes, nil for a missing one).
    func remember(_ file: SourceFile, includeDrafts: Bool, _ result: (ContentBuilder.Item, [Diagnostic]),
                  includes: [String: [UInt8]?] = [:]) {
        entries.withLock {
            $0[file.path] = Entry(bytes: file.bytes, includeDrafts: includeDrafts, result: result, includes: includes)
        }
    }

    /// How many files are remembered.
    var count: Int { entries.withLock { $0.count } }

    /// Forgets files that are gone.
    func keep(only paths: Set<String>) {
        entries.withLock { entries in
            let gone = entries.keys.filter { !paths.contains($0) }
            for path in gone { entries[path] = nil }
        }
    }

    /// The last content built.
    var last: Last? {
        get { lastBuilt.withLock { $0 } }
        set { lastBuilt.withLock { $0 = newValue } }
    }
}
