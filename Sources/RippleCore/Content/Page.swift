import Synchronization

/// What a Markdown page is for, which decides its URL and layout.
package enum PageKind: String, Sendable, Hashable {
    /// `content/index.md`.
    case home
    /// `content/pages/**.md`.
    case page
    /// `content/guide/*.md`.
    case chapter
    /// `content/guide/_index.md`: the introduction on the guide's index page.
    case guideIndex
    /// `content/reports/<yyyy-qn>.md`: the narrative of a quarterly report.
    case narrative
}

/// One Markdown source file with its front matter, before rendering.
package struct Page: Sendable, Hashable {
    /// What the page is.
    package var kind: PageKind
    /// Source path relative to the site folder (`content/guide/03-matching.md`).
    package var source: String
    /// Title from front matter, if given (else the first `# heading` is used when rendering).
    package var title: String?
    /// One-sentence summary from front matter.
    package var summary: String?
    /// A shorter label for the guide's sidebar and chapter lists (front matter `linkTitle`, as Hugo names it).
    package var linkTitle: String?
    /// Ordering weight (chapters).
    package var weight: Int?
    /// Drafts are only built with `--drafts`.
    package var draft: Bool
    /// Last path segment of the URL.
    package var slug: String
    /// Date from front matter.
    package var date: Day?
    /// Free-form values from the `extra:` front matter mapping, for custom templates.
    package var extra: [String: String]
    /// The Markdown body after the front matter. A page restored from an incremental build's cache reads it
    /// from its file only when asked (`init(…, lazyBody:)`): most pages of a one-chapter rebuild never are. A
    /// page made with `init(…, releasableBody:)` holds it until `releaseBody()`, then reads it again each time.
    package var body: String {
        get {
            switch bodyStorage {
            case .text(let text): text
            case .lazy(let lazy): lazy.text
            }
        }
        set { bodyStorage = .text(newValue) }
    }
    private var bodyStorage: BodyStorage
    /// Lines before the body in the file, so Markdown positions map to file lines.
    package var bodyLineOffset: Int
    /// Where the body's lines come from when it includes other files (empty when it does not).
    package var sourceLines: [SourceLineRun] = []
    /// For a guide chapter in a part folder (`content/guide/04-ownership/`): that folder.
    package var part: String?
    /// A chapter's level: 1 for a chapter or a part's opening chapter (its `_index.md`), 2 for a chapter in a part.
    package var depth: Int = 1
    /// Output file path relative to the output folder (`guide/matching/index.html`).
    package var outputPath: String

    /// Creates a page.
    package init(kind: PageKind, source: String, title: String? = nil, summary: String? = nil, weight: Int? = nil,
                 draft: Bool = false, slug: String, date: Day? = nil, extra: [String: String] = [:], body: String,
                 bodyLineOffset: Int = 0, outputPath: String) {
        self.kind = kind; self.source = source; self.title = title; self.summary = summary; self.weight = weight
        self.draft = draft; self.slug = slug; self.date = date; self.extra = extra; self.bodyStorage = .text(body)
        self.bodyLineOffset = bodyLineOffset; self.outputPath = outputPath
    }

    /// The page with its body read by `load` when first asked for; `bodyHash` is `Page.bodyHash(of:)` of what
    /// `load` returns (known without reading it).
    package init(_ page: Page, bodyHash: UInt64, lazyBody load: @escaping @Sendable () -> String) {
        self = page
        bodyStorage = .lazy(LazyBody(hash: bodyHash, load: load))
    }

    /// The page holding its `body`, which `load` reads again (as `body` would be) once `releaseBody()` let
    /// it go: a build that keeps nothing needs the 10,000 bodies of a large guide only for its Markdown stage.
    package init(_ page: Page, releasableBody load: @escaping @Sendable () -> String) {
        self = page
        bodyStorage = .lazy(LazyBody(held: page.body, load: load))
    }

    /// Lets go of a releasable body (`init(…, releasableBody:)`) in every copy of the page; it is read again
    /// each time it is asked for. Does nothing to other pages.
    package func releaseBody() {
        if case .lazy(let lazy) = bodyStorage { lazy.release() }
    }

    /// `bodyHash(of: body)`, without reading a body that is not read yet.
    package var bodyHash: UInt64 {
        switch bodyStorage {
        case .text(let text): Self.bodyHash(of: text)
        case .lazy(let lazy): lazy.hash ?? Self.bodyHash(of: lazy.text)
        }
    }

    /// `body.utf8.count`, without reading a released body again.
    package var bodyByteCount: Int {
        switch bodyStorage {
        case .text(let text): text.utf8.count
        case .lazy(let lazy): lazy.byteCount ?? lazy.text.utf8.count
        }
    }

    /// Whether the body is held (false: it would be read from the file when asked for).
    package var bodyIsLoaded: Bool {
        if case .lazy(let lazy) = bodyStorage { return lazy.isLoaded }
        return true
    }

    /// The hash of a body, as `bodyHash` gives it.
    package static func bodyHash(of body: String) -> UInt64 {
        var hash = ContentHash()
        hash.add(body)
        return hash.value
    }

    package static func == (a: Page, b: Page) -> Bool {
        a.kind == b.kind && a.source == b.source && a.title == b.title && a.linkTitle == b.linkTitle && a.summary == b.summary && a.weight == b.weight
            && a.draft == b.draft && a.slug == b.slug && a.date == b.date && a.extra == b.extra
            && a.bodyLineOffset == b.bodyLineOffset && a.sourceLines == b.sourceLines && a.part == b.part
            && a.depth == b.depth && a.outputPath == b.outputPath && a.body == b.body  // equal bodies have equal hashes
    }

    /// Equal pages have the same source and output path; hashing the body too would read it, or hash all of it.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(source); hasher.combine(outputPath)
    }

    private enum BodyStorage: Sendable {
        case text(String)
        case lazy(LazyBody)
    }

    /// A body read once, on first use, by whichever thread asks first; or held from the start until released,
    /// then read each time it is asked for (and not kept).
    private final class LazyBody: Sendable {
        /// The body's hash, when known without reading it.
        let hash: UInt64?
        /// The body's UTF-8 length, when known without reading it.
        let byteCount: Int?
        private let load: @Sendable () -> String
        private let loaded: Mutex<(text: String?, keeps: Bool)>

        init(hash: UInt64, load: @escaping @Sendable () -> String) {
            self.hash = hash
            byteCount = nil
            self.load = load
            loaded = Mutex((nil, true))
        }

        init(held text: String, load: @escaping @Sendable () -> String) {
            hash = nil
            byteCount = text.utf8.count
            self.load = load
            loaded = Mutex((text, true))
        }

        var isLoaded: Bool { loaded.withLock { $0.text != nil } }

        func release() {
            loaded.withLock { $0 = (nil, false) }
        }

        var text: String {
            loaded.withLock { loaded in
                if let text = loaded.text { return text }
                let read = load()
                if loaded.keeps { loaded.text = read }
                return read
            }
        }
    }
}

/// A file under `content/` that is not Markdown (an image, a PDF) and is copied as is.
package struct StaticFile: Sendable, Hashable {
    /// Source path relative to the site folder.
    package var source: String
    /// Output path relative to the output folder.
    package var outputPath: String

    /// Creates a static file entry.
    package init(source: String, outputPath: String) {
        self.source = source
        self.outputPath = outputPath
    }
}

/// Every piece of content of a site, ordered and ready to render.
package struct SiteContent: Sendable {
    /// The home page, if `content/index.md` exists.
    package var home: Page?
    /// Intranet pages, sorted by output path.
    package var pages: [Page]
    /// Guide chapters in reading order.
    package var chapters: [Page]
    /// The guide index's introduction (`content/guide/_index.md`), if there is one.
    package var guideIntro: Page?
    /// Quarterly narratives by quarter id (`2026-Q3`).
    package var narratives: [String: Page]
    /// Files copied as they are.
    package var staticFiles: [StaticFile]

    /// Creates content.
    package init(home: Page? = nil, pages: [Page] = [], chapters: [Page] = [], guideIntro: Page? = nil,
                 narratives: [String: Page] = [:], staticFiles: [StaticFile] = []) {
        self.home = home; self.pages = pages; self.chapters = chapters; self.guideIntro = guideIntro
        self.narratives = narratives
        self.staticFiles = staticFiles
    }

    /// Every Markdown page that becomes an HTML page of its own.
    package var allPages: [Page] { (home.map { [$0] } ?? []) + pages + (guideIntro.map { [$0] } ?? []) + chapters }
}
