import Foundation
import RippleCore
import RipplePrivacy
import RippleRender
import RippleSources

/// Runs the whole pipeline: load (I/O) → assemble (pure) → render → write (I/O, staged and swapped in).
package struct SiteBuilder: Sendable {
    /// The site folder.
    package var source: URL
    /// The output folder.
    package var output: URL
    /// The pure stage's options.
    package var assembler: SiteAssembler
    /// Check every link of the generated site before it is swapped in (`--no-link-check` turns it off).
    package var checkLinks = true
    /// Called with a line to show before a long step (making the guide's PDF); the CLI prints it.
    package var progress: (@Sendable (String) -> Void)?
    /// Where to write the program data the build read, as CSV (`--data-snapshot`), after a successful build.
    package var dataSnapshot: URL?

    /// Creates a builder.
    package init(source: URL, output: URL, assembler: SiteAssembler = SiteAssembler()) {
        self.source = source
        self.output = output
        self.assembler = assembler
    }

    /// What a successful build did.
    package struct Report: Sendable {
        /// Files written.
        package var filesWritten: Int
        /// HTML pages written.
        package var pagesWritten: Int
        /// Warnings and notes (a build with errors throws instead).
        package var diagnostics: [Diagnostic]
        /// How long each stage took.
        package var timings: StageTimings
        /// Links to other sites found by the link check (listed, never fetched).
        package var externalLinks: [LinkChecker.ExternalLink] = []
        /// The guide downloads this build kept although they may be out of date (an incremental build with
        /// `defersGuideDownloads`); a build without that option makes them again.
        package var deferredDownloads: [String] = []
        /// The HTML pages an incremental build changed, when there are at most a few dozen (nil otherwise, and
        /// for full builds).
        package var changedPages: [String]?
        /// What disclosure control and the audit did, when the site has data.
        package var privacy: PrivacySummary?

        /// What the build left for later, as `ripple serve` names it; nil when nothing.
        package var deferredWork: String? { deferredDownloads.isEmpty ? nil : IncrementalBuilder.deferredDownloadsName }
    }

    /// Checks the site as a build would, rendering every page but writing nothing; returns every diagnostic.
    package func check() -> [Diagnostic] {
        let files: SiteSource
        do throws(DiagnosticError) { files = try SiteLoader(root: source).load() } catch { return error.diagnostics }
        let assembled = assembler.assemble(files)
        guard let model = assembled.model else { return assembled.diagnostics }
        let rendered = SiteRenderer(model: model).render(to: ClaimedPathSink(DiscardingSink(), model: model))
        return (assembled.diagnostics + rendered.diagnostics).sortedByLocation
    }

    /// Builds the site; throws every diagnostic (errors and warnings) when the build fails, leaving the
    /// previous output as it was.
    package func build() throws(DiagnosticError) -> Report {
        var timings = StageTimings()
        var files = try timings.measure("load") { () throws(DiagnosticError) in try SiteLoader(root: source).load() }
        let assembled = assembler.assemble(files)
        guard var model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        let snapshot = dataSnapshot == nil ? [] : ProgramReader(settings: model.config.data).snapshot(files.dataFiles, tables: files.dataTables)
        files = files.assembled
        timings.append(assembled.timings)
        // Guide downloads (EPUB, print, PDF): known before rendering so the guide pages can link them.
        var pdfEngine = PDFEngine.locate()
        pdfEngine?.progress = progress
        model.guideDownloads = GuideBuilder.downloads(config: model.config, hasChapters: !model.content.chapters.isEmpty,
                                                      pdfAvailable: GuideBuilder.makesPDF(model, engineFound: pdfEngine != nil))
        let staged = try StagedOutput(output: output, source: source)
        let counting = CountingSink(ClaimedPathSink(staged, model: model))
        let sink = LinkScanningSink(counting, scansPages: checkLinks)
        // The search index is merged and written on one core while the guide and the link check use the others.
        let search = SearchIndexWork { [model] documents in SiteRenderer(model: model).writeSearchIndex(documents, to: sink) }
        let rendered = timings.measure("render") { [model] in
            var renderer = SiteRenderer(model: model)
            renderer.searchDocumentsReady = search.start
            return renderer.render(to: sink)
        }
        var diagnostics = assembled.diagnostics + rendered.diagnostics
        if let warning = PrivateFolder.buildWarning(config: model.config, source: source, output: output) { diagnostics.append(warning) }
        if !diagnostics.hasErrors {
            // Guide: EPUB, print page and PDF (see Guide/GuideBuilder.swift).
            let contentFiles = Dictionary(files.contentFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
            let guide = GuideBuilder(model: model, files: contentFiles, pdfEngine: pdfEngine)
            do throws(DiagnosticError) {
                // The chapters' Markdown warnings were reported with the site's pages already.
                let notes = try timings.measure("guide") { () throws(DiagnosticError) in try guide.build(to: sink) }
                let seen = Set(diagnostics)
                diagnostics += notes.filter { !seen.contains($0) }
            } catch {
                diagnostics += error.diagnostics.filter { !diagnostics.contains($0) }
            }
        }
        // Essentials: robots.txt, sitemap.xml and the link check, on the staged output before it is swapped in.
        var external: [LinkChecker.ExternalLink] = []
        if !diagnostics.hasErrors {
            // The listing is what this build wrote (stale files of the reused staging folder go at the commit),
            // with the search index that is being written.
            let listing = Array(Set(staged.listing + (search.started ? [SearchIndex.fileName] : []))).sorted()
            let finish = timings.measure("links") { [model] in
                SiteFinish(files: files, pages: rendered.pages, config: model.config, checkLinks: checkLinks)
                    .run(folder: staged.staging, sink: sink, listing: listing, scanned: sink.takeScanned())
            }
            diagnostics += finish.diagnostics
            external = finish.external
        }
        let (searchProblems, searchTime) = search.wait()
        timings.record("search", searchTime)  // ran beside the guide and links stages
        diagnostics = (diagnostics + searchProblems).sortedByLocation
        guard !diagnostics.hasErrors else {
            staged.discard()
            throw DiagnosticError(diagnostics)
        }
        do throws(DiagnosticError) { try timings.measure("commit") { () throws(DiagnosticError) in try staged.commit() } } catch {
            staged.discard()
            throw error
        }
        if let dataSnapshot { try Self.write(snapshot, to: dataSnapshot) }
        return Report(filesWritten: counting.count, pagesWritten: counting.htmlCount, diagnostics: diagnostics,
                      timings: timings, externalLinks: external, privacy: assembled.privacy)
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
