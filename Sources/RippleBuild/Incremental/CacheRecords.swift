import RippleCore

/// The content segment of the incremental cache: what `ContentBuilder` made of each content file (its page
/// without the body, or a static file), keyed by the hash of the file's bytes, with the file's stamp (size,
/// modification time, inode) so that the next process neither reads nor parses a file whose stamp is the same.
/// A restored page reads its body from its file when first asked for (`ContentBuilder.withLazyBody`).
enum CacheRecords {
    /// Writes the memo's persistable entries, each with its file's stamp when `stamps` (absolute path → entry)
    /// has one for the same bytes.
    static func write(_ records: [String: ContentMemo.Entry], stamps: [String: FileMemo.Entry], root: String,
                      to writer: inout BinaryWriter) {
        let paths = records.keys.sorted()
        // The bodies of pages parsed in this process are hashed on every core (restored ones know their hash).
        let bodyHashes = paths.parallelMap { path -> UInt64 in
            if case .page(let page) = records[path]!.result.0 { return page.bodyHash }
            return 0
        }
        writer.add(paths.count)
        for (path, bodyHash) in zip(paths, bodyHashes) {
            let entry = records[path]!
            writer.add(path); writer.add(entry.hash); writer.add(entry.includeDrafts)
            let stamp = stamps[root + "/" + path].flatMap { $0.hash == entry.hash ? $0 : nil }
            writer.add(stamp != nil)
            if let stamp { writer.add(stamp.size); writer.add(stamp.seconds); writer.add(stamp.nanoseconds); writer.add(stamp.inode) }
            switch entry.result.0 {
            case .skipped:
                writer.add(0)
            case .file(let file):
                writer.add(1); writer.add(file.source); writer.add(file.outputPath)
            case .page(let page):
                writer.add(2)
                write(page, bodyHash: bodyHash, to: &writer)
            }
            CacheContent.write(entry.result.1, to: &writer)
        }
    }

    /// Reads what `write` wrote into `memo` and `files` (whose keys are absolute: `root` + "/" + path).
    static func read(into memo: ContentMemo, files: FileMemo, root: String,
                     from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        var records: [String: ContentMemo.Entry] = [:]
        var stamps: [String: FileMemo.Entry] = [:]
        let count = try reader.count(each: 26)
        records.reserveCapacity(count)
        stamps.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.string()
            let hash = try reader.uint64(), includeDrafts = try reader.bool()
            if try reader.bool() {
                stamps[root + "/" + path] = FileMemo.Entry(
                    size: try reader.int(), seconds: try reader.int(), nanoseconds: try reader.int(), inode: try reader.uint64(),
                    hash: hash, bytes: nil, settled: true)
            }
            let item: ContentBuilder.Item
            switch try reader.int() {
            case 0: item = .skipped
            case 1: item = .file(StaticFile(source: try reader.string(), outputPath: try reader.string()))
            case 2: item = .page(try readPage(&reader, root: root))
            default: throw BinaryReader.Corrupt()
            }
            let diagnostics = try CacheContent.readDiagnostics(&reader)
            records[path] = ContentMemo.Entry(hash: hash, bytes: nil, includeDrafts: includeDrafts, result: (item, diagnostics),
                                              includes: [:], persistable: true)
        }
        memo.restore(records)
        files.restore(stamps)
    }

    private static func write(_ page: Page, bodyHash: UInt64, to writer: inout BinaryWriter) {
        writer.add(page.kind.rawValue); writer.add(page.source); writer.add(page.title); writer.add(page.summary)
        writer.add(page.weight); writer.add(page.draft); writer.add(page.slug)
        writer.add(page.date.map { Int($0.ordinal) })
        let keys = page.extra.keys.sorted()
        writer.add(keys.count)
        for key in keys { writer.add(key); writer.add(page.extra[key]!) }
        writer.add(page.bodyLineOffset)
        writer.add(page.part); writer.add(page.depth); writer.add(page.outputPath); writer.add(page.linkTitle)
        writer.add(bodyHash)
    }

    private static func readPage(_ reader: inout BinaryReader, root: String) throws(BinaryReader.Corrupt) -> Page {
        guard let kind = PageKind(rawValue: try reader.string()) else { throw BinaryReader.Corrupt() }
        let source = try reader.string(), title = try reader.optionalString(), summary = try reader.optionalString()
        let weight = try reader.optionalInt(), draft = try reader.bool(), slug = try reader.string()
        let date = try reader.optionalInt().map { Day(ordinal: Int32(truncatingIfNeeded: $0)) }
        var extra: [String: String] = [:]
        for _ in 0..<(try reader.count(each: 16)) {
            let key = try reader.string()
            extra[key] = try reader.string()
        }
        let offset = try reader.int()
        let part = try reader.optionalString(), depth = try reader.int(), output = try reader.string()
        let linkTitle = try reader.optionalString()
        let bodyHash = try reader.uint64()
        var page = Page(kind: kind, source: source, title: title, summary: summary, weight: weight, draft: draft, slug: slug,
                        date: date, extra: extra, body: "", bodyLineOffset: offset, outputPath: output)
        page.part = part
        page.depth = depth
        page.linkTitle = linkTitle
        return ContentBuilder.withLazyBody(page, bodyHash: bodyHash, root: root)
    }
}
