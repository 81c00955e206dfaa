import RippleCore
import RippleMarkdown
import RippleRender

/// What of an `IncrementalState` the cache's segments hold, and in which order: in the state segment the keys
/// and manifest and the link check's memo (scans keep their ids only); in each Markdown segment the results of
/// the pages whose source paths fall in it (moved to `saved`, to be matched by page hash). Every read of a count
/// or a string is checked, so a corrupt file throws.
enum CacheContent {
    /// How many Markdown segments the pages are spread over: a one-chapter edit rewrites one of them.
    static let markdownSegments = 64

    /// The Markdown segment of the page at `source`.
    static func segment(of source: String) -> Int {
        Int(ContentHash.of(Array(source.utf8)) % UInt64(markdownSegments))
    }

    static func write(_ storage: IncrementalState.Storage, to writer: inout BinaryWriter) {
        writer.add(storage.manifest.count)
        for (path, hash) in storage.manifest { writer.add(path); writer.add(hash) }
        writer.add(storage.pageKeys.count)
        for key in storage.pageKeys { writer.add(key) }
        writer.add(optional: storage.guideKey)
        writer.add(optional: storage.sitemapKey)

        writer.add(optional: storage.checkedSite)
        writer.add(storage.linksCommitted)
        writer.add(storage.scans.count)
        for (path, scan) in storage.scans {
            writer.add(path); writer.add(scan.hash); writer.add(scan.ids); writer.add(Array(scan.page.ids))
        }
        writer.add(storage.links.count)
        for (path, verdict) in storage.links {
            writer.add(path); writer.add(verdict.hash)
            writer.add(verdict.broken.count)
            for link in verdict.broken {
                writer.add(link.file); writer.add(link.line); writer.add(link.url); writer.add(link.text)
                writer.add(link.target); writer.add(link.reason); writer.add(link.hint)
            }
            writer.add(verdict.external)
        }
        writer.add(Array(storage.checkedFiles))
        writer.add(Array(storage.reported))
    }

    static func read(_ storage: inout IncrementalState.Storage, from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let files = try reader.count(each: 16)
        storage.manifest.reserveCapacity(files)
        for _ in 0..<files {
            let path = try reader.string()
            storage.manifest[path] = try reader.uint64()
        }
        let keys = try reader.count(each: 8)
        storage.pageKeys.reserveCapacity(keys)
        for _ in 0..<keys { storage.pageKeys.insert(try reader.uint64()) }
        storage.guideKey = try reader.optionalUInt64()
        storage.sitemapKey = try reader.optionalUInt64()

        storage.checkedSite = try reader.optionalUInt64()
        storage.linksCommitted = try reader.bool()
        let scans = try reader.count(each: 32)
        storage.scans.reserveCapacity(scans)
        for _ in 0..<scans {
            let path = try reader.string()
            let hash = try reader.uint64(), ids = try reader.uint64()
            let page = LinkScanner.Page(ids: Set(try reader.strings()), links: [])
            storage.scans[path] = IncrementalState.ScanEntry(hash: hash, page: page, ids: ids, hasLinks: false)
        }
        let verdicts = try reader.count(each: 24)
        storage.links.reserveCapacity(verdicts)
        for _ in 0..<verdicts {
            let path = try reader.string()
            let hash = try reader.uint64()
            var broken: [LinkChecker.BrokenLink] = []
            for _ in 0..<(try reader.count(each: 56)) {
                broken.append(LinkChecker.BrokenLink(
                    file: try reader.string(), line: try reader.int(), url: try reader.string(), text: try reader.string(),
                    target: try reader.string(), reason: try reader.string(), hint: try reader.string()))
            }
            storage.links[path] = IncrementalState.LinkEntry(hash: hash, broken: broken, external: try reader.strings())
        }
        storage.checkedFiles = Set(try reader.strings())
        storage.reported = Set(try reader.strings())
    }

    /// Writes the Markdown results of `entries` (one segment's), by source path.
    static func write(markdown entries: [IncrementalState.MarkdownEntry], to writer: inout BinaryWriter) {
        let entries = entries.sorted { $0.page.source < $1.page.source }
        let hashes = entries.parallelMap { $0.pageHash ?? IncrementalState.hash($0.page) }
        writer.add(entries.count)
        for (entry, hash) in zip(entries, hashes) {
            let page = entry.memo.page!
            writer.add(page.source); writer.add(hash); writer.add(entry.context)
            writer.add(page.title)
            write(page.markdown, to: &writer)
            write(entry.memo.diagnostics, to: &writer)
            writer.add(entry.memo.references.count)
            for reference in entry.memo.references {
                writer.add(reference.target); writer.add(reference.fragment); write(reference.location, to: &writer)
            }
            writer.add(page.contentStamp)
            writer.add(bytes: page.packedSearchDocument.bytes)
        }
    }

    /// Reads what `write(markdown:to:)` wrote.
    static func readMarkdown(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> [String: IncrementalState.SavedMarkdown] {
        var saved: [String: IncrementalState.SavedMarkdown] = [:]
        let pages = try reader.count(each: 32)
        saved.reserveCapacity(pages)
        for _ in 0..<pages {
            let source = try reader.string()
            let pageHash = try reader.uint64(), context = try reader.uint64()
            let title = try reader.string()
            let markdown = try readMarkdown(&reader)
            let diagnostics = try readDiagnostics(&reader)
            var references: [LinkResolver.AnchorReference] = []
            for _ in 0..<(try reader.count(each: 24)) {
                references.append(.init(target: try reader.string(), fragment: try reader.string(), location: try readLocation(&reader)))
            }
            let stamp = try reader.uint64()
            let document = PackedDocument(trusting: try reader.byteArray())
            saved[source] = IncrementalState.SavedMarkdown(
                pageHash: pageHash, context: context, title: title, markdown: markdown, diagnostics: diagnostics,
                references: references, stamp: stamp, document: document)
        }
        return saved
    }

    private static func write(_ markdown: RenderedMarkdown, to writer: inout BinaryWriter) {
        writer.add(markdown.title)
        write(markdown.toc, to: &writer)
        writer.add(markdown.anchors)
        writer.add(markdown.summary)
        writer.add(markdown.wordCount)
        write(markdown.diagnostics, to: &writer)
    }

    private static func readMarkdown(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> RenderedMarkdown {
        let title = try reader.optionalString()
        let toc = try readTOC(&reader)
        let anchors = try reader.strings()
        let summary = try reader.string()
        let words = try reader.int()
        return RenderedMarkdown(html: "", title: title, toc: toc, anchors: anchors, summary: summary, wordCount: words,
                                diagnostics: try readDiagnostics(&reader))
    }

    private static func write(_ toc: [TOCEntry], to writer: inout BinaryWriter) {
        writer.add(toc.count)
        for entry in toc { writer.add(entry.level); writer.add(entry.id); writer.add(entry.title); write(entry.children, to: &writer) }
    }

    private static func readTOC(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> [TOCEntry] {
        var toc: [TOCEntry] = []
        for _ in 0..<(try reader.count(each: 32)) {
            let level = try reader.int(), id = try reader.string(), title = try reader.string()
            toc.append(TOCEntry(level: level, id: id, title: title, children: try readTOC(&reader)))
        }
        return toc
    }

    static func write(_ diagnostics: [Diagnostic], to writer: inout BinaryWriter) {
        writer.add(diagnostics.count)
        for diagnostic in diagnostics {
            writer.add(diagnostic.severity.rawValue); writer.add(diagnostic.message); writer.add(diagnostic.hint)
            writer.add(diagnostic.location != nil)
            if let location = diagnostic.location { write(location, to: &writer) }
        }
    }

    static func readDiagnostics(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try reader.count(each: 18)) {
            guard let severity = Diagnostic.Severity(rawValue: try reader.string()) else { throw BinaryReader.Corrupt() }
            let message = try reader.string(), hint = try reader.optionalString()
            let location = try reader.bool() ? try readLocation(&reader) : nil
            diagnostics.append(Diagnostic(severity, message, at: location, hint: hint))
        }
        return diagnostics
    }

    private static func write(_ location: SourceLocation, to writer: inout BinaryWriter) {
        writer.add(location.file); writer.add(location.line); writer.add(location.column)
        writer.add(location.field); writer.add(location.sheet)
    }

    private static func readLocation(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> SourceLocation {
        SourceLocation(file: try reader.string(), line: try reader.optionalInt(), column: try reader.optionalInt(),
                       field: try reader.optionalString(), sheet: try reader.optionalString())
    }
}
