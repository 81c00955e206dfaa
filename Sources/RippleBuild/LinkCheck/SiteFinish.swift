import Foundation
import RippleCore
import RippleRender

/// The last steps of a build, on the staged output before it is swapped in: `robots.txt` and `sitemap.xml`,
/// then the link check.
package struct SiteFinish: Sendable {
    /// What finishing found.
    package struct Result: Sendable {
        /// Notes (no sitemap) and link errors.
        package var diagnostics: [Diagnostic]
        /// Links to other sites (never fetched).
        package var external: [LinkChecker.ExternalLink]
    }

    /// The site's files as read (templates are searched for broken links).
    package var files: SiteSource
    /// The rendered Markdown pages (their output paths map back to sources).
    package var pages: [RenderedPage]
    /// The configuration.
    package var config: SiteConfig
    /// Whether to check links.
    package var checkLinks: Bool

    /// Creates the step.
    package init(files: SiteSource, pages: [RenderedPage], config: SiteConfig, checkLinks: Bool) {
        self.files = files
        self.pages = pages
        self.config = config
        self.checkLinks = checkLinks
    }

    /// Writes robots.txt and the sitemap through `sink` into `folder`, then checks the links of `folder`.
    /// `listing` is the folder's files as `SiteLinkCheck.files(in:)` would list them, when the caller knows them
    /// (a staged build knows every file it wrote; listing 10,000 folders again took most of a second).
    /// `scanned` holds the pages scanned as they were written; the check reads the others from `folder`.
    func run(folder: URL, sink: OutputSink, listing: [String]? = nil,
             scanned: SiteLinkCheck.Scanned = SiteLinkCheck.Scanned()) -> Result {
        var diagnostics: [Diagnostic] = []
        var paths = listing ?? SiteLinkCheck.files(in: folder)
        let (extra, notes) = Sitemap.files(config: config, pages: paths.filter { $0.hasSuffix(".html") })
        diagnostics += notes
        var failed = false
        for file in extra {
            do throws(DiagnosticError) { try sink.write(file.path, text: file.text) } catch {
                diagnostics += error.diagnostics
                failed = true
            }
        }
        guard checkLinks else { return Result(diagnostics: diagnostics, external: []) }
        // The listing is reused for the check (with the files just written) unless a write failed half-way.
        paths = Array(Set(paths + extra.map(\.path))).sorted()
        var check = SiteLinkCheck(folder: folder, paths: failed ? nil : paths, locator: { locator() })
        check.scanned = scanned
        let result = check.run()
        return Result(diagnostics: diagnostics + result.diagnostics, external: result.external)
    }

    /// A locator over the Markdown sources of the rendered pages and every template.
    package func locator() -> LinkLocator {
        let origins = Dictionary(pages.map { ($0.page.outputPath, $0.page.source) }, uniquingKeysWith: { a, _ in a })
        // Each page's Markdown with its front matter as blank lines, so lines are the file's lines.
        let sources = pages.map {
            LinkLocator.Text(path: $0.page.source, text: String(repeating: "\n", count: $0.page.bodyLineOffset) + $0.page.body)
        }
        let templates = files.themeFiles.filter { $0.path.hasSuffix(".mustache") }.map {
            LinkLocator.Text(path: $0.displayPath, text: String(decoding: $0.bytes, as: UTF8.self))
        }
        return LinkLocator(origins: origins, sources: sources, templates: templates)
    }
}
