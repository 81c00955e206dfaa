import RippleCore
import Synchronization

/// Keeps the last search index, chunk by chunk, so that the next index of nearly the same documents merges only
/// the chunks whose documents changed. Byte-identical to `SearchIndexFiles.files` always.
///
/// After a one-page edit, one chunk (of `SearchIndexFiles.pagesPerChunk` pages) is merged and written again;
/// pages added or removed shift the chunks after them, which are then merged again too. A chunk is known by a
/// digest of its packed documents, which the incremental cache keeps: a new process reads an unchanged chunk back
/// from the output instead of merging it again.
package final class IncrementalSearchIndex: Sendable {
    private struct Chunk: Sendable {
        var digest: UInt64
        /// nil for a chunk restored by `restore`, until `files` reads it back.
        var bytes: [UInt8]?
    }

    private let size: Int
    private let state = Mutex<(chunks: [Chunk], merged: [Int])>(([], []))
    /// Reads a restored chunk's bytes back (nil when they are gone or not what was written).
    private let stored = Mutex<(@Sendable (Int) -> [UInt8]?)?>(nil)

    /// Creates an index that remembers nothing yet (the first call merges every chunk); `pagesPerChunk` is for
    /// tests.
    package init(pagesPerChunk: Int = SearchIndexFiles.pagesPerChunk) {
        size = pagesPerChunk
    }

    /// The files of `SearchIndexFiles.files(documents)`.
    package func files(_ documents: [PackedDocument]) -> [(path: String, bytes: [UInt8])] {
        state.withLock { state in
            let slices = SearchIndexFiles.chunks(documents, size: size)
            let digests = Array(slices.indices).parallelMap { Self.digest(slices[$0]) }
            let read = stored.withLock { $0 }
            let old = state.chunks
            let kept = Array(slices.indices).parallelMap { k -> [UInt8]? in
                guard k < old.count, old[k].digest == digests[k] else { return nil }
                return old[k].bytes ?? read?(k)
            }
            let changed = slices.indices.filter { kept[$0] == nil }
            let merged = changed.parallelMap { k in SearchIndex(analysed: slices[k].map(\.document)).javaScriptBytes(chunk: k) }
            var chunks = slices.indices.map { k in Chunk(digest: digests[k], bytes: kept[k]) }
            for (k, bytes) in zip(changed, merged) { chunks[k].bytes = bytes }
            state = (chunks, changed)
            return [(SearchIndex.fileName, SearchIndexFiles.manifest(chunks: chunks.count))]
                + chunks.enumerated().map { (SearchIndexFiles.chunkPath($0), $1.bytes ?? []) }
        }
    }

    /// The chunks the last call merged again (for tests).
    package var lastMerged: [Int] { state.withLock { $0.merged } }

    /// The digest of each chunk of the last index, for the incremental cache.
    package var digests: [UInt64] { state.withLock { $0.chunks.map(\.digest) } }

    /// Takes the digests a cache kept; an unchanged chunk's bytes come from `read(k)` (nil: merge it again).
    package func restore(digests: [UInt64], read: @escaping @Sendable (Int) -> [UInt8]?) {
        state.withLock { $0 = (digests.map { Chunk(digest: $0, bytes: nil) }, []) }
        stored.withLock { $0 = read }
    }

    private static func digest(_ documents: ArraySlice<PackedDocument>) -> UInt64 {
        var hash = ContentHash()
        hash.add(documents.count)
        for document in documents { hash.add(document.bytes) }
        return hash.value
    }
}
