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
    /// The render keys of this build's Markdown and generated pages, stored in the state when the build succeeds.
    let renderKeys = Mutex<Set<UInt64>>([])
    /// The output paths of the pages not rendered because their output would be as before.
    let skipped = Mutex<[String]>([])

    init(state: IncrementalState, context: UInt64, global: UInt64, layouts: [String: UInt64]) {
        self.state = state
        self.context = context
        self.global = global
        self.layouts = layouts
    }

    func linkResolver(_ make: () -> LinkResolver) -> LinkResolver {
        if let kept = state.storage.withLock({ $0.resolver }), kept.context == context { return kept.resolver }
        let resolver = make()
        state.storage.withLock { $0.resolver = (context, resolver) }
        return resolver
    }

    func recall(_ pages: [Page]) -> [MarkdownStage.Memo?] {
        let context = context
        let (kept, saved) = state.storage.withLock { storage in
            (pages.map { page -> MarkdownStage.Memo? in
                guard let entry = storage.markdown[page.source], entry.context == context, entry.page == page else { return nil }
                return entry.memo
            }, storage.saved)
        }
        guard !saved.isEmpty else { return kept }
        // Results saved by an earlier process: matched by the page's hash (the bodies are hashed on every core).
        let candidates = kept.indices.filter { kept[$0] == nil && saved[pages[$0].source]?.context == context }
        let restored = candidates.parallelMap { i -> IncrementalState.MarkdownEntry? in
            let hash = IncrementalState.hash(pages[i])
            guard let entry = saved[pages[i].source], entry.pageHash == hash else { return nil }
            return IncrementalState.MarkdownEntry(page: pages[i], context: context, memo: entry.memo(for: pages[i]), pageHash: hash)
        }
        var results = kept
        for (i, entry) in zip(candidates, restored) { results[i] = entry?.memo }
        state.storage.withLock { storage in
            storage.saved = [:]  // each is used once: from now on the page's entry in `markdown` is kept up to date
            storage.restored = restored.count { $0 != nil }
            for case let entry? in restored { storage.markdown[entry.page.source] = entry }
        }
        return results
    }

    func remember(_ page: Page, _ memo: MarkdownStage.Memo) {
        let entry = IncrementalState.MarkdownEntry(page: page, context: context, memo: memo)
        state.storage.withLock { $0.markdown[page.source] = entry }
    }

    func pagesToRender(_ pages: [RenderedPage], generated: [GeneratedPage], chapters: [RenderedPage],
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
        for i in chapters.indices {
            var hash = ContentHash()
            hash.add(chapters[i].title); hash.add(chapters[i].page.linkTitle); hash.add(chapters[i].summary)
            hash.add(chapters[i].outputPath)
            entries.append(hash.value)
            hash.add(i)
            windowSums.append(windowSums[i] &+ hash.mixed)
        }
        // Keys hash the output path too, so the previous build's keys are kept as a set: a page whose key is
        // in it was written by that build with the same bytes it would get now.
        let previous = state.storage.withLock { $0.pageKeys }
        var wanted: Set<String> = []
        var keys: Set<UInt64> = []
        keys.reserveCapacity(pages.count + generated.count)
        var unchanged: [String] = []
        unchanged.reserveCapacity(pages.count + generated.count)
        func decide(path: String, layout: String, stamp: UInt64, index: Int?, fullList: Bool) {
            var key = ContentHash()
            key.add(shared.value)
            key.add(layouts["layouts/\(layout)"] ?? 0)
            key.add(path)
            key.add(stamp)
            key.add(index ?? -1)
            let window = PageContext.shownChapters(around: index, count: chapters.count, fullList: fullList)
            key.add(window.lowerBound)
            key.add(windowSums[window.upperBound] &- windowSums[window.lowerBound])
            if let index {
                key.add(index > 0 ? entries[index - 1] : 0)
                key.add(index + 1 < entries.count ? entries[index + 1] : 0)
            }
            keys.insert(key.value)
            if previous.contains(key.value) { unchanged.append(path) } else { wanted.insert(path) }
        }
        for (page, index) in zip(pages, pages.chapterIndices) {
            let kind = page.kind
            decide(path: page.outputPath, layout: SiteRenderer.layout(for: kind), stamp: page.contentStamp,
                   index: index, fullList: kind == .guideIndex)
        }
        for page in generated {
            var stamp = ContentHash()
            stamp.add("generated"); stamp.add(page.kind); stamp.add(page.title); stamp.add(page.summary)
            decide(path: page.path, layout: page.kind, stamp: stamp.value, index: nil, fullList: page.kind == "guide-index")
        }
        renderKeys.withLock { $0 = keys }
        skipped.withLock { $0 = unchanged }
        return wanted
    }
}
