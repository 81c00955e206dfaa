import RippleCore
import RippleMarkdown
import RippleRender
import Synchronization

/// The reuse an incremental build offers the renderer for one build: kept Markdown results (valid while the
/// page, the options and the link context are unchanged) and the pages whose HTML would come out as before.
///
/// A page's HTML depends on its Markdown result, its place in the guide (sidebar window, previous and next
/// chapter), the header links, the configuration, the downloads and the templates of its layout; the render
/// key hashes all of these, and a page is skipped only when its key and its file in the output are unchanged.
final class IncrementalRender: RenderReuse {
    private let state: IncrementalState
    /// Hash of what the Markdown of every page depends on besides the page itself.
    private let context: UInt64
    /// Hash of configuration, downloads and drafts: what every page's HTML depends on.
    private let global: UInt64
    /// Hash of each layout with the partials it uses, by layout name (`layouts/chapter`).
    private let layouts: [String: UInt64]
    /// The render keys of this build's Markdown pages, stored in the state when the build succeeds.
    let renderKeys = Mutex<[String: UInt64]>([:])
    /// The pages not rendered because their output would be as before.
    let skipped = Mutex<Set<String>>([])

    init(state: IncrementalState, context: UInt64, global: UInt64, layouts: [String: UInt64]) {
        self.state = state
        self.context = context
        self.global = global
        self.layouts = layouts
    }

    func recall(_ pages: [Page]) -> [MarkdownStage.Memo?] {
        state.storage.withLock { storage in
            pages.map { page in
                guard let entry = storage.markdown[page.source], entry.context == context, entry.page == page else { return nil }
                return entry.memo
            }
        }
    }

    func remember(_ page: Page, _ memo: MarkdownStage.Memo) {
        let entry = IncrementalState.MarkdownEntry(page: page, context: context, memo: memo, stamp: Self.stamp(memo))
        state.storage.withLock { storage in
            storage.markdown[page.source] = entry
            storage.searches[page.source] = nil
        }
    }

    func pagesToRender(_ pages: [RenderedPage], chapters: [RenderedPage],
                       navigation: [(title: String, path: String)]) -> Set<String> {
        var shared = ContentHash()
        shared.add(global)
        for item in navigation { shared.add(item.title); shared.add(item.path) }
        shared.add(chapters.count)
        // Each chapter's sidebar entry, hashed with its position; a window of the sidebar is then hashed in
        // constant time as a difference of running sums (a change to any entry in it changes the difference).
        var windowSums: [UInt64] = [0]
        windowSums.reserveCapacity(chapters.count + 1)
        var entries: [UInt64] = []
        entries.reserveCapacity(chapters.count)
        var indexBySource: [String: Int] = [:]
        indexBySource.reserveCapacity(chapters.count)
        for i in chapters.indices {
            var hash = ContentHash()
            hash.add(chapters[i].title); hash.add(chapters[i].summary); hash.add(chapters[i].page.outputPath)
            entries.append(hash.value)
            hash.add(i)
            windowSums.append(windowSums[i] &+ hash.mixed)
            indexBySource[chapters[i].page.source] = i
        }
        let (stamps, previous, manifest) = state.storage.withLock { storage in
            (pages.map { storage.markdown[$0.page.source]?.stamp ?? 0 }, storage.pageKeys, storage.manifest)
        }
        var wanted: Set<String> = []
        var keys: [String: UInt64] = [:]
        keys.reserveCapacity(pages.count)
        var unchanged: Set<String> = []
        unchanged.reserveCapacity(pages.count)
        for i in pages.indices {
            let path = pages[i].page.outputPath
            let stamp = stamps[i]
            var key = ContentHash()
            key.add(shared.value)
            key.add(layouts["layouts/\(SiteRenderer.layout(for: pages[i].page.kind))"] ?? 0)
            key.add(path)
            key.add(stamp)
            let index = indexBySource[pages[i].page.source]
            key.add(index ?? -1)
            let window = PageContext.shownChapters(around: index, count: chapters.count, fullList: pages[i].page.kind == .guideIndex)
            key.add(window.lowerBound)
            key.add(windowSums[window.upperBound] &- windowSums[window.lowerBound])
            if let index {
                key.add(index > 0 ? entries[index - 1] : 0)
                key.add(index + 1 < entries.count ? entries[index + 1] : 0)
            }
            keys[path] = key.value
            if stamp != 0, previous[path] == key.value, manifest[path] != nil {
                unchanged.insert(path)
            } else {
                wanted.insert(path)
            }
        }
        renderKeys.withLock { $0 = keys }
        skipped.withLock { $0 = unchanged }
        return wanted
    }

    func searchDocuments(_ pages: [RenderedPage]) -> [AnalysedDocument] {
        var documents = state.storage.withLock { storage in pages.map { storage.searches[$0.page.source] } }
        let missing = documents.indices.filter { documents[$0] == nil }
        let made = missing.parallelMap { i in
            SearchIndex.analyse(title: pages[i].title, url: pages[i].page.outputPath, html: pages[i].markdown.html)
        }
        state.storage.withLock { storage in
            for (i, document) in zip(missing, made) where storage.markdown[pages[i].page.source]?.context == context {
                storage.searches[pages[i].page.source] = document
            }
        }
        for (i, document) in zip(missing, made) { documents[i] = document }
        return documents.map { $0! }
    }

    /// Hash of everything of a Markdown result that can reach HTML; 0 is kept for "no result".
    static func stamp(_ memo: MarkdownStage.Memo) -> UInt64 {
        guard let rendered = memo.page else { return 0 }
        var hash = ContentHash()
        let page = rendered.page
        hash.add(rendered.title); hash.add(rendered.summary)
        hash.add(rendered.markdown.html); hash.add(rendered.markdown.wordCount)
        func toc(_ entries: [TOCEntry]) {
            hash.add(entries.count)
            for entry in entries { hash.add(entry.level); hash.add(entry.id); hash.add(entry.title); toc(entry.children) }
        }
        toc(rendered.markdown.toc)
        hash.add(page.source); hash.add(page.outputPath); hash.add(page.slug)
        hash.add(SiteRenderer.kindName(page.kind)); hash.add(page.weight ?? Int.min); hash.add(page.date?.iso)
        for key in page.extra.keys.sorted() { hash.add(key); hash.add(page.extra[key]) }
        return hash.value == 0 ? 1 : hash.value
    }
}
