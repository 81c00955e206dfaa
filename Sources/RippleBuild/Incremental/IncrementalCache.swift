import Foundation
import RippleCore

/// Saves and loads what `ripple build --incremental` keeps between runs, in the site's cache folder
/// (`.ripple-cache/`, safe to delete). A missing, corrupt or other-version cache is ignored with a note; the
/// build then does everything, as a full build would.
///
/// Saved, in a binary form (`CacheWriter`): the output manifest (path → hash), the render key of every page,
/// the guide downloads' and the sitemap's keys, every page's Markdown result without its body HTML (title,
/// summary, headings, anchors, problems, content stamp, search document), and the link check's ids and
/// verdicts. A new process then renders only the Markdown of the pages whose output must be made again.
package struct IncrementalCache: Sendable {
    /// Changes whenever the meaning of a saved key or the binary form changes.
    static let version: UInt64 = 3
    /// The first bytes of the cache file.
    static let magic: UInt64 = 0x3143_454c_5050_4952  // "RIPPLEC1"
    /// The cache folder's name inside the site folder.
    package static let folderName = ".ripple-cache"
    /// The file name of the cache before version 3 (JSON); removed with a note when found.
    static let oldFileName = "incremental.json"

    /// The cache file.
    package var file: URL
    /// The output folder the cache describes; a cache made for another output is ignored.
    package var output: URL

    /// A cache for building `source` into `output`.
    package init(source: URL, output: URL) {
        file = source.appending(path: Self.folderName).appending(path: "incremental.bin")
        self.output = output.standardizedFileURL
    }

    /// The saved state, or an empty one (with a note when a cache was there but unusable).
    package func load() -> (state: IncrementalState, note: Diagnostic?) {
        let state = IncrementalState()
        let old = file.deletingLastPathComponent().appending(path: Self.oldFileName)
        let hadOld = FileManager.default.fileExists(atPath: old.path)
        if hadOld { try? FileManager.default.removeItem(at: old) }
        guard let bytes = FolderWalk.read(file.path) else { return (state, hadOld ? unusable : nil) }
        var reader = CacheReader(bytes)
        do throws(CacheReader.Corrupt) {
            guard try reader.uint64() == Self.magic, try reader.uint64() == Self.version else { throw CacheReader.Corrupt() }
            // The output folder changed behind our back (another output, deleted files): trust nothing of it.
            guard try reader.string() == output.path else { return (state, nil) }
            var storage = IncrementalState.Storage()
            try CacheContent.read(&storage, from: &reader)
            guard reader.atEnd else { throw CacheReader.Corrupt() }
            guard FileManager.default.fileExists(atPath: output.appending(path: StagedOutput.marker).path),
                  storage.manifest.keys.allSatisfy({ FileManager.default.fileExists(atPath: output.appending(path: $0).path) })
            else { return (state, nil) }
            state.storage.withLock { $0 = storage }
            return (state, nil)
        } catch {
            return (state, unusable)
        }
    }

    private var unusable: Diagnostic {
        Diagnostic(.note, "the incremental cache could not be read, so everything is built again",
                   at: SourceLocation(file: "\(Self.folderName)/\(file.lastPathComponent)"),
                   hint: "nothing to do: the cache is rewritten by this build (it is safe to delete)")
    }

    /// Saves `state`; a cache that cannot be written only makes the next build slower, so failures are ignored.
    package func save(_ state: IncrementalState) {
        var writer = CacheWriter(capacity: 1 << 20)
        writer.add(Self.magic)
        writer.add(Self.version)
        writer.add(output.path)
        state.storage.withLock { CacheContent.write($0, to: &writer) }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = file.deletingLastPathComponent().appending(path: "incremental.bin.tmp-\(getpid())")
        let written = writer.bytes.withUnsafeBytes { buffer in (try? FileReplace.replace(temp.path, with: buffer)) != nil }
        guard written else { return }
        if rename(temp.path, file.path) != 0 { try? FileManager.default.removeItem(at: temp) }
    }

    /// Forgets the saved state (before a full build, which rewrites the output without updating the cache).
    package func remove() {
        try? FileManager.default.removeItem(at: file)
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent().appending(path: Self.oldFileName))
    }
}
