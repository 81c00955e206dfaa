import RippleCore
import RippleRender

/// Refuses to let a file of `content/` and a file Ripple generates share an output path, whichever comes first.
///
/// Every generated file (pages, the theme's assets, the search index, `sitemap.xml`, `robots.txt`, `404.html`,
/// dashboards, reports, guide downloads) is written through the sink, and the files of `content/` that are copied as
/// they are (`StaticFile`) are known before rendering starts; so the sink, the one place every output path passes,
/// sees each clash whatever the order the pipeline's stages write in. Two Markdown pages with one output path are
/// `ContentBuilder`'s check; a theme file is replaced only through `templates/assets/`.
final class ClaimedPathSink: OutputSink {
    private let base: OutputSink
    /// Output path → the content file published there.
    private let claims: [String: String]
    /// What generates an output path, for the message: a Markdown page's source, or the theme.
    private let generators: [String: String]
    /// The theme's asset paths (`assets/css/ripple.css`).
    private let themeAssets: Set<String>

    /// Wraps `base` for a build of `model`.
    init(_ base: OutputSink, model: SiteModel) {
        self.base = base
        claims = Dictionary(model.content.staticFiles.map { ($0.outputPath, $0.source) }, uniquingKeysWith: { a, _ in a })
        var generators: [String: String] = [:]
        for page in model.content.allPages { generators[page.outputPath] = "'\(page.source)'" }
        for path in model.themeAssets.keys { generators[path] = "the theme's '\(path)'" }
        self.generators = generators
        themeAssets = Set(model.themeAssets.keys)
    }

    func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        if let clash = clash(at: path) { throw DiagnosticError(clash) }
        try base.write(path, bytes)
    }

    func write(_ path: String, text: String) throws(DiagnosticError) {
        if let clash = clash(at: path) { throw DiagnosticError(clash) }
        try base.write(path, text: text)
    }

    /// The clashes at `paths` that were not written again (an incremental build keeps unchanged pages as they are).
    func clashes(at paths: [String]) -> [Diagnostic] {
        paths.compactMap(clash(at:))
    }

    /// The error when a content file is published at `path`. O(1): one dictionary lookup (most sites have no claims
    /// on generated paths at all).
    private func clash(at path: String) -> Diagnostic? {
        guard let source = claims[path] else { return nil }
        let generator = generators[path] ?? "the generated '\(path)'"
        return .error("'\(source)' and \(generator) would both be written to '\(path)'", at: SourceLocation(file: source),
                      hint: themeAssets.contains(path) ? "the theme's files are replaced only through templates/: move the file to 'templates/\(path)'"
                                                       : "rename or move '\(source)'")
    }

    func copy(from sourcePath: String, to path: String) throws(DiagnosticError) {
        try base.copy(from: sourcePath, to: path)
    }
}
