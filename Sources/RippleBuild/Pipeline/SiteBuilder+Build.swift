import Foundation
import RippleCore
import RippleRender
import RippleSources

extension SiteBuilder {
    /// Builds the site; throws every diagnostic (errors and warnings) when the build fails, leaving the
    /// previous output as it was.
    package func build() throws(DiagnosticError) -> Report {
        // Without a state the build starts from an empty one and keeps nothing of it: it renders and writes
        // everything into a staging folder, and remembers no file or Markdown result it will never reuse.
        let remembers = self.state != nil
        let state = self.state ?? IncrementalState()
        var timings = StageTimings()
        var files = try timings.measure("load") { () throws(DiagnosticError) in
            try SiteLoader(root: source, memo: remembers ? state.files : nil, changed: options.changedPaths).load()
        }
        if remembers { state.storage.withLock { $0.unread = files.unread.count } }
        var pdfEngine = options.makePDF ? PDFEngine.locate() : nil
        pdfEngine?.progress = options.progress
        var assembler = options.assembler
        if remembers { assembler.contentMemo = state.content } else { assembler.releasesBodies = true }
        // The guide downloads are known before rendering, so the guide pages can link them.
        assembler.guidePDF = .init(engineFound: pdfEngine != nil, allowed: options.makePDF)
        let assembled = assembler.assemble(files)
        timings.append(assembled.timings)
        guard let model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        var diagnostics = assembled.diagnostics
        if assembled.leftOutPDF, state.storage.withLock({ storage in defer { storage.notedPDF = true }; return !storage.notedPDF }) {
            diagnostics.append(Self.noPDFNote)
        }
        let snapshot = options.dataSnapshot == nil ? [] : ProgramReader(settings: model.config.data).snapshot(files.dataFiles, tables: files.dataTables)
        let keys = remembers ? BuildKeys(model: model, files: files, options: options) : nil
        let reuse = keys.map { keys in
            timings.measure("keys") {
                IncrementalRender(state: state, context: keys.markdownContext, global: keys.global, layouts: keys.layouts)
            }
        }
        if !remembers { files = files.assembled }  // the Markdown and data bytes are not needed any more

        let out: any SiteOutput = remembers ? try IncrementalOutput(output: output, source: source, previous: state.manifest)
            : try StagedOutput(output: output, source: source)
        // What the renderer, the search index and the guide write never takes a content file's place (see there).
        let claimed = ClaimedPathSink(out, model: model)
        // The first-pass scan feeds the whole-site check of a build that keeps no state; an output that keeps
        // state scans the files it changes exactly (`IncrementalOutput`) and its check reads those instead.
        let sink = LinkScanningSink(claimed, scansPages: options.checkLinks && !remembers)
        // The search index is merged and written on one core while the guide and the link check use the others
        // (and beside the rendering, when its documents are known before).
        let search = SearchIndexWork { [model] documents in
            SiteRenderer(model: model).writeSearchIndex(documents, to: sink, incremental: remembers ? state.search : nil)
        }
        var rendered = timings.measure("render") { [model] in
            var renderer = SiteRenderer(model: model, reuse: reuse)
            renderer.searchDocumentsReady = search.start
            renderer.draftsGuide = model.config.guide.downloads
            return renderer.render(to: sink)
        }
        // The guide takes the chapters' drafts; they are not held past it.
        var guideDrafts = rendered.guideDrafts
        rendered.guideDrafts = [:]
        diagnostics += rendered.diagnostics
        if let warning = PrivateFolder.buildWarning(config: model.config, source: source, output: output) { diagnostics.append(warning) }
        let previous = state.manifest
        var kept = reuse?.skipped.withLock { $0 } ?? []
        diagnostics += claimed.clashes(at: kept)

        var guide = GuideStep(kept: [], deferred: [], key: nil)
        if !diagnostics.hasErrors {
            guide = makeGuide(model, files, drafts: guideDrafts, keys: keys, state: state, previous: previous,
                              pdfEngine: pdfEngine, sink: sink, diagnostics: &diagnostics, timings: &timings)
            kept += guide.kept
        }
        guideDrafts = [:]
        var external: [LinkChecker.ExternalLink] = []
        var sitemapKey: UInt64?
        if !diagnostics.hasErrors {
            timings.measure("links") {
                let finish = SiteFinish(model: model, files: files, pages: rendered.pages, options: options,
                                        state: remembers ? state : nil)
                    .run(out, sink: sink, previous: previous, kept: kept, searchStarted: search.started, stale: Set(guide.deferred))
                diagnostics += finish.diagnostics
                external = finish.external
                kept = finish.kept
                sitemapKey = finish.sitemapKey
            }
        }
        let (searchProblems, searchTime) = search.wait()
        timings.record("search", searchTime)  // ran beside the guide and links stages
        diagnostics = (diagnostics + searchProblems).sortedByLocation
        guard !diagnostics.hasErrors else {
            out.discard()
            throw DiagnosticError(diagnostics)
        }
        let outcome = ManifestUpdate(previous: previous, written: out.produced, kept: kept)
        do throws(DiagnosticError) {
            try timings.measure("commit") { () throws(DiagnosticError) in try out.commit(outcome) }
        } catch {
            out.discard()
            throw error
        }
        if remembers {
            state.remember(outcome.manifest, pageKeys: reuse?.renderKeys.withLock { $0 } ?? [], guideKey: guide.key,
                           guideDeferred: !guide.deferred.isEmpty, sitemapKey: sitemapKey, rendered: rendered.pages)
        }
        if let dataSnapshot = options.dataSnapshot { try Self.write(snapshot, to: dataSnapshot) }
        let changed = out.changed
        return Report(filesWritten: changed.files, pagesWritten: changed.pages, diagnostics: diagnostics, timings: timings,
                      externalLinks: external, deferredDownloads: guide.deferred,
                      changedPages: remembers && changed.pages <= 50 ? out.changedPages : nil, privacy: assembled.privacy)
    }

    /// Writes the snapshot's files into `folder` (created when missing), replacing files of the same name.
    private static func write(_ snapshot: [SourceFile], to folder: URL) throws(DiagnosticError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in snapshot { try Data(file.bytes).write(to: folder.appending(path: file.path), options: .atomic) }
        } catch {
            throw DiagnosticError(.error("could not write the data snapshot into '\(folder.path)': \(error.localizedDescription)",
                                         hint: "check that the folder can be written; the site itself was built"))
        }
    }
}
