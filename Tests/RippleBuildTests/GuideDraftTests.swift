import RippleBuild
import RippleCore
import RippleMarkdown
import RippleRender
import Testing

/// The site's render of a chapter drafts it for the book (`MarkdownStage.book`): the guide's chapters taken from
/// the drafts must be those it renders itself.
@Suite("Guide: chapters drafted by the site's render")
struct GuideDraftTests {
    private let chapters = [
        GuideTestSupport.chapter("01-start.md", """
            # Getting started

            Read [the next part](02-next.md#step-two), [join](../pages/join.md) and [the handout](files/handout.pdf).
            ![A chart](img/chart one.png) ![Old](img/old.bmp) ![Remote](https://example.org/x.png)

            ## First steps {#first}

            Raw <a href="02-next.md">HTML</a> and <img src="img/chart one.png" alt="again">, [an anchor](#first).

            | with | [a link](02-next.md) |
            | --- | --- |

            """),
        GuideTestSupport.chapter("02-next.md", "## Step two\n\nBack to [the start](01-start.md#first-steps)[^n].\n\n[^n]: See [join](../pages/join.md).\n",
                                 title: "Next"),
    ]
    private let staticFiles = [
        StaticFile(source: "content/guide/img/chart one.png", outputPath: "guide/img/chart one.png"),
        StaticFile(source: "content/guide/img/old.bmp", outputPath: "guide/img/old.bmp"),
        StaticFile(source: "content/guide/files/handout.pdf", outputPath: "guide/files/handout.pdf"),
    ]

    @Test(arguments: [(false, "https://intranet.example.com/mentoring/"), (true, ""), (false, "")])
    func draftedChaptersAreTheRenderedOnes(unsafeHTML: Bool, baseURL: String) throws {
        let builder = try GuideTestSupport.builder(chapters: chapters, staticFiles: staticFiles) { config in
            config.markdown.unsafeHTML = unsafeHTML
            config.baseURL = baseURL
        }
        let model = builder.model
        var stage = MarkdownStage(options: MarkdownOptions(model.config.markdown), links: LinkResolver(content: model.content), embeds: nil)
        stage.book = GuideChapterRenderer.Book(model: model)
        let drafts = stage.renderWithDrafts(model.content.chapters).drafts
        #expect(drafts.count == 2)
        let renderer = GuideChapterRenderer(model: model)
        let (rendered, renderedProblems) = renderer.render()
        let (drafted, draftedProblems) = renderer.render(drafts: drafts)
        #expect(Set(draftedProblems) == Set(renderedProblems))
        #expect(renderedProblems.contains { $0.message.hasPrefix("the image 'old.bmp' cannot go into the EPUB") })
        #expect(drafted.count == rendered.count)
        for (a, b) in zip(drafted, rendered) {
            #expect(a.number == b.number && a.label == b.label && a.title == b.title && a.summary == b.summary)
            #expect(a.html == b.html)
            #expect(a.toc == b.toc && a.imageSources == b.imageSources && a.hasSVG == b.hasSVG)
        }
        #expect(rendered[0].html.contains("<a href=\"ripple-chapter:2#step-two\">the next part</a>"))
        #expect(!rendered[0].html.contains("ripple-link-slot"))
    }
}
