import Foundation
import RippleCore
import RippleRender

/// Saves and loads what `ripple build --incremental` keeps between runs, in the site's cache folder
/// (`.ripple-cache/`, safe to delete). A missing, corrupt or other-version cache is ignored with a note; the
/// build then does everything, as a full build would.
///
/// The cache is split into segments, each a file named after the hash of its bytes, so a save writes only the
/// segments whose content changed and a load checks each against the hash the state segment gives for it:
/// - `state.bin`: the output manifest (path → hash), the render key of every page, the guide downloads' and the
///   sitemap's keys, the link check's ids and verdicts, and the names of the other segments;
/// - `content-….bin`: what `ContentBuilder` made of each content file, with the file's stamp (`CacheRecords`), so
///   an unchanged file is neither read nor parsed;
/// - `md-NN-….bin`: the Markdown results of the pages whose paths fall in segment NN, without their body HTML
///   (title, summary, headings, anchors, problems, content stamp, search document); a new process renders only
///   the Markdown of the pages whose output must be made again, and a one-chapter edit rewrites one segment.
package struct IncrementalCache: Sendable {
    /// Changes whenever the meaning of a saved key or the binary form changes.
    static let version: UInt64 = 10
    /// The first bytes of every segment.
    static let magic: UInt64 = 0x3143_454c_5050_4952  // "RIPPLEC1"
    /// The cache folder's name inside the site folder.
    package static let folderName = ".ripple-cache"
    /// The file names of earlier versions' caches (JSON, then one binary file); removed with a note when found.
    static let oldFileNames = ["incremental.json", "incremental.bin"]

    /// The state segment, which names the others.
    package var file: URL
    /// The output folder the cache describes; a cache made for another output is ignored.
    package var output: URL
    /// The site folder (content records are relative to it; the file stamps absolute).
    private var root: String
    private var folder: URL { file.deletingLastPathComponent() }

    /// A cache for building `source` into `output`.
    package init(source: URL, output: URL) {
        root = source.standardizedFileURL.path
        file = source.appending(path: Self.folderName).appending(path: "state.bin")
        self.output = output.standardizedFileURL
    }

    /// The saved state, or an empty one (with a note when a cache was there but unusable).
    package func load() -> (state: IncrementalState, note: Diagnostic?) {
        var hadOld = false
        for name in Self.oldFileNames {
            let old = folder.appending(path: name)
            if FileManager.default.fileExists(atPath: old.path) {
                hadOld = true
                try? FileManager.default.removeItem(at: old)
            }
        }
        guard let bytes = FolderWalk.read(file.path) else { return (IncrementalState(), hadOld ? unusable : nil) }
        let state = IncrementalState()
        do throws(BinaryReader.Corrupt) {
            var reader = try Self.reader(bytes)
            // The output folder changed behind our back (another output, deleted files): trust nothing of it.
            guard try reader.string() == output.path else { return (IncrementalState(), nil) }
            let content = try Self.readName(&reader)
            var names: [(index: Int, name: String, hash: UInt64)] = []
            for _ in 0..<(try reader.count(each: 24)) {
                let index = try reader.int()
                let (name, hash) = try Self.readName(&reader)
                names.append((index, name, hash))
            }
            var digests: [UInt64] = []
            for _ in 0..<(try reader.count(each: 8)) { digests.append(try reader.uint64()) }
            // The rest of the state, the content records and the Markdown segments are decoded at once, on every
            // core; each segment must have the hash the state gives it.
            let body = reader, folder = folder, root = root, segments = names
            let parts = Array(0..<(names.count + 2)).parallelMap { job -> LoadedPart? in
                switch job {
                case 0:
                    var reader = body, storage = IncrementalState.Storage()
                    guard (try? CacheContent.read(&storage, from: &reader)) != nil, reader.atEnd else { return nil }
                    return .storage(storage)
                case 1:
                    guard var records = try? Self.segment(folder, content.name, hash: content.hash),
                          (try? CacheRecords.read(into: state.content, files: state.files, root: root, from: &records)) != nil,
                          records.atEnd else { return nil }
                    return .records
                default:
                    guard var reader = try? Self.segment(folder, segments[job - 2].name, hash: segments[job - 2].hash),
                          let saved = try? CacheContent.readMarkdown(from: &reader), reader.atEnd else { return nil }
                    return .markdown(saved)
                }
            }
            guard case .storage(var storage)? = parts[0], case .records? = parts[1] else { throw BinaryReader.Corrupt() }
            // Every file of the manifest must still be there (asked of the file system on every core).
            let paths = Array(storage.manifest.keys), out = output.path + "/"
            let present = stride(from: 0, to: paths.count, by: 512).map { $0..<min($0 + 512, paths.count) }
                .parallelMap { range in paths[range].allSatisfy { access(out + $0, F_OK) == 0 } }
            guard access(out + StagedOutput.marker, F_OK) == 0, !present.contains(false) else { return (IncrementalState(), nil) }
            for (segment, part) in zip(names, parts.dropFirst(2)) {
                guard case .markdown(let saved)? = part else { throw BinaryReader.Corrupt() }
                storage.saved.merge(saved) { a, _ in a }
                storage.segments[segment.index] = .init(name: segment.name, hash: segment.hash, sources: Set(saved.keys))
            }
            // An unchanged search chunk is read back from the output, if it is still what the last build wrote.
            let chunkHashes = digests.indices.map { storage.manifest[SearchIndexFiles.chunkPath($0)] }
            state.search.restore(digests: digests) { k in
                guard k < chunkHashes.count, let expected = chunkHashes[k],
                      let bytes = FolderWalk.read(out + SearchIndexFiles.chunkPath(k)), ContentHash.of(bytes) == expected else { return nil }
                return bytes
            }
            state.storage.withLock { $0 = storage }
            return (state, nil)
        } catch {
            remove()  // a segment of the same name must not be taken as written by the next save
            return (IncrementalState(), unusable)
        }
    }

    /// What one job of `load` decoded.
    private enum LoadedPart: Sendable {
        case storage(IncrementalState.Storage)
        case records
        case markdown([String: IncrementalState.SavedMarkdown])
    }

    private var unusable: Diagnostic {
        Diagnostic(.note, "the incremental cache could not be read, so everything is built again",
                   at: SourceLocation(file: "\(Self.folderName)/\(file.lastPathComponent)"),
                   hint: "nothing to do: the cache is rewritten by this build (it is safe to delete)")
    }

    /// Saves `state`, writing only the segments that changed; a cache that cannot be written only makes the next
    /// build slower, so failures are ignored.
    package func save(_ state: IncrementalState) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var writer = Self.writer(capacity: 1 << 20)
        writer.add(output.path)
        let (storage, stamps, records) = (state.storage.withLock { $0 }, state.files.stamps, state.content.records)

        var content = Self.writer(capacity: 1 << 20)
        CacheRecords.write(records, stamps: stamps, root: root, to: &content)
        guard let contentName = write(content.bytes, prefix: "content") else { return }
        writer.add(contentName.name); writer.add(contentName.hash)

        // Narratives are left out: their HTML goes into the reports, which are made on every build.
        var grouping: [Int: [IncrementalState.MarkdownEntry]] = [:]
        for entry in storage.markdown.values where entry.page.kind != .narrative && entry.memo.page != nil {
            grouping[CacheContent.segment(of: entry.page.source), default: []].append(entry)
        }
        let groups = grouping
        // A segment whose pages are all as they were restored from it is kept as it is.
        let kept = groups.compactMapValues { entries -> IncrementalState.Segment? in
            guard let old = storage.segments[CacheContent.segment(of: entries[0].page.source)],
                  entries.allSatisfy({ $0.pageHash != nil }), old.sources == Set(entries.map(\.page.source)) else { return nil }
            return old
        }
        let folder = folder
        let made = groups.keys.filter { kept[$0] == nil }.sorted().parallelMap { index -> (Int, IncrementalState.Segment)? in
            var segment = Self.writer(capacity: 1 << 20)
            CacheContent.write(markdown: groups[index]!, to: &segment)
            let prefix = "md-" + (index < 10 ? "0" : "") + String(index)
            guard let named = Self.write(segment.bytes, prefix: prefix, in: folder) else { return nil }
            return (index, .init(name: named.name, hash: named.hash, sources: Set(groups[index]!.map(\.page.source))))
        }
        var segments = kept
        for case let (index, segment)? in made { segments[index] = segment }
        guard segments.count == groups.count else { return }
        writer.add(segments.count)
        for index in segments.keys.sorted() {
            writer.add(index); writer.add(segments[index]!.name); writer.add(segments[index]!.hash)
        }
        let digests = state.search.digests
        writer.add(digests.count)
        for digest in digests { writer.add(digest) }
        // The rest of the state last: a load decodes it while it reads the segments named above.
        CacheContent.write(storage, to: &writer)
        guard write(writer.bytes, to: file) else { return }
        state.storage.withLock { $0.segments = segments }
        // The segments no other state names.
        let named = Set(segments.values.map(\.name) + [contentName.name, file.lastPathComponent])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !named.contains(name) {
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
    }

    /// Forgets the saved state, deleting the cache folder (before a full build, which rewrites the output
    /// without updating the cache).
    package func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Segments

    private static func writer(capacity: Int) -> BinaryWriter {
        var writer = BinaryWriter(capacity: capacity)
        writer.add(magic)
        writer.add(version)
        return writer
    }

    /// A reader past the magic number and version of `bytes`, which must be this version's.
    private static func reader(_ bytes: [UInt8]) throws(BinaryReader.Corrupt) -> BinaryReader {
        var reader = BinaryReader(bytes)
        guard try reader.uint64() == magic, try reader.uint64() == version else { throw BinaryReader.Corrupt() }
        return reader
    }

    private static func readName(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> (name: String, hash: UInt64) {
        let name = try reader.string()
        // A plain file name in the cache folder, nothing else.
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { throw BinaryReader.Corrupt() }
        return (name, try reader.uint64())
    }

    /// The segment `name`, checked against `hash`.
    private static func segment(_ folder: URL, _ name: String, hash: UInt64) throws(BinaryReader.Corrupt) -> BinaryReader {
        guard let bytes = FolderWalk.read(folder.appending(path: name).path), ContentHash.of(bytes) == hash else {
            throw BinaryReader.Corrupt()
        }
        return try reader(bytes)
    }

    private func write(_ bytes: [UInt8], prefix: String) -> (name: String, hash: UInt64)? {
        Self.write(bytes, prefix: prefix, in: folder)
    }

    /// Writes a segment named after its hash, unless a file of that name is there already (the same bytes).
    private static func write(_ bytes: [UInt8], prefix: String, in folder: URL) -> (name: String, hash: UInt64)? {
        let hash = ContentHash.of(bytes)
        let hex = String(hash, radix: 16)
        let name = prefix + "-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin"
        let target = folder.appending(path: name)
        if FileManager.default.fileExists(atPath: target.path) { return (name, hash) }
        return write(bytes, to: target) ? (name, hash) : nil
    }

    /// Writes `bytes` to `target` through a temporary file renamed into place.
    @discardableResult
    private static func write(_ bytes: [UInt8], to target: URL) -> Bool {
        let temp = target.deletingLastPathComponent().appending(path: ".\(target.lastPathComponent).tmp-\(getpid())")
        let written = bytes.withUnsafeBytes { buffer in (try? FileReplace.replace(temp.path, with: buffer)) != nil }
        guard written else { return false }
        if rename(temp.path, target.path) != 0 { try? FileManager.default.removeItem(at: temp); return false }
        return true
    }

    private func write(_ bytes: [UInt8], to target: URL) -> Bool { Self.write(bytes, to: target) }
}
