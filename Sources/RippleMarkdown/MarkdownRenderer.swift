import CCmark
import RippleCore

/// Renders Markdown (CommonMark, through libcmark) to HTML for Ripple pages and guide chapters.
///
/// One parse, one walk over the syntax tree and one HTML render per document. On the way:
/// - the heading that opens the document (any level, after HTML comments and anchors) becomes `title`;
///   a level-1 one is removed from the HTML, and one of any level when the page has no title of its own;
/// - every other heading gets an id (see `HeadingSlugger` for the rule: "Step 3: Launch!" → `step-3-launch`,
///   repeats get `-1`, `-2`, …) and renders as
///   `<h2 id="slug">Text <a class="anchor" href="#slug" aria-label="Link to this section">#</a></h2>`;
/// - every link and image destination goes through `rewriteLink`;
/// - shortcodes, `{{< name first key=value key="quoted value" >}}`, go through `embed`;
/// - unless `unsafeHTML` is set, raw HTML is made safe (see `HTMLAllowlist`), what is removed reported as a warning.
package struct MarkdownRenderer: Sendable {
    /// The options every `render` call uses.
    package let options: MarkdownOptions

    /// Creates a renderer.
    package init(options: MarkdownOptions) {
        self.options = options
    }

    /// Renders one document.
    ///
    /// - Parameters:
    ///   - markdown: the Markdown body (without front matter).
    ///   - file: path for diagnostics (e.g. "content/guide/03-matching.md").
    ///   - lineOffset: lines before the Markdown body in the file (front matter), added to cmark's
    ///     source positions so locations are real file lines.
    ///   - sourceLines: where the lines come from when the Markdown includes other files (`IncludeExpander`).
    ///   - pageHasTitle: whether the front matter gives the page's title; when not, the opening heading of any
    ///     level is the title shown above the page, so it is removed from the HTML (not shown twice).
    ///   - rewriteLink: called for every link and image, in document order.
    ///   - embed: called for every well-formed shortcode, in document order.
    /// - Returns: the HTML and what was learned about the document; problems are in `diagnostics`,
    ///   all of them, never just the first.
    package func render(
        _ markdown: String, file: String, lineOffset: Int = 0, sourceLines: [SourceLineRun] = [], pageHasTitle: Bool = true,
        rewriteLink: (LinkTarget) -> LinkRewrite = { _ in .keep },
        embed: (Embed) -> EmbedResult = { e in .fail(.error("unknown shortcode '\(e.name)'", at: e.location)) }
    ) -> RenderedMarkdown {
        render(markdown, file: file, lineOffset: lineOffset, sourceLines: sourceLines, pageHasTitle: pageHasTitle,
               rewriteLink: rewriteLink, secondLink: nil, embed: embed).markdown
    }

    /// What one render gives a second output whose links are written differently (see `render(…secondLink:…)`).
    package struct SecondOutput: Sendable {
        /// The body HTML with the second output's link destinations.
        package var html: String
        /// Problems only the second output's link rewriting reported (`.fail`).
        package var diagnostics: [Diagnostic]
    }

    /// Renders one document for two outputs at once (the site, and the guide's EPUB and print edition): `rewriteLink`
    /// decides the links of the first, whose result is exactly what `render` gives; `secondLink` those of the second,
    /// whose HTML is the same but for its link destinations, byte for byte what rendering with `secondLink` would
    /// give. Both callbacks are asked about every link, in document order. `second` is nil when the Markdown or a
    /// shortcode's HTML holds the placeholders' prefix (see `LinkSlots`): render that document for the second output
    /// on its own.
    package func render(
        _ markdown: String, file: String, lineOffset: Int = 0, sourceLines: [SourceLineRun] = [], pageHasTitle: Bool = true,
        rewriteLink: (LinkTarget) -> LinkRewrite, secondLink: ((LinkTarget) -> LinkRewrite)?, embed: (Embed) -> EmbedResult
    ) -> (markdown: RenderedMarkdown, second: SecondOutput?) {
        let sourceMap = SourceMap(markdown: markdown, file: file, lineOffset: lineOffset, sourceLines: sourceLines)
        let shared = secondLink != nil && !LinkSlots.clashes(with: markdown)
        var clash = false
        let result = withoutActuallyEscaping(rewriteLink) { rewriteLink in
            withoutActuallyEscaping(embed) { embed in
                render(markdown, sourceMap: sourceMap, pageHasTitle: pageHasTitle, rewriteLink: rewriteLink,
                       secondLink: shared ? secondLink : nil,
                       embed: !shared ? embed : { request in
                           let result = embed(request)
                           if case let .html(html, _) = result, LinkSlots.clashes(with: html) { clash = true }
                           return result
                       })
            }
        }
        guard shared else { return (result.markdown, nil) }
        var first = result.markdown
        if !clash, let html = result.slots.fill(first.html, second: false, unsafeHTML: options.unsafeHTML),
           let secondHTML = result.slots.fill(first.html, second: true, unsafeHTML: options.unsafeHTML) {
            first.html = html
            return (first, SecondOutput(html: secondHTML, diagnostics: result.secondDiagnostics))
        }
        // A placeholder the text itself holds: render as usual (the shortcodes are asked again).
        return (render(markdown, file: file, lineOffset: lineOffset, sourceLines: sourceLines, pageHasTitle: pageHasTitle,
                       rewriteLink: rewriteLink, embed: embed), nil)
    }

    private func render(
        _ markdown: String, sourceMap: SourceMap, pageHasTitle: Bool,
        rewriteLink: @escaping (LinkTarget) -> LinkRewrite, secondLink: ((LinkTarget) -> LinkRewrite)?,
        embed: @escaping (Embed) -> EmbedResult
    ) -> (markdown: RenderedMarkdown, slots: LinkSlots, secondDiagnostics: [Diagnostic]) {
        var parseOptions = CMARK_OPT_SOURCEPOS
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        let footnotes = FootnoteDefinitions(markdown)
        return Cmark.withDocument(footnotes.body, options: parseOptions) { document in
            render(document, sourceMap: sourceMap, footnotes: footnotes, pageHasTitle: pageHasTitle,
                   rewriteLink: rewriteLink, secondLink: secondLink, embed: embed)
        }
    }

    private func render(
        _ document: OpaquePointer, sourceMap: SourceMap, footnotes: FootnoteDefinitions, pageHasTitle: Bool,
        rewriteLink: @escaping (LinkTarget) -> LinkRewrite, secondLink: ((LinkTarget) -> LinkRewrite)?,
        embed: @escaping (Embed) -> EmbedResult
    ) -> (markdown: RenderedMarkdown, slots: LinkSlots, secondDiagnostics: [Diagnostic]) {
        let walker = DocumentWalker(
            options: options, sourceMap: sourceMap, footnotes: footnotes.definitions, rewriteLink: rewriteLink,
            rewriteSecondLink: secondLink, embed: embed)
        let title = walker.extractTitle(document, pageHasTitle: pageHasTitle)
        walker.walk(document)
        walker.appendFootnotes(to: document)
        // Raw HTML from the author was made safe by the walk when it must be, so what is
        // left as HTML is Ripple's own (headings, shortcodes) and must pass through.
        // A long code line scrolls inside its block (ripple.css), which keyboard users can only scroll once
        // they can focus it.
        let rendered = Cmark.renderHTML(document, options: CMARK_OPT_UNSAFE)
        let focusable = "<pre tabindex=\"0\"><code"
        let html = ByteSearch.replacingAll("<pre><code", with: focusable, in: rendered) ?? rendered.replacing("<pre><code", with: focusable)

        var words = PlainText.WordCounter()
        for piece in walker.pieces { words.add(piece) }
        let markdown = RenderedMarkdown(
            html: html,
            title: title,
            toc: TOCBuilder.entries(walker.headings),
            anchors: walker.headings.map(\.id) + walker.rawHTMLIDs,
            summary: PlainText.summary(walker.firstParagraph ?? ""),
            wordCount: words.count,
            diagnostics: walker.diagnostics,
            sections: walker.textSections()
        )
        return (markdown, walker.linkSlots, walker.secondDiagnostics)
    }

    /// All body text of `markdown` without markup (blocks separated by newlines, words by single spaces),
    /// as `render` reads it to count words; a leading level-1 heading (the title) is not included.
    package func plainText(_ markdown: String) -> String {
        let footnotes = FootnoteDefinitions(markdown)
        return Cmark.withDocument(footnotes.body, options: options.smartPunctuation ? CMARK_OPT_SMART : CMARK_OPT_DEFAULT) { document in
            let walker = DocumentWalker(options: options, sourceMap: SourceMap(markdown: markdown, file: "", lineOffset: 0),
                                        footnotes: footnotes.definitions,
                                        rewriteLink: { _ in .keep }, embed: { e in .fail(.error("", at: e.location)) })
            _ = walker.extractTitle(document, pageHasTitle: true)
            walker.walk(document)
            walker.appendFootnotes(to: document)
            return PlainText.joined(walker.pieces)
        }
    }
}
