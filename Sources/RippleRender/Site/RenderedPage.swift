import RippleCore
import RippleMarkdown
import Synchronization

/// A page whose Markdown has been rendered: what the templates and the search index read.
///
/// Immutable, and held by reference: the stages pass 10,000-page arrays of these around (filtered, reordered,
/// kept between incremental builds), and copying a page's twenty-odd fields each time showed in profiles.
package struct RenderedPage: Sendable {
    private final class Storage: Sendable {
        let page: Page
        let title: String
        let markdown: RenderedMarkdown
        /// `contentStamp` once computed (0: not yet).
        let stamp = Atomic<UInt64>(0)
        /// `searchDocument` once made, packed: 10,000 pages' documents wait until the search index is merged.
        let searchDocument = Mutex<PackedDocument?>(nil)

        init(page: Page, title: String, markdown: RenderedMarkdown) {
            self.page = page
            self.title = title
            self.markdown = markdown
        }
    }

    private let storage: Storage

    /// Creates a rendered page.
    package init(page: Page, title: String, markdown: RenderedMarkdown) {
        storage = Storage(page: page, title: title, markdown: markdown)
    }

    /// Creates a rendered page whose `contentStamp` and `searchDocument` are known (an incremental build's
    /// cache keeps them; `markdown.html` may then be left out).
    package init(page: Page, title: String, markdown: RenderedMarkdown, contentStamp: UInt64, searchDocument: PackedDocument) {
        storage = Storage(page: page, title: title, markdown: markdown)
        storage.stamp.store(contentStamp, ordering: .relaxed)
        storage.searchDocument.withLock { $0 = searchDocument }
    }

    /// The source page.
    package var page: Page { _read { yield storage.page } }
    /// The title: front matter, else the leading `# heading`.
    package var title: String { _read { yield storage.title } }
    /// The rendered body.
    package var markdown: RenderedMarkdown { _read { yield storage.markdown } }
    /// Summary: front matter, else the first paragraph.
    package var summary: String { storage.page.summary ?? storage.markdown.summary }
    /// The page's kind (`page.kind`, without going through a copy of the page in loops over every page).
    package var kind: PageKind { storage.page.kind }
    /// The source path (`page.source`).
    package var source: String { storage.page.source }
    /// The output path (`page.outputPath`).
    package var outputPath: String { storage.page.outputPath }

    /// Creates a rendered page whose search document is made already (the Markdown stage makes it from
    /// `markdown.sections`, which may then be left out).
    package init(page: Page, title: String, markdown: RenderedMarkdown, searchDocument: AnalysedDocument) {
        self.init(page: page, title: title, markdown: markdown, packedSearchDocument: PackedDocument(searchDocument))
    }

    private init(page: Page, title: String, markdown: RenderedMarkdown, packedSearchDocument: PackedDocument) {
        storage = Storage(page: page, title: title, markdown: markdown)
        storage.searchDocument.withLock { $0 = packedSearchDocument }
    }

    /// The page without its body HTML: what later stages (link check, incremental builds) keep of it.
    package var withoutHTML: RenderedPage {
        guard !markdown.html.isEmpty else { return self }
        var markdown = self.markdown
        markdown.html = ""
        guard let document = storage.searchDocument.withLock({ $0 }) else { return RenderedPage(page: page, title: title, markdown: markdown) }
        return RenderedPage(page: page, title: title, markdown: markdown, packedSearchDocument: document)
    }

    /// A hash of everything of the page that can reach its HTML (never 0). Incremental builds keep rendered
    /// pages between builds, so it is computed once per page and kept with it, not hashed again each rebuild.
    package var contentStamp: UInt64 {
        let kept = storage.stamp.load(ordering: .relaxed)
        if kept != 0 { return kept }
        var hash = ContentHash()
        hash.add(title); hash.add(summary)
        hash.add(markdown.html); hash.add(markdown.wordCount)
        func toc(_ entries: [TOCEntry]) {
            hash.add(entries.count)
            for entry in entries { hash.add(entry.level); hash.add(entry.id); hash.add(entry.title); toc(entry.children) }
        }
        toc(markdown.toc)
        hash.add(page.source); hash.add(page.outputPath); hash.add(page.slug)
        hash.add(SiteRenderer.kindName(page.kind)); hash.add(page.weight ?? Int.min); hash.add(page.date?.iso)
        for key in page.extra.keys.sorted() { hash.add(key); hash.add(page.extra[key]) }
        let stamp = hash.value == 0 ? 1 : hash.value
        storage.stamp.store(stamp, ordering: .relaxed)
        return stamp
    }

    /// The page's search document (`SearchIndex.analyse` of its title, output path and the text sections the
    /// Markdown walk collected), made once and kept with the page, for incremental builds.
    package var searchDocument: AnalysedDocument { packedSearchDocument.document }

    /// `searchDocument`, packed.
    package var packedSearchDocument: PackedDocument {
        if let kept = storage.searchDocument.withLock({ $0 }) { return kept }
        let document = PackedDocument(SearchIndex.analyse(title: title, url: page.outputPath, sections: markdown.sections))
        storage.searchDocument.withLock { $0 = document }
        return document
    }
}

extension [RenderedPage] {
    /// Each page's index among the chapter pages (nil for other pages): the chapters of a site's pages are its
    /// chapter pages in the same order, so the index is a running count. The page context's sidebar and the
    /// incremental render keys both rely on it.
    package var chapterIndices: [Int?] {
        var next = 0
        return map { page in
            guard page.kind == .chapter else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
