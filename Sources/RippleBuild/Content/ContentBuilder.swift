import RippleCore
import RippleMarkdown

/// Turns the files under `content/` into ordered pages, chapters, narratives and static files.
///
/// Pure: it sees bytes, never the disk (only a body let go of is read again, from `rereadRoot`).
package struct ContentBuilder: Sendable {
    /// Whether drafts are included.
    package var includeDrafts: Bool

    /// Results of earlier builds to reuse for unchanged files (incremental builds); nil reads every file.
    package var memo: ContentMemo?

    /// The site folder, for pages whose body is their file's own to let it go once rendered
    /// (`Page.releaseBody`) and read it from there again when asked; nil: every page holds its body.
    package var rereadRoot: String?

    /// Creates a builder.
    package init(includeDrafts: Bool = false, memo: ContentMemo? = nil, rereadRoot: String? = nil) {
        self.includeDrafts = includeDrafts
        self.memo = memo
        self.rereadRoot = rereadRoot
    }

    /// What one file under `content/` is.
    enum Item: Sendable { case skipped, file(StaticFile), page(Page) }

    /// Top-level output folders Ripple itself writes; a page may not take them.
    static let reservedRoots: Set<String> = ["assets", "guide", "reports", "dashboards", "data", "search", "404.html",
                                             "sitemap.xml", "robots.txt", "search-index.js"]

    /// Builds the content, collecting every problem. `unread` files (see `SiteSource.unread`) have no bytes: the
    /// memo knows them by hash, and `read` gives the bytes of those that must be read after all.
    package func build(_ files: [SourceFile], unread: [String: UInt64] = [:],
                       read: @escaping @Sendable (SourceFile) -> [UInt8]? = { $0.bytes }) -> (content: SiteContent, diagnostics: [Diagnostic]) {
        // Decoding and front matter are per file, so they run on every core; pages are then added in path order.
        var reading = files.sorted(by: { $0.path < $1.path })
        let recalled = memo?.recall(reading, includeDrafts: includeDrafts, unread: unread) ?? Array(repeating: .new, count: reading.count)
        var items: [(Item, [Diagnostic])?] = recalled.map { if case .kept(let result) = $0 { result } else { nil } }
        let missing = items.indices.filter { items[$0] == nil }
        var failed: Set<Int> = []
        for i in missing where unread[reading[i].path] != nil {
            if let bytes = read(reading[i]) { reading[i].bytes = bytes } else { failed.insert(i) }
        }
        let sorted = reading, unreadable = failed
        let byPath = Dictionary(sorted.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // An included file the loader left unread is read now.
        let text: @Sendable (String) -> String? = { path in
            guard let file = byPath[path] else { return nil }
            let bytes = unread[path] != nil && file.bytes.isEmpty ? read(file) : file.bytes
            return bytes.flatMap { try? SourceFile(path: path, bytes: $0).text().get() }
        }
        let made = missing.parallelMap { i -> (Item, [Diagnostic]) in
            guard !unreadable.contains(i) else {
                return (.skipped, [.error("could not read the file", at: SourceLocation(file: sorted[i].path),
                                          hint: "check that the file is readable")])
            }
            var included: [String]?
            let result = item(for: sorted[i], text: text, included: &included)
            let includes = Dictionary((included ?? []).map { path in
                (path, byPath[path].map { unread[$0.path] ?? ContentHash.of($0.bytes) })
            }, uniquingKeysWith: { a, _ in a })
            memo?.remember(sorted[i], includeDrafts: includeDrafts, result, includes: includes, persistable: included == nil)
            return result
        }
        for (i, result) in zip(missing, made) { items[i] = result }
        var diagnostics: [Diagnostic] = []
        for case let (_, problems)? in items { diagnostics += problems }
        // A changed SUMMARY.md may move every chapter, so the content is assembled again.
        let summaryChanged = missing.contains { sorted[$0].path == GuideSummary.path }
        if let memo, !summaryChanged, let patched = patch(memo, count: sorted.count, changed: missing.map { (recalled[$0], items[$0]!.0) }) {
            return (patched.content, diagnostics + patched.crossPageProblems)
        }
        memo?.keep(only: Set(sorted.map(\.path)))
        var content = SiteContent()
        for case let (item, _)? in items {
            switch item {
            case .skipped: break
            case .file(let file): content.staticFiles.append(file)
            case .page(let page): add(page, to: &content)
            }
        }
        content.chapters = Self.inReadingOrder(content.chapters)
        var crossPageProblems: [Diagnostic] = []
        if let summary = byPath[GuideSummary.path] {
            switch summary.text() {
            case .failure(let error): crossPageProblems.append(error)
            case .success(let text):
                (content.chapters, crossPageProblems) = GuideSummary(text: text).order(content.chapters, files: Set(byPath.keys))
            }
        }
        crossPageProblems += duplicateOutputs(content)
        memo?.last = ContentMemo.Last(content: content, crossPageProblems: crossPageProblems, includeDrafts: includeDrafts)
        return (content, diagnostics + crossPageProblems)
    }

    /// The last content with the `changed` files' new pages put in their old pages' places, when every change
    /// leaves the site's shape as it was: the same files, each still the same kind of thing, every page with the
    /// same output path, slug and order. Nil otherwise (then the content is assembled again).
    private func patch(_ memo: ContentMemo, count: Int, changed: [(ContentMemo.Recalled, Item)]) -> ContentMemo.Last? {
        // Every file was there before (none new), and none is gone: the memo holds exactly these files.
        guard var last = memo.last, last.includeDrafts == includeDrafts, memo.count == count else { return nil }
        for (recalled, item) in changed {
            guard case .changed(let old) = recalled else { return nil }
            switch (old, item) {
            case (.skipped, .skipped): continue
            case let (.file(a), .file(b)) where a == b: continue
            case let (.page(a), .page(b)) where a.kind == b.kind && a.source == b.source && a.outputPath == b.outputPath
                    && a.slug == b.slug && a.weight == b.weight:
                switch b.kind {
                case .home: last.content.home = b
                case .guideIndex: last.content.guideIntro = b
                case .narrative: last.content.narratives[b.slug] = b
                case .page:
                    guard let i = last.content.pages.firstIndex(where: { $0.source == b.source }) else { return nil }
                    last.content.pages[i] = b
                case .chapter:
                    guard let i = last.content.chapters.firstIndex(where: { $0.source == b.source }) else { return nil }
                    // Nesting comes from the chapter's place in the guide, which did not change.
                    var b = b
                    b.depth = last.content.chapters[i].depth
                    b.part = last.content.chapters[i].part
                    last.content.chapters[i] = b
                }
            default:
                return nil
            }
        }
        last.patched = true
        memo.last = last
        return last
    }

    /// What `file` is, with its problems; `included` gets the files its includes name (nil when its body may
    /// include none: it is then the file's own).
    private func item(for file: SourceFile, text read: @escaping @Sendable (String) -> String?, included: inout [String]?) -> (Item, [Diagnostic]) {
        guard file.path.hasPrefix("content/"), file.path != GuideSummary.path else { return (.skipped, []) }
        let relative = String(file.path.dropFirst("content/".count))
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if name.hasPrefix(".") || relative.hasPrefix("data/") { return (.skipped, []) }
        // Markdown in folders such as content/_shared/ is text for includes, not pages (their images are copied).
        if relative.hasSuffix(".md"), relative.split(separator: "/").dropLast().contains(where: { $0.hasPrefix("_") }) {
            return (.skipped, [])
        }
        guard relative.hasSuffix(".md") else { return (.file(StaticFile(source: file.path, outputPath: relative)), []) }
        switch file.text() {
        case .failure(let error): return (.skipped, [error])
        case .success(let text):
            var diagnostics: [Diagnostic] = []
            guard var page = page(for: file.path, relative: relative, text: text, diagnostics: &diagnostics),
                  includeDrafts || !page.draft else { return (.skipped, diagnostics) }
            // Bytes first: `String.contains` searches by Characters, a fifth of a 10,000-chapter full build.
            if ByteSearch.contains("{{", in: page.body), IncludeExpander.mayInclude(page.body) {
                let expanded = IncludeExpander(read: read)
                    .expand(page.body, file: file.path, lineOffset: page.bodyLineOffset)
                // A body the expansion left as it was (shortcodes, but no include) is still the file's own.
                if !expanded.included.isEmpty || expanded.body != page.body || !expanded.sourceLines.isEmpty {
                    included = expanded.included
                }
                page.body = expanded.body
                page.sourceLines = expanded.sourceLines
                diagnostics += expanded.diagnostics
            }
            if included == nil, let rereadRoot { page = Page(page, releasableBody: Self.bodyReader(page.source, root: rereadRoot)) }
            return (.page(page), diagnostics)
        }
    }

    private func page(for path: String, relative: String, text: String, diagnostics: inout [Diagnostic]) -> Page? {
        let matter = FrontMatter.parse(text, file: path, diagnostics: &diagnostics)
        let stem = String(relative.split(separator: "/").last!.dropLast(3))
        let folders = relative.split(separator: "/").dropLast().map(String.init)
        var kind = PageKind.page
        var output: String
        let slug: String
        if relative == "index.md" {
            kind = .home
            slug = ""
            output = "index.html"
        } else if folders.first == "guide" {
            guard folders.count <= 2 else {
                diagnostics.append(.error("guide chapters must be in content/guide/ or in a part folder right under it",
                                          at: SourceLocation(file: path),
                                          hint: "move the file up to content/guide/<part>/ (images may stay in subfolders)"))
                return nil
            }
            if stem == "_index" && folders.count == 1 {
                kind = .guideIndex
                slug = ""
                output = "guide/index.html"
            } else {
                kind = .chapter
                // A part's `_index.md` opens the part and is named after its folder, as is its `README.md` or
                // `index.md` (mdBook and wikis), which would otherwise all be guide/README/.
                let namedAfterFolder = folders.count == 2 && ["_index", "README", "index"].contains(stem)
                slug = matter.slug ?? Self.stripNumberPrefix(namedAfterFolder ? folders[1] : stem)
                output = "guide/\(slug)/index.html"
            }
        } else if folders.first == "reports" {
            guard let quarter = Self.quarterID(stem), folders.count == 1 else {
                diagnostics.append(.error("a report narrative must be named after its quarter, like 2026-Q3.md",
                                          at: SourceLocation(file: path), hint: "rename the file to <year>-Q<1-4>.md"))
                return nil
            }
            kind = .narrative
            slug = quarter
            output = "reports/\(quarter)/index.html"
        } else {
            let dirs = folders.first == "pages" ? Array(folders.dropFirst()) : folders
            slug = matter.slug ?? stem
            output = (dirs + [slug, "index.html"]).joined(separator: "/")
            if let root = output.split(separator: "/").first, Self.reservedRoots.contains(String(root)) {
                diagnostics.append(.error("page would be written to '\(output)', which Ripple uses for its own pages",
                                          at: SourceLocation(file: path), hint: "give the page another file name or `slug`"))
                return nil
            }
        }
        var page = Page(kind: kind, source: path, title: matter.title, summary: matter.summary, weight: matter.weight,
                        draft: matter.draft, slug: slug, date: matter.date, extra: matter.extra, body: matter.body,
                        bodyLineOffset: matter.bodyLineOffset, outputPath: output)
        page.linkTitle = matter.linkTitle
        if kind == .chapter, folders.count == 2 {
            page.part = "content/guide/" + folders[1]
            page.depth = stem == "_index" ? 1 : 2
        }
        return page
    }

    private func add(_ page: Page, to content: inout SiteContent) {
        switch page.kind {
        case .home: content.home = page
        case .page: content.pages.append(page)
        case .chapter: content.chapters.append(page)
        case .guideIndex: content.guideIntro = page
        case .narrative: content.narratives[page.slug] = page
        }
    }

    private func duplicateOutputs(_ content: SiteContent) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for page in content.allPages {
            if let other = seen[page.outputPath] {
                diagnostics.append(.error("'\(page.source)' and '\(other)' would both be written to '\(page.outputPath)'",
                                          at: SourceLocation(file: page.source), hint: "give one of them another `slug`"))
            } else {
                seen[page.outputPath] = page.source
            }
        }
        return diagnostics
    }

    /// The number a chapter is ordered by: its `weight`, else its file name's number prefix, else last
    /// (ties in file-name order).
    private static func orderKey(_ page: Page) -> Int {
        page.weight ?? numberPrefix(of: page.source) ?? Int.max
    }

    /// Chapters in reading order: chapters and parts by their order keys (a part's is its `_index.md`'s
    /// `weight`, else its folder's number prefix), each part's opening chapter first and its chapters after it.
    /// A part folder without `_index.md` keeps its chapters together, at the top level.
    static func inReadingOrder(_ chapters: [Page]) -> [Page] {
        var partKeys: [String: Int] = [:]
        for page in chapters where page.part != nil && page.depth == 1 {
            partKeys[page.part!] = page.weight ?? numberPrefix(of: page.part!) ?? Int.max
        }
        // Keys worked out once per chapter, not twice per comparison (10,000 chapters: 280,000 comparisons).
        let keyed = chapters.map { page -> (Page, (Int, String, Int, Int, String)) in
            var page = page
            guard let part = page.part else { return (page, (orderKey(page), page.source, 0, 0, page.source)) }
            if partKeys[part] == nil { page.depth = 1 }
            let partKey = partKeys[part] ?? numberPrefix(of: part) ?? Int.max
            let isOpening = page.source.hasSuffix("/_index.md")
            return (page, (partKey, part, isOpening ? 0 : 1, orderKey(page), page.source))
        }
        return keyed.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// `page` (restored from the incremental cache) with its body read from its file under `root` when first
    /// asked for, as `build` would have split it from the front matter.
    static func withLazyBody(_ page: Page, bodyHash: UInt64, root: String) -> Page {
        Page(page, bodyHash: bodyHash, lazyBody: bodyReader(page.source, root: root))
    }

    /// Reads the body of the page of file `source` under `root`, as `build` split it from the front matter (""
    /// when the file cannot be read).
    static func bodyReader(_ source: String, root: String) -> @Sendable () -> String {
        {
            guard let bytes = FolderWalk.read(root + "/" + source),
                  case .success(let text) = SourceFile(path: source, bytes: bytes).text() else { return "" }
            var ignored: [Diagnostic] = []
            return FrontMatter.parse(text, file: source, diagnostics: &ignored).body
        }
    }

    /// `03-matching` → 3.
    static func numberPrefix(of path: String) -> Int? {
        let name = path.split(separator: "/").last ?? ""
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// `03-matching` → `matching`; a name that is only a number keeps it.
    static func stripNumberPrefix(_ stem: String) -> String {
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return stem }
        let rest = stem.dropFirst(digits.count)
        guard let separator = rest.first, separator == "-" || separator == "_", rest.count > 1 else { return stem }
        return String(rest.dropFirst())
    }

    /// `2026-q3` → `2026-Q3`; nil when not a quarter.
    static func quarterID(_ stem: String) -> String? {
        let upper = stem.uppercased()
        let parts = upper.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil,
              ["Q1", "Q2", "Q3", "Q4"].contains(String(parts[1])) else { return nil }
        return upper
    }
}
