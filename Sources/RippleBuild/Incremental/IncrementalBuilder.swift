import Foundation
import RippleCore
import RippleRender

/// Builds a site redoing only what changed since the last build with the same `state`, writing in place only
/// the files whose bytes changed and deleting those no longer produced. The output is byte for byte the one a
/// full `SiteBuilder` build makes; a build with errors writes nothing.
///
/// Used by `ripple serve` (state kept in memory) and `ripple build --incremental` (state saved by
/// `IncrementalCache`).
package struct IncrementalBuilder: Sendable {
    /// The site folder.
    package var source: URL
    /// The output folder.
    package var output: URL
    /// The pure stage's options.
    package var assembler: SiteAssembler
    /// Check every link (`--no-link-check` turns it off).
    package var checkLinks = true
    /// Called with a line to show before a long step (making the guide's PDF); the CLI prints it.
    package var progress: (@Sendable (String) -> Void)?
    /// Make the guide's PDF; `ripple serve` turns it off, since WeasyPrint takes seconds (a note says so once).
    package var makePDF = true
    /// Keep the guide downloads (EPUB, print edition) as they are when they exist and may be out of date, and
    /// say so in the report (`deferredDownloads`) instead of making them again: `ripple serve` shows the saved
    /// pages first and makes the downloads when the author pauses, since a large guide's EPUB takes seconds.
    /// Their links are checked when they are made.
    package var defersGuideDownloads = false
    /// List the site's external links in the report (off: neither `ripple serve` nor `ripple build` shows them).
    package var listsExternalLinks = false
    /// Paths (relative to the site folder) a file watcher saw change since the previous build with this state
    /// (`ripple serve`); the loader then looks only at those. Nil: look at every file.
    package var changedPaths: Set<String>?
    /// What earlier builds left.
    package var state: IncrementalState

    /// Creates a builder over `state`.
    package init(source: URL, output: URL, assembler: SiteAssembler = SiteAssembler(), state: IncrementalState) {
        self.source = source
        self.output = output
        self.assembler = assembler
        self.state = state
    }

    /// The builder as `ripple serve` runs it over `state`: no PDF, only the files the watcher saw change
    /// (`changed`; nil: every file), and the guide downloads deferred unless `changed` is empty, which is the
    /// build that makes them once the author pauses.
    package static func preview(source: URL, output: URL, assembler: SiteAssembler, state: IncrementalState,
                                changed: [String]?) -> IncrementalBuilder {
        var builder = IncrementalBuilder(source: source, output: output, assembler: assembler, state: state)
        builder.makePDF = false
        builder.changedPaths = changed.map(Set.init)
        builder.defersGuideDownloads = changed?.isEmpty != true
        return builder
    }

    /// What `ripple serve` calls the downloads it defers ("Made … in 850 ms").
    package static let deferredDownloadsName = "the guide's EPUB and print edition"

    /// The note given once when the PDF is left out of a preview.
    package static let noPDFNote = Diagnostic(
        .note, "the preview does not make the guide's PDF (WeasyPrint takes seconds); `ripple build` makes it",
        at: SourceLocation(file: "ripple.yaml", field: "guide.pdf"),
        hint: "run `ripple build` or `ripple guide --format pdf` to see the PDF")

    /// Builds; throws every diagnostic when the build fails, leaving the output as it was.
    package func build() throws(DiagnosticError) -> SiteBuilder.Report {
        var timings = StageTimings()
        let files = try timings.measure("load") { () throws(DiagnosticError) in try SiteLoader(root: source, memo: state.files, changed: changedPaths).load() }
        var assembler = self.assembler
        assembler.contentMemo = state.content
        let assembled = assembler.assemble(files)
        timings.append(assembled.timings)
        guard var model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        var notes: [Diagnostic] = []
        if !makePDF {
            if model.config.guide.pdf != .never, model.config.guide.downloads, !model.content.chapters.isEmpty,
               state.storage.withLock({ storage in defer { storage.notedPDF = true }; return !storage.notedPDF }) {
                notes.append(Self.noPDFNote)
            }
            model.config.guide.pdf = .never
        }
        var pdfEngine = makePDF ? PDFEngine.locate() : nil
        pdfEngine?.progress = progress
        model.guideDownloads = GuideBuilder.downloads(config: model.config, hasChapters: !model.content.chapters.isEmpty,
                                                      pdfAvailable: GuideBuilder.makesPDF(model, engineFound: pdfEngine != nil))
        let sink = try IncrementalOutput(output: output, source: source, previous: state.manifest)
        // What the renderer, the search index and the guide write never takes a content file's place (see there).
        let claimed = ClaimedPathSink(sink, model: model)
        let reuse = timings.measure("keys") { [model] in
            IncrementalRender(state: state, context: markdownContext(model, files), global: global(model, files),
                              layouts: Self.layouts(model, files))
        }
        // As in a full build, the search index is merged and written beside the guide and the link check (and
        // beside the rendering, when its documents are known before).
        let search = SearchIndexWork { [model] documents in
            SiteRenderer(model: model).writeSearchIndex(documents, to: claimed, incremental: state.search)
        }
        let rendered = timings.measure("render") { [model] in
            var renderer = SiteRenderer(model: model, reuse: reuse)
            renderer.searchDocumentsReady = search.start
            return renderer.render(to: claimed)
        }
        var diagnostics = assembled.diagnostics + notes + rendered.diagnostics
        if let warning = PrivateFolder.buildWarning(config: model.config, source: source, output: output) { diagnostics.append(warning) }
        let previous = state.manifest
        var kept = reuse.skipped.withLock { $0 }
        diagnostics += claimed.clashes(at: kept)
        var newGuideKey: UInt64?
        var deferred: [String] = []
        if !diagnostics.hasErrors, model.config.guide.downloads, !model.content.chapters.isEmpty {
            let makesPDF = GuideBuilder.makesPDF(model, engineFound: pdfEngine != nil)
            let made = GuideBuilder.Format.allCases.filter { $0 != .pdf || makesPDF }.map { GuideBuilder.outputPath($0, config: model.config) }
            // The downloads of the last build (a PDF too, when that build made one).
            let paths = GuideBuilder.Format.allCases.map { GuideBuilder.outputPath($0, config: model.config) }.filter { previous[$0] != nil }
            // Deferring skips even the key: hashing every content file is a real share of a one-chapter rebuild.
            let key = defersGuideDownloads && Set(made).isSubset(of: paths) ? nil : guideKey(model, files, pdf: pdfEngine != nil)
            newGuideKey = key
            if key == nil {
                kept += paths
                deferred = paths
            } else if state.storage.withLock({ $0.guideKey }) == key {
                kept += paths
                if model.config.guide.pdf == .auto, pdfEngine == nil { diagnostics.append(PDFEngine.skippedNote) }
            } else {
                let contentFiles = Dictionary(files.contentFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
                let guide = GuideBuilder(model: model, files: contentFiles, pdfEngine: pdfEngine)
                do throws(DiagnosticError) {
                    // The chapters' Markdown warnings were reported with the site's pages already.
                    let notes = try timings.measure("guide") { () throws(DiagnosticError) in try guide.build(to: claimed) }
                    let seen = Set(diagnostics)
                    diagnostics += notes.filter { !seen.contains($0) }
                } catch {
                    diagnostics += error.diagnostics.filter { !diagnostics.contains($0) }
                }
            }
        }
        var external: [LinkChecker.ExternalLink] = []
        var newSitemapKey: UInt64?
        if !diagnostics.hasErrors {
            timings.measure("links") {
                let finish = finish(model, files, rendered: rendered, sink: sink, previous: previous, kept: kept,
                                    searchStarted: search.started, stale: Set(deferred))
                diagnostics += finish.diagnostics
                external = finish.external
                kept = finish.kept
                newSitemapKey = finish.sitemapKey
            }
        }
        let (searchProblems, searchTime) = search.wait()
        timings.record("search", searchTime)
        diagnostics = (diagnostics + searchProblems).sortedByLocation
        guard !diagnostics.hasErrors else {
            sink.discard()
            throw DiagnosticError(diagnostics)
        }
        let outcome = ManifestUpdate(previous: previous, written: sink.produced, kept: kept)
        let manifest = outcome.manifest
        try timings.measure("commit") { () throws(DiagnosticError) in
            try sink.commit(keep: manifest, removed: outcome.sameFiles ? [] : nil)
        }
        let keys = reuse.renderKeys.withLock { $0 }
        state.storage.withLock { storage in
            storage.manifest = manifest
            storage.linksCommitted = true
            storage.pageKeys = keys
            if deferred.isEmpty { storage.guideKey = newGuideKey }  // else the key of the files kept stands
            storage.sitemapKey = newSitemapKey
            if storage.markdown.count > rendered.pages.count {
                let sources = Set(rendered.pages.map(\.page.source))
                let gone = storage.markdown.compactMap { sources.contains($0.key) || $0.value.page.kind == .narrative ? nil : $0.key }
                for source in gone { storage.markdown[source] = nil }
            }
        }
        let changed = sink.changedCount
        return SiteBuilder.Report(filesWritten: changed, pagesWritten: sink.changedHTMLCount, diagnostics: diagnostics,
                                  timings: timings, externalLinks: external, deferredDownloads: deferred,
                                  changedPages: sink.changedHTMLCount <= 50 ? sink.changedPages : nil,
                                  privacy: assembled.privacy)
    }

    /// Whether a name in the path starts with a dot (the file stamps, the serve folder's own files).
    static func isHidden(_ path: String) -> Bool {
        var atNameStart = true
        for byte in path.utf8 {
            if atNameStart, byte == UInt8(ascii: ".") { return true }
            atNameStart = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// What every page's Markdown depends on besides the page: options, the pages and files links can reach,
    /// and (for shortcodes) the program data and configuration.
    private func markdownContext(_ model: SiteModel, _ files: SiteSource) -> UInt64 {
        var hash = ContentHash()
        hash.add(model.config.markdown.smartPunctuation); hash.add(model.config.markdown.unsafeHTML)
        hash.add(model.config.markdown.headingIDs.rawValue)
        for page in model.content.allPages { hash.add(page.source); hash.add(page.outputPath) }
        hash.add(UInt64(0xfeed))
        for file in model.content.staticFiles { hash.add(file.source); hash.add(file.outputPath) }
        hash.add(model.metrics != nil)
        if model.metrics != nil {
            hash.add(files.configText); hash.add(assembler.baseURL)
            for file in files.dataFiles { hash.add(file.path); hash.add(file.bytes) }
            for table in files.dataTables { hash.add(table.table); hash.add(table.csv) }
        }
        return hash.value
    }

    /// What every page's HTML depends on besides the page and its place: configuration, downloads, data.
    private func global(_ model: SiteModel, _ files: SiteSource) -> UInt64 {
        var hash = ContentHash()
        hash.add(files.configText); hash.add(assembler.baseURL); hash.add(assembler.includeDrafts); hash.add(makePDF)
        for download in model.guideDownloads { hash.add(download.label); hash.add(download.path); hash.add(download.format) }
        hash.add(model.metrics != nil)
        return hash.value
    }

    /// Each layout's hash over its own text and the partials and parents it uses; every template when a
    /// dynamic partial (`{{>*name}}`) makes the dependencies unknowable.
    static func layouts(_ model: SiteModel, _ files: SiteSource) -> [String: UInt64] {
        var texts: [String: [UInt8]] = [:]
        for file in files.themeFiles where file.path.hasSuffix(".mustache") {
            texts[String(file.path.dropLast(".mustache".count))] = file.bytes
        }
        let dynamic = texts.values.contains { String(decoding: $0, as: UTF8.self).contains("{{>*") }
        var result: [String: UInt64] = [:]
        for name in model.templates.names where name.hasPrefix("layouts/") {
            let used = dynamic ? Set(texts.keys) : model.templates.dependencies(of: name).union([name])
            var hash = ContentHash()
            for dependency in used.sorted() { hash.add(dependency); hash.add(texts[dependency].map { ContentHash.of($0) } ?? 0) }
            result[name] = hash.value
        }
        return result
    }

    /// Everything the guide downloads are made from: content, configuration, theme and PDF engine.
    private func guideKey(_ model: SiteModel, _ files: SiteSource, pdf: Bool) -> UInt64 {
        var hash = ContentHash()
        hash.add(files.configText); hash.add(assembler.baseURL); hash.add(assembler.includeDrafts); hash.add(pdf); hash.add(makePDF)
        for file in files.contentFiles { hash.add(file.path); hash.add(file.bytes) }
        for file in files.themeFiles { hash.add(file.path); hash.add(file.bytes) }
        return hash.value
    }
}
