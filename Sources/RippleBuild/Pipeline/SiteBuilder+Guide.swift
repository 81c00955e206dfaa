import RippleCore
import RippleRender

extension SiteBuilder {
    /// What the guide step left in the output besides what it wrote.
    struct GuideStep {
        /// The downloads of the last build kept as they are.
        var kept: [String]
        /// Those of them kept although they may be out of date (`defersGuideDownloads`).
        var deferred: [String]
        /// Hash of everything the downloads are made from; nil when not computed (no state, or deferred).
        var key: UInt64?
    }

    /// Makes the guide's EPUB, print page and PDF (see Guide/GuideBuilder.swift), unless the `keys` show the
    /// last build with this `state` made them from the same files, or the options defer them.
    /// `drafts` are the chapters the site's render drafted for the book (see `SiteRenderer.draftsGuide`).
    func makeGuide(_ model: SiteModel, _ files: SiteSource, drafts: [String: GuideChapterDraft], keys: BuildKeys?, state: IncrementalState,
                   previous: [String: UInt64], pdfEngine: PDFEngine?, sink: OutputSink,
                   diagnostics: inout [Diagnostic], timings: inout StageTimings) -> GuideStep {
        guard model.config.guide.downloads, !model.content.chapters.isEmpty else { return GuideStep(kept: [], deferred: [], key: nil) }
        let makesPDF = GuideBuilder.makesPDF(model, engineFound: pdfEngine != nil)
        let made = GuideBuilder.Format.allCases.filter { $0 != .pdf || makesPDF }.map { GuideBuilder.outputPath($0, config: model.config) }
        // The downloads of the last build (a PDF too, when that build made one).
        let paths = GuideBuilder.Format.allCases.map { GuideBuilder.outputPath($0, config: model.config) }.filter { previous[$0] != nil }
        // Deferring skips even the key: hashing every content file is a real share of a one-chapter rebuild.
        if options.defersGuideDownloads, !paths.isEmpty, Set(made).isSubset(of: paths) {
            return GuideStep(kept: paths, deferred: paths, key: nil)
        }
        let key = keys?.guide(pdf: pdfEngine != nil)
        if let key, state.storage.withLock({ $0.guideKey }) == key {
            if model.config.guide.pdf == .auto, pdfEngine == nil { diagnostics.append(PDFEngine.skippedNote) }
            return GuideStep(kept: paths, deferred: [], key: key)
        }
        let contentFiles = Dictionary(files.contentFiles.map { ($0.path, files.bytes(of: $0) ?? []) }, uniquingKeysWith: { a, _ in a })
        var guide = GuideBuilder(model: model, files: contentFiles, pdfEngine: pdfEngine)
        guide.drafts = drafts
        do throws(DiagnosticError) {
            // The chapters' Markdown warnings were reported with the site's pages already.
            let notes = try timings.measure("guide") { () throws(DiagnosticError) in try guide.build(to: sink) }
            let seen = Set(diagnostics)
            diagnostics += notes.filter { !seen.contains($0) }
        } catch {
            diagnostics += error.diagnostics.filter { !diagnostics.contains($0) }
        }
        return GuideStep(kept: [], deferred: [], key: key)
    }
}
