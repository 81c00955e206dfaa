/// The files of the site's search index: a small manifest, `search-index.js`, and the pages' index cut into
/// chunks of `pagesPerChunk` consecutive pages, `search/chunk-<k>.js`, each a `SearchIndex` of its own.
///
/// Chunks follow the order of the documents (the Markdown pages in reading order, then the generated pages), so
/// editing one page changes one chunk: an incremental build merges and writes only that one again
/// (`IncrementalSearchIndex`). `search.js` loads the manifest, then every chunk, and searches them as one index.
///
/// The manifest, `window.RippleSearchIndex`: `v` (2), `stop` (the stop words, space-separated, so the browser
/// drops the same words from queries) and `chunks` (how many chunk files there are).
package enum SearchIndexFiles {
    /// Pages per chunk: a 10,000-page guide makes 40 chunks of about 370 KB.
    package static let pagesPerChunk = 250

    /// The folder of the chunk files, relative to the site root.
    package static let folder = "search"

    /// Chunk `k`'s file, relative to the site root.
    package static func chunkPath(_ k: Int) -> String { "\(folder)/chunk-\(k).js" }

    /// Whether `path` is one of the index's files (the manifest or a chunk).
    package static func contains(_ path: String) -> Bool {
        path == SearchIndex.fileName || (path.hasPrefix(folder + "/chunk-") && path.hasSuffix(".js"))
    }

    /// The documents of each chunk: consecutive runs of `size` (the last may be shorter; none when there are no
    /// documents).
    package static func chunks<T>(_ documents: [T], size: Int = pagesPerChunk) -> [ArraySlice<T>] {
        stride(from: 0, to: documents.count, by: size).map { documents[$0..<min($0 + size, documents.count)] }
    }

    /// The manifest for `chunks` chunk files.
    package static func manifest(chunks: Int) -> [UInt8] {
        var text = "window.RippleSearchIndex={\"v\":2,\"stop\":\""
        text += SearchText.stopWords.joined(separator: " ")  // lower-case ASCII letters: nothing to escape
        text += "\",\"chunks\":\(chunks)};\n"
        return Array(text.utf8)
    }

    /// Every file of the index of `documents`, manifest first: path and bytes.
    package static func files(_ documents: [PackedDocument], size: Int = pagesPerChunk) -> [(path: String, bytes: [UInt8])] {
        let chunks = chunks(documents, size: size)
        let written = Array(chunks.indices).parallelMap { k in SearchIndex(analysed: chunks[k].map(\.document)).javaScriptBytes(chunk: k) }
        return [(SearchIndex.fileName, manifest(chunks: chunks.count))] + written.enumerated().map { (chunkPath($0), $1) }
    }
}
