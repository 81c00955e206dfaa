import Foundation
import RippleCore
import RippleRender

/// Produces the downloadable guide — EPUB, print page and PDF — from the site model, beside the HTML site.
package struct GuideBuilder: Sendable {
    /// A downloadable form of the guide.
    package enum Format: String, Sendable, CaseIterable {
        /// EPUB 3.
        case epub
        /// PDF made by WeasyPrint from the print page.
        case pdf
        /// The print page (all chapters on one HTML page).
        case html
    }

    /// The site.
    package var model: SiteModel
    /// Bytes of the files under `content/`, by path (`content/guide/img/a.png`): images and the cover.
    package var files: [String: [UInt8]]
    /// The PDF engine, nil when WeasyPrint is not installed.
    package var pdfEngine: PDFEngine?
    /// Chapters the site's render already made for the book, by source path (see `SiteRenderer.draftsGuide`); the
    /// others are rendered from their Markdown.
    package var drafts: [String: GuideChapterDraft] = [:]

    /// Creates a builder.
    package init(model: SiteModel, files: [String: [UInt8]], pdfEngine: PDFEngine?) {
        self.model = model; self.files = files; self.pdfEngine = pdfEngine
    }

    /// Output path of a form (`guide/the-ripple-effect.epub`, `guide/print.html`).
    package static func outputPath(_ format: Format, config: SiteConfig) -> String {
        switch format {
        case .epub: "guide/\(config.guide.slug).epub"
        case .pdf: "guide/\(config.guide.slug).pdf"
        case .html: PrintRenderer.outputPath
        }
    }

    /// The downloads a build makes, for the guide pages' download links (none without chapters).
    package static func downloads(config: SiteConfig, hasChapters: Bool, pdfAvailable: Bool) -> [GuideDownload] {
        guard hasChapters, config.guide.downloads else { return [] }
        var list = [GuideDownload(label: "EPUB", path: outputPath(.epub, config: config), format: "epub")]
        if config.guide.pdf != .never, pdfAvailable {
            list.append(GuideDownload(label: "PDF", path: outputPath(.pdf, config: config), format: "pdf"))
        }
        list.append(GuideDownload(label: "Print version", path: outputPath(.html, config: config), format: "html"))
        return list
    }

    /// Writes every form to `sink`; returns notes (a skipped PDF), throws when any form cannot be made.
    package func build(to sink: OutputSink) throws(DiagnosticError) -> [Diagnostic] {
        guard !model.content.chapters.isEmpty, model.config.guide.downloads else { return [] }
        let (chapters, notes) = try renderChapters()
        let config = model.config
        // The print page ends in one template render and one file write, on one core: it is made beside the EPUB,
        // whose chapters keep the other cores busy meanwhile. The page is kept past its write only for the PDF.
        let keepsPage = Self.makesPDF(config: config, content: model.content, engineFound: pdfEngine != nil)
        let printing = BackgroundWork { [model] () -> Result<String?, DiagnosticError> in
            Result { () throws(DiagnosticError) -> String? in
                let page = try PrintRenderer(model: model).render(chapters)
                try sink.write(Self.outputPath(.html, config: model.config), text: page)
                return keepsPage ? page : nil
            }
        }
        let book = Result { () throws(DiagnosticError) in try sink.write(Self.outputPath(.epub, config: config), try epub(chapters)) }
        // Waited for before any error is thrown: nothing may write to the sink after the build has returned.
        let printed = printing.wait().0
        try book.get()
        let print = try printed.get()
        switch (config.guide.pdf, pdfEngine) {
        case (.never, _): return notes
        case (.auto, nil): return notes + [PDFEngine.skippedNote]
        case (.always, nil): throw DiagnosticError(Self.missingEngine)
        case (.auto, _?) where Self.isTooLargeForAutoPDF(model.content): return notes + [Self.tooLargeNote(model.content)]
        case let (_, engine?):
            let page: String
            if let print { page = print } else { page = try PrintRenderer(model: model).render(chapters) }  // kept whenever a PDF is made
            try sink.write(Self.outputPath(.pdf, config: config), try pdf(page, chapters, engine))
        }
        return notes
    }

    /// Above this many chapters `guide.pdf: auto` skips the PDF (WeasyPrint needs about 0.4 s and 5 MB a chapter).
    package static let autoPDFChapterLimit = 300
    /// Above this much chapter text (Markdown bytes) `guide.pdf: auto` skips the PDF.
    package static let autoPDFTextLimit = 4_000_000

    /// Whether `guide.pdf: auto` leaves the PDF out because the book is too big to make one in reasonable time.
    package static func isTooLargeForAutoPDF(_ content: SiteContent) -> Bool {
        content.chapters.count > autoPDFChapterLimit || content.chapters.reduce(0) { $0 + $1.bodyByteCount } > autoPDFTextLimit
    }

    /// Whether a build makes the PDF: `pdf` is not `never`, WeasyPrint is installed, and under `auto` the book is
    /// not too big (see `isTooLargeForAutoPDF`). Known before rendering, so the guide pages link only what is made.
    package static func makesPDF(_ model: SiteModel, engineFound: Bool) -> Bool {
        makesPDF(config: model.config, content: model.content, engineFound: engineFound)
    }

    /// Whether a build with this configuration and content makes the PDF.
    static func makesPDF(config: SiteConfig, content: SiteContent, engineFound: Bool) -> Bool {
        switch config.guide.pdf {
        case .never: false
        case .always: engineFound
        case .auto: engineFound && !isTooLargeForAutoPDF(content)
        }
    }

    static func tooLargeNote(_ content: SiteContent) -> Diagnostic {
        let bytes = content.chapters.reduce(0) { $0 + $1.bodyByteCount }
        let size = content.chapters.count > autoPDFChapterLimit ? "has \(content.chapters.count) chapters"
            : "holds \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB of text"
        return Diagnostic(.note, "PDF skipped: the guide \(size), more than `pdf: auto` makes a PDF of "
                            + "(\(autoPDFChapterLimit) chapters or \(autoPDFTextLimit / 1_000_000) MB of text)",
                          at: SourceLocation(file: "ripple.yaml", field: "guide.pdf"),
                          hint: "set `pdf: always` under `guide:` to make it anyway (within `pdf_timeout` and `pdf_memory`), or `pdf: never` to silence this note")
    }

    /// One form's bytes, for `ripple guide --format` (the HTML as a single file: stylesheet and images inline). A PDF
    /// without WeasyPrint is an error whatever `guide.pdf` says.
    package func render(_ format: Format) throws(DiagnosticError) -> [UInt8] {
        try make(format).bytes
    }

    /// `render(_:)`, with the notes about the book's chapters (an image the EPUB links instead of showing).
    package func make(_ format: Format) throws(DiagnosticError) -> (bytes: [UInt8], notes: [Diagnostic]) {
        guard !model.content.chapters.isEmpty else {
            throw DiagnosticError(.error("the guide has no chapters", at: SourceLocation(file: "content/guide"),
                                         hint: "add Markdown files to content/guide/, like 01-welcome.md"))
        }
        let (chapters, notes) = try renderChapters()
        switch format {
        case .epub: return (try epub(chapters), notes)
        case .html, .pdf: return (try render(format, chapters), [])  // the notes are about the EPUB
        }
    }

    private func render(_ format: Format, _ chapters: [GuideChapter]) throws(DiagnosticError) -> [UInt8] {
        switch format {
        case .epub: return try epub(chapters)
        case .html:
            // A single file to send: the stylesheets inline and the images as `data:` URLs.
            var images: [String: String] = [:]
            for source in Set(chapters.flatMap(\.imageSources)) {
                if let bytes = files[source] { images[source] = DataURL.image(bytes, path: source) }
            }
            return Array(try PrintRenderer(model: model).render(chapters, standalone: .init(images: images)).utf8)
        case .pdf:
            guard let pdfEngine else { throw DiagnosticError(Self.missingEngine) }
            return try pdf(try PrintRenderer(model: model).render(chapters), chapters, pdfEngine)
        }
    }

    static let missingEngine = Diagnostic.error(
        "the guide's PDF needs WeasyPrint, which is not installed", at: SourceLocation(file: "ripple.yaml", field: "guide.pdf"),
        hint: "install it (apt-get install weasyprint), or set `pdf: auto` to skip the PDF when it is missing")

    /// The chapters as the book shows them, with the warnings and notes about them; throws their errors.
    private func renderChapters() throws(DiagnosticError) -> (chapters: [GuideChapter], notes: [Diagnostic]) {
        let (chapters, diagnostics) = GuideChapterRenderer(model: model).render(drafts: drafts)
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.sortedByLocation) }
        return (chapters, diagnostics.sortedByLocation)
    }

    private func epub(_ chapters: [GuideChapter]) throws(DiagnosticError) -> [UInt8] {
        let (entries, modified) = try EPUBRenderer(model: model).render(chapters, files: files, pack: { EPUBWriter.pack($0) })
        return try EPUBWriter.zip(entries, modified: modified)
    }

    private func pdf(_ print: String, _ chapters: [GuideChapter], _ engine: PDFEngine) throws(DiagnosticError) -> [UInt8] {
        var resources = model.themeAssets
        let byPath = Dictionary(model.content.staticFiles.map { ($0.source, $0.outputPath) }, uniquingKeysWith: { a, _ in a })
        for source in Set(chapters.flatMap(\.imageSources)) {
            if let output = byPath[source], let bytes = files[source] { resources[output] = bytes }
        }
        let epoch = EPUBMetadata(config: model.config, chapters: chapters.map(\.page)).modifiedSeconds
        var engine = engine
        engine.limit(by: model.config.guide)
        // Remote images become links, as in the EPUB: the PDF must not depend on (or call) another site.
        let html = PrintChartStyle.embedding(model.printChartCSS, in: EPUBMedia.linkingRemoteImages(print))
        return try engine.render(html: html, htmlPath: PrintRenderer.outputPath,
                                 files: resources, epoch: epoch, job: .guide(chapters: chapters.count))
    }
}
