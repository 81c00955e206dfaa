import RippleCore
import RippleMarkdown
import RippleRender
import Synchronization

/// What an incremental build remembers of the previous builds: the Markdown results, the key each page was
/// rendered with, the hash of every file in the output folder and the link-check results. Kept in memory by
/// `ripple serve`; `ripple build --incremental` saves it in the site's cache folder (`IncrementalCache`).
///
/// Everything is keyed by the inputs it was made from, so a stale entry is never used, only replaced.
package final class IncrementalState: Sendable {
    /// One page's Markdown result, valid while the page and the link context are as they were. A class: it
    /// is looked up for every page on every rebuild, and a struct would be copied out of the dictionary each time.
    final class MarkdownEntry: Sendable {
        let page: Page
        let context: UInt64
        let memo: MarkdownStage.Memo
        /// `IncrementalState.hash(page)` when known (entries restored from the cache).
        let pageHash: UInt64?

        init(page: Page, context: UInt64, memo: MarkdownStage.Memo, pageHash: UInt64? = nil) {
            self.page = page
            self.context = context
            self.memo = memo
            self.pageHash = pageHash
        }
    }

    /// A page's Markdown result saved by an earlier process (`IncrementalCache`), valid for the page whose
    /// hash it was made from, in the same link context. It has no body HTML: a page whose output must be made
    /// again has its Markdown rendered again then (see `SiteRenderer`); the others need only what is here.
    struct SavedMarkdown: Sendable {
        var pageHash: UInt64
        var context: UInt64
        var title: String
        var markdown: RenderedMarkdown
        var diagnostics: [Diagnostic]
        var references: [LinkResolver.AnchorReference]
        var stamp: UInt64
        var document: PackedDocument

        /// The result for `page`, whose hash is `pageHash`.
        func memo(for page: Page) -> MarkdownStage.Memo {
            let rendered = RenderedPage(page: page, title: title, markdown: markdown, contentStamp: stamp, searchDocument: document)
            return MarkdownStage.Memo(page: rendered, diagnostics: diagnostics, references: references)
        }
    }

    /// A hash of every field of `page`: equal hashes, equal pages (a saved result is matched by it).
    static func hash(_ page: Page) -> UInt64 {
        var hash = ContentHash()
        hash.add(page.kind.rawValue); hash.add(page.source); hash.add(page.title); hash.add(page.summary)
        hash.add(page.linkTitle)
        hash.add(page.weight != nil); hash.add(page.weight ?? 0); hash.add(page.draft); hash.add(page.slug)
        hash.add(page.date?.iso)
        hash.add(page.extra.count)
        for key in page.extra.keys.sorted() { hash.add(key); hash.add(page.extra[key]) }
        hash.add(page.bodyHash); hash.add(page.bodyLineOffset)  // a body not read yet is not read
        hash.add(page.sourceLines.count)
        for run in page.sourceLines { hash.add(run.line); hash.add(run.file); hash.add(run.fileLine) }
        hash.add(page.part); hash.add(page.depth); hash.add(page.outputPath)
        return hash.value
    }

    /// A scanned HTML page or stylesheet, valid while the file's hash is the same.
    struct ScanEntry: Sendable {
        var hash: UInt64
        var page: LinkScanner.Page
        /// Hash of the sorted ids, so that the site's ids are hashed without sorting every page's each build.
        var ids: UInt64
        /// False for a scan read from the cache, which keeps the ids only: its links are read from the output
        /// file (whose hash is `hash`) when they must be checked again.
        var hasLinks = true
    }

    /// A page's link-check verdict, valid while the page's hash and the site's files and ids (`checkedSite`)
    /// are the same.
    struct LinkEntry: Sendable {
        var hash: UInt64
        var broken: [LinkChecker.BrokenLink]
        var external: [String]
    }

    struct Storage: Sendable {
        var markdown: [String: MarkdownEntry] = [:]
        /// Markdown results read from the cache, by source path; each moves to `markdown` when its page is
        /// found unchanged.
        var saved: [String: SavedMarkdown] = [:]
        /// How many pages' Markdown results the last build took from `saved`.
        var restored = 0
        /// How many content files the last build left unread (known by their stamps from the cache).
        var unread = 0
        /// The link resolver made for the Markdown context `context` (it hashes every page's source and output path).
        var resolver: (context: UInt64, resolver: LinkResolver)?
        /// The render keys of the pages of the last build (each hashes its output path).
        var pageKeys: Set<UInt64> = []
        var manifest: [String: UInt64] = [:]
        var scans: [String: ScanEntry] = [:]
        var links: [String: LinkEntry] = [:]
        /// The hash of the site's files and ids the verdicts in `links` were made against.
        var checkedSite: UInt64?
        /// The paths of the files the verdicts in `links` were made against.
        var checkedFiles: Set<String> = []
        /// The pages whose verdict in `links` has broken or external links.
        var reported: Set<String> = []
        /// Whether the build that made `links` succeeded, so `checkedFiles` are the files of the output.
        var linksCommitted = false
        var guideKey: UInt64?
        /// Hash of the options the sitemap was made with.
        var sitemapKey: UInt64?
        var notedPDF = false
        /// The cache's Markdown segments this state was restored from or last saved to, by index
        /// (`IncrementalCache`): a segment whose pages are all as restored is kept as it is.
        var segments: [Int: Segment] = [:]
    }

    /// One Markdown segment of the cache: its file, the hash of its bytes and the pages it holds.
    struct Segment: Sendable {
        var name: String
        var hash: UInt64
        var sources: Set<String>
    }

    let storage = Mutex(Storage())
    /// The site's files as last read, reused while unchanged on disk.
    let files = FileMemo()
    /// What the content files were found to be, reused while their bytes are the same.
    let content = ContentMemo()
    /// The last search index, patched when few pages changed.
    let search = IncrementalSearchIndex()

    /// An empty state: the next build renders and compares everything.
    package init() {}

    /// How many pages' Markdown results the last build took from the cache instead of rendering them (tests).
    package var restoredMarkdown: Int { storage.withLock { $0.restored } }

    /// How many content files the last build neither read nor parsed, known by their stamps (tests).
    package var unreadFiles: Int { storage.withLock { $0.unread } }

    /// Output path → hash of the file written there by the last successful build.
    package var manifest: [String: UInt64] { storage.withLock { $0.manifest } }

    /// Remembers what a successful build left: the output's files (`manifest`), the pages' render keys, the
    /// guide downloads' key (kept as it was when they were deferred) and the sitemap's; forgets the Markdown
    /// results of pages no longer in the site.
    func remember(_ manifest: [String: UInt64], pageKeys: Set<UInt64>, guideKey: UInt64?, guideDeferred: Bool,
                  sitemapKey: UInt64?, rendered: [RenderedPage]) {
        storage.withLock { storage in
            storage.manifest = manifest
            storage.linksCommitted = true
            storage.pageKeys = pageKeys
            if !guideDeferred { storage.guideKey = guideKey }
            storage.sitemapKey = sitemapKey
            if storage.markdown.count > rendered.count {
                let sources = Set(rendered.map(\.page.source))
                let gone = storage.markdown.compactMap { sources.contains($0.key) || $0.value.page.kind == .narrative ? nil : $0.key }
                for source in gone { storage.markdown[source] = nil }
            }
        }
    }

    /// Forgets everything (the output folder was changed behind our back, or the cache is unusable).
    package func reset() { storage.withLock { $0 = Storage() } }
}
