extension SearchDocument {
    /// The document of a rendered Markdown page.
    package init(page: RenderedPage) {
        self.init(title: page.title, url: page.page.outputPath, html: page.markdown.html)
    }
}
