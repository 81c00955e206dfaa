import Foundation
import RippleCore
import RippleRender

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
        /// Links to other sites found by the link check (listed, never fetched).
        package var externalLinks: [LinkChecker.ExternalLink] = []
    }

    /// Builds the site; throws every diagnostic (errors and warnings) when the build fails, leaving the
    /// previous output as it was.
    package func build() throws(DiagnosticError) -> Report {
        let files = try SiteLoader(root: source).load()
        let assembled = assembler.assemble(files)
        guard let model = assembled.model else { throw DiagnosticError(assembled.diagnostics) }
        let staged = try StagedOutput(output: output, source: source)
        let counting = CountingSink(staged)
        let rendered = SiteRenderer(model: model).render(to: counting)
        var diagnostics = assembled.diagnostics + rendered.diagnostics
        // Essentials: robots.txt, sitemap.xml and the link check, on the staged output.
        var external: [LinkChecker.ExternalLink] = []
        if !diagnostics.hasErrors {
            let finish = SiteFinish(files: files, pages: rendered.pages, config: model.config, checkLinks: checkLinks)
                .run(folder: staged.staging, sink: counting)
            diagnostics += finish.diagnostics
            external = finish.external
        }
        diagnostics = diagnostics.sortedByLocation
        guard !diagnostics.hasErrors else {
            staged.discard()
            throw DiagnosticError(diagnostics)
        }
        do throws(DiagnosticError) { try staged.commit() } catch {
            staged.discard()
            throw error
        }
        return Report(filesWritten: counting.count, pagesWritten: counting.htmlCount, diagnostics: diagnostics,
                      externalLinks: external)
    }
}
