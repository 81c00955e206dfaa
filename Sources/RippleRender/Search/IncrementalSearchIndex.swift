import Synchronization

/// Keeps the last search index, chunk by chunk, so that the next index of nearly the same documents merges only
/// the chunks whose documents changed. Byte-identical to `SearchIndexFiles.files` always.
///
/// After a one-page edit, one chunk (of `SearchIndexFiles.pagesPerChunk` pages) is merged and written again;
/// pages added or removed shift the chunks after them, which are then merged again too.
package final class IncrementalSearchIndex: Sendable {
    private struct Chunk: Sendable {
        var documents: ArraySlice<PackedDocument>
        var bytes: [UInt8]
    }

    private let size: Int
    private let state = Mutex<(chunks: [Chunk], merged: [Int])>(([], []))

    /// Creates an index that remembers nothing yet (the first call merges every chunk); `pagesPerChunk` is for
    /// tests.
    package init(pagesPerChunk: Int = SearchIndexFiles.pagesPerChunk) {
        size = pagesPerChunk
    }

    /// The files of `SearchIndexFiles.files(documents)`.
    package func files(_ documents: [PackedDocument]) -> [(path: String, bytes: [UInt8])] {
        state.withLock { state in
            let slices = SearchIndexFiles.chunks(documents, size: size)
            let old = state.chunks
            let changed = slices.indices.filter { k in k >= old.count || old[k].documents != slices[k] }
            let merged = changed.parallelMap { k in SearchIndex(analysed: slices[k].map(\.document)).javaScriptBytes(chunk: k) }
            var chunks = slices.indices.map { k in Chunk(documents: slices[k], bytes: k < old.count ? old[k].bytes : []) }
            for (k, bytes) in zip(changed, merged) { chunks[k].bytes = bytes }
            state = (chunks, changed)
            return [(SearchIndex.fileName, SearchIndexFiles.manifest(chunks: chunks.count))]
                + chunks.enumerated().map { (SearchIndexFiles.chunkPath($0), $1.bytes) }
        }
    }

    /// The chunks the last call merged again (for tests).
    package var lastMerged: [Int] { state.withLock { $0.merged } }
}
