import RippleCore
import RippleMarkdown

/// A page whose Markdown has been rendered: what the templates and the search index read.
package struct RenderedPage: Sendable {
    /// The source page.
    package var page: Page
    /// The title: front matter, else the leading `# heading`.
    package var title: String
    /// The rendered body.
    package var markdown: RenderedMarkdown
    /// Summary: front matter, else the first paragraph.
    package var summary: String { page.summary ?? markdown.summary }

    /// The page without its body HTML: what later stages (link check, incremental builds) keep of it.
    package var withoutHTML: RenderedPage {
        var page = self
        page.markdown.html = ""
        return page
    }
}
