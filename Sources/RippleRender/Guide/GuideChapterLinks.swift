import RippleCore
import RippleMarkdown

/// How the guide's book (EPUB and print edition) writes one chapter's links and shortcodes, and what it finds on the
/// way: links to other chapters and images become placeholders (see `GuideChapter`), links to site pages outside
/// the guide absolute on `base_url` (plain text without one), remote images are noted, and images e-book readers
/// cannot show and shortcode markup that is not XML are errors. Used by `GuideChapterRenderer`, and by
/// `MarkdownStage` when the site's render of a chapter serves the book too.
final class GuideChapterLinks {
    private let page: Page
    private let resolver: LinkResolver
    private let files: [StaticFile]
    private let baseURL: String
    /// `#fragment` links the chapter's links name.
    var references: [LinkResolver.AnchorReference] = []
    /// Sources of the images the chapter shows.
    var images: Set<String> = []
    /// Problems of the book alone (remote and unsupported images, shortcode markup).
    var diagnostics: [Diagnostic] = []

    init(page: Page, book: GuideChapterRenderer.Book) {
        self.page = page
        resolver = book.resolver
        files = book.files
        baseURL = book.baseURL
    }

    /// The book's destination for one link.
    func rewrite(_ link: LinkTarget) -> LinkRewrite {
        let rewrite = resolver.resolve(link, on: page, anchors: &references)
        if link.isImage, EPUBMedia.isRemote(link.destination) { diagnostics.append(EPUBMedia.remoteImageNote(at: link.location)) }
        guard case let .replace(href) = rewrite, href.hasPrefix(GuideLinks.fileScheme),
              let index = Int(href.dropFirst(GuideLinks.fileScheme.count)) else { return rewrite }
        let file = files[index]
        if link.isImage {
            if let problem = EPUBMedia.unsupportedImage(file.source, at: link.location) {
                diagnostics.append(problem)
                return .keep
            }
            images.insert(file.source)
            return rewrite
        }
        // A download such as a PDF: the book links to the site's copy, or shows plain text.
        return .replace(baseURL.isEmpty ? "" : baseURL + file.outputPath)
    }

    /// An error when a shortcode's HTML cannot go into the EPUB (it is not XML), else nil.
    static func embedProblem(_ result: EmbedResult, of embed: Embed) -> Diagnostic? {
        guard case let .html(html, _) = result,
              let problem = XHTML.wellFormednessProblem(ofFragment: XHTML.fromHTML(html)) else { return nil }
        return .error("the '\(embed.name)' shortcode made markup the EPUB cannot use: \(problem.message)",
                      at: embed.location, hint: "report this to whoever maintains the site's theme")
    }
}
