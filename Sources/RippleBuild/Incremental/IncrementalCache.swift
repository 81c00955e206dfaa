import Foundation
import RippleCore

/// Saves and loads what `ripple build --incremental` keeps between runs, in the site's cache folder
/// (`.ripple-cache/`, safe to delete). A missing, corrupt or other-version cache is ignored with a note; the
/// build then does everything, as a full build would.
///
/// Saved: the output manifest (path → hash), the render key of every page and the guide downloads' key.
/// Markdown results and link scans live only in memory (`ripple serve`); a new process renders the Markdown
/// again but still skips the templates and writing of unchanged pages.
package struct IncrementalCache: Sendable {
    /// Changes whenever the meaning of a saved key changes.
    static let version = 2
    /// The cache folder's name inside the site folder.
    package static let folderName = ".ripple-cache"

    /// The cache file.
    package var file: URL
    /// The output folder the cache describes; a cache made for another output is ignored.
    package var output: URL

    /// A cache for building `source` into `output`.
    package init(source: URL, output: URL) {
        file = source.appending(path: Self.folderName).appending(path: "incremental.json")
        self.output = output.standardizedFileURL
    }

    private struct Snapshot: Codable {
        var version: Int
        var output: String
        var manifest: [String: UInt64]
        var pageKeys: Set<UInt64>
        var guideKey: UInt64?
    }

    /// The saved state, or an empty one (with a note when a cache was there but unusable).
    package func load() -> (state: IncrementalState, note: Diagnostic?) {
        let state = IncrementalState()
        guard let data = FileManager.default.contents(atPath: file.path) else { return (state, nil) }
        guard let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data), snapshot.version == Self.version else {
            return (state, Diagnostic(.note, "the incremental cache could not be read, so everything is built again",
                                      at: SourceLocation(file: "\(Self.folderName)/incremental.json"),
                                      hint: "nothing to do: the cache is rewritten by this build (it is safe to delete)"))
        }
        // The output folder changed behind our back (another output, deleted files): trust nothing of it.
        guard snapshot.output == output.path,
              FileManager.default.fileExists(atPath: output.appending(path: StagedOutput.marker).path),
              snapshot.manifest.keys.allSatisfy({ FileManager.default.fileExists(atPath: output.appending(path: $0).path) })
        else { return (state, nil) }
        state.storage.withLock { storage in
            storage.manifest = snapshot.manifest
            storage.pageKeys = snapshot.pageKeys
            storage.guideKey = snapshot.guideKey
        }
        return (state, nil)
    }

    /// Saves `state`; a cache that cannot be written only makes the next build slower, so failures are ignored.
    package func save(_ state: IncrementalState) {
        let snapshot = state.storage.withLock { storage in
            Snapshot(version: Self.version, output: output.path, manifest: storage.manifest, pageKeys: storage.pageKeys,
                     guideKey: storage.guideKey)
        }
        guard let data = try? JSONEncoder().encode(snapshot) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = file.deletingLastPathComponent().appending(path: "incremental.json.tmp-\(getpid())")
        guard (try? data.write(to: temp)) != nil else { return }
        if rename(temp.path, file.path) != 0 { try? FileManager.default.removeItem(at: temp) }
    }

    /// Forgets the saved state (before a full build, which rewrites the output without updating the cache).
    package func remove() { try? FileManager.default.removeItem(at: file) }
}
