import RippleCore
import Synchronization

/// What `ContentBuilder` made of each file in earlier builds, reused while the file's bytes are the same
/// (`ripple serve`: after one save, one file's front matter is read again, not 10,000), and the last content
/// built, which a build whose changes leave every page in its place patches instead of assembling again.
///
/// Entries are matched by the hash of the file's bytes (and the bytes themselves while they are held), so
/// `ripple build --incremental` restores them from its cache (`records`, `restore`) and a file the loader left
/// unread (`SiteSource.unread`) is matched by the hash its stamp vouches for.
package final class ContentMemo: Sendable {
    /// A class, so that looking one up does not copy its page.
    final class Entry: Sendable {
        let hash: UInt64
        /// The bytes it was made from (nil: restored from the cache).
        let bytes: [UInt8]?
        let includeDrafts: Bool
        let result: (ContentBuilder.Item, [Diagnostic])
        /// The hashes of the files the page includes (nil: the file did not exist).
        let includes: [String: UInt64?]
        /// Whether the result can be saved and restored without the file's bytes: its page's body is the file's
        /// own (no includes), so it can be read again from the file when needed.
        let persistable: Bool

        init(hash: UInt64, bytes: [UInt8]?, includeDrafts: Bool, result: (ContentBuilder.Item, [Diagnostic]),
             includes: [String: UInt64?], persistable: Bool) {
            self.hash = hash
            self.bytes = bytes
            self.includeDrafts = includeDrafts
            self.result = result
            self.includes = includes
            self.persistable = persistable
        }

        /// Whether the entry was made from `file` as it is now.
        func holds(_ file: SourceFile, unread: [String: UInt64]) -> Bool {
            if let known = unread[file.path] { return known == hash }
            if let bytes { return bytes == file.bytes }  // the same buffer when unchanged: compared at once
            return ContentHash.of(file.bytes) == hash
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
    /// and every file it includes is as it was. `unread` files are known by hash (see `SiteSource.unread`).
    func recall(_ files: [SourceFile], includeDrafts: Bool, unread: [String: UInt64] = [:]) -> [Recalled] {
        let kept = entries.withLock { entries in files.map { entries[$0.path] } }
        var current: [String: SourceFile]?
        return zip(files, kept).map { file, entry in
            guard let entry else { return .new }
            guard entry.includeDrafts == includeDrafts, entry.holds(file, unread: unread) else { return .changed(entry.result.0) }
            if !entry.includes.isEmpty {
                let now = current ?? Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
                current = now
                for (path, hash) in entry.includes where now[path].map({ unread[$0.path] ?? ContentHash.of($0.bytes) }) != hash {
                    return .changed(entry.result.0)
                }
            }
            return .kept(entry.result)
        }
    }

    /// Keeps the result made from `file`, which included `includes` (their hashes, nil for a missing one);
    /// `persistable`: see `Entry`.
    func remember(_ file: SourceFile, includeDrafts: Bool, _ result: (ContentBuilder.Item, [Diagnostic]),
                  includes: [String: UInt64?] = [:], persistable: Bool = false) {
        let entry = Entry(hash: ContentHash.of(file.bytes), bytes: file.bytes, includeDrafts: includeDrafts, result: result,
                          includes: includes, persistable: persistable)
        entries.withLock { $0[file.path] = entry }
    }

    /// The entries that can be saved (see `Entry.persistable`), by path.
    var records: [String: Entry] {
        entries.withLock { $0.filter { $0.value.persistable } }
    }

    /// Takes entries saved by an earlier process (their pages read their bodies from their files when asked).
    func restore(_ records: [String: Entry]) {
        entries.withLock { $0.merge(records) { kept, _ in kept } }
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
