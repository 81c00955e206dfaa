import RippleCore
import RippleMarkdown

/// A page whose Markdown has been rendered: what the templates and the search index read.
///
/// Immutable, and held by reference: the stages pass 10,000-page arrays of these around (filtered, reordered,
/// kept between incremental builds), and copying a page's twenty-odd fields each time showed in profiles.
package struct RenderedPage: Sendable {
    private final class Storage: Sendable {
        let page: Page
        let title: String
        let markdown: RenderedMarkdown

        init(page: Page, title: String, markdown: RenderedMarkdown) {
            self.page = page
            self.title = title
            self.markdown = markdown
        }
    }

    private let storage: Storage

    /// Creates a rendered page.
    package init(page: Page, title: String, markdown: RenderedMarkdown) {
        storage = Storage(page: page, title: title, markdown: markdown)
    }

    /// The source page.
    package var page: Page { _read { yield storage.page } }
    /// The title: front matter, else the leading `# heading`.
    package var title: String { _read { yield storage.title } }
    /// The rendered body.
    package var markdown: RenderedMarkdown { _read { yield storage.markdown } }
    /// Summary: front matter, else the first paragraph.
    package var summary: String { page.summary ?? markdown.summary }

    /// The page without its body HTML: what later stages (link check, incremental builds) keep of it.
    package var withoutHTML: RenderedPage {
        guard !markdown.html.isEmpty else { return self }
        var markdown = self.markdown
        markdown.html = ""
        return RenderedPage(page: page, title: title, markdown: markdown)
    }
}
