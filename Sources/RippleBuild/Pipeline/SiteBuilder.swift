import Foundation
import RippleCore
import RipplePrivacy
import RippleRender
import RippleSources

/// Runs the whole pipeline: load (I/O) → assemble (pure) → render → write (I/O) → finish (sitemap, link check)
/// → commit. A build with errors leaves the output as it was.
///
/// One pipeline for every build: with no `state` it is the incremental build from an empty state, written into
/// a staging folder and swapped in (`StagedOutput`); with a `state` it redoes only what changed since the last
/// build with that state, writing in place only the files whose bytes changed (`IncrementalOutput`). Both give
/// the same bytes. `ripple serve` keeps the state in memory, `ripple build --incremental` in `IncrementalCache`.
package struct SiteBuilder: Sendable {
    /// The site folder.
    package var source: URL
    /// The output folder.
    package var output: URL
    /// What the build is asked to do.
    package var options: BuildOptions
    /// What earlier builds left; nil: a build that starts from nothing and keeps nothing.
    package var state: IncrementalState?

    /// Creates a builder; with a `state` it rebuilds only what changed since the last build with that state.
    package init(source: URL, output: URL, options: BuildOptions = BuildOptions(), state: IncrementalState? = nil) {
        self.source = source
        self.output = output
        self.options = options
        self.state = state
    }

    /// Creates a builder with the given assembler and default options.
    package init(source: URL, output: URL, assembler: SiteAssembler, state: IncrementalState? = nil) {
        self.init(source: source, output: output, options: BuildOptions(assembler: assembler), state: state)
    }

    /// The builder as `ripple serve` runs it over `state`: no PDF, only the files the watcher saw change
    /// (`changed`; nil: every file), and the guide downloads deferred unless `changed` is empty, which is the
    /// build that makes them once the author pauses.
    package static func preview(source: URL, output: URL, assembler: SiteAssembler, state: IncrementalState,
                                changed: [String]?) -> SiteBuilder {
        var options = BuildOptions(assembler: assembler)
        options.makePDF = false
        options.listsExternalLinks = false
        options.changedPaths = changed.map(Set.init)
        options.defersGuideDownloads = changed?.isEmpty != true
        return SiteBuilder(source: source, output: output, options: options, state: state)
    }

    /// What `ripple serve` calls the downloads it defers ("Made … in 850 ms").
    package static let deferredDownloadsName = "the guide's EPUB and print edition"

    /// The note given once when the PDF is left out of a preview.
    package static let noPDFNote = Diagnostic(
        .note, "the preview does not make the guide's PDF (WeasyPrint takes seconds); `ripple build` makes it",
        at: SourceLocation(file: "ripple.yaml", field: "guide.pdf"),
        hint: "run `ripple build` or `ripple guide --format pdf` to see the PDF")

    /// What a successful build did.
    package struct Report: Sendable {
        /// Files written (a build with a state counts only those whose bytes changed).
        package var filesWritten: Int
        /// HTML pages written (likewise).
        package var pagesWritten: Int
        /// Warnings and notes (a build with errors throws instead).
        package var diagnostics: [Diagnostic]
        /// How long each stage took.
        package var timings: StageTimings
        /// Links to other sites found by the link check (listed, never fetched).
        package var externalLinks: [LinkChecker.ExternalLink] = []
        /// The guide downloads this build kept although they may be out of date (`defersGuideDownloads`); a
        /// build without that option makes them again.
        package var deferredDownloads: [String] = []
        /// The HTML pages a build with a state changed, when there are at most a few dozen (nil otherwise, and
        /// for builds without a state).
        package var changedPages: [String]?
        /// What disclosure control and the audit did, when the site has data.
        package var privacy: PrivacySummary?

        /// What the build left for later, as `ripple serve` names it; nil when nothing.
        package var deferredWork: String? { deferredDownloads.isEmpty ? nil : SiteBuilder.deferredDownloadsName }
    }

    /// Checks the site as a build would, rendering every page but writing nothing; returns every diagnostic.
    package func check() -> [Diagnostic] {
        let files: SiteSource
        do throws(DiagnosticError) { files = try SiteLoader(root: source).load() } catch { return error.diagnostics }
        let assembled = options.assembler.assemble(files)
        guard let model = assembled.model else { return assembled.diagnostics }
        let rendered = SiteRenderer(model: model).render(to: ClaimedPathSink(DiscardingSink(), model: model))
        return (assembled.diagnostics + rendered.diagnostics).sortedByLocation
    }
}
