import RippleCore
@testable import RippleMarkdown
import Testing

@Suite struct HeadingTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    @Test(arguments: [
        ("Asking powerful questions", "asking-powerful-questions"),
        ("Step 3: Launch!", "step-3-launch"),
        ("  --Hello,   World--  ", "hello-world"),
        ("Café & Ümlaut", "café-ümlaut"),
        ("Преимущества наставничества", "преимущества-наставничества"),
        ("メンター制度", "メンター制度"),
        ("नमस्ते दुनिया", "नमस्ते-दुनिया"),
        ("???", "section"),
        ("", "section"),
    ])
    func slugRule(text: String, slug: String) {
        #expect(HeadingSlugger.slug(text) == slug)
    }

    @Test func headingHTMLHasIDAndAnchor() {
        let result = renderer.render("## Asking powerful questions\n\n### Step 3: Launch!\n", file: "a.md")
        #expect(result.html == """
            <h2 id="asking-powerful-questions">Asking powerful questions <a class="anchor" \
            href="#asking-powerful-questions" aria-label="Link to this section">#</a></h2>
            <h3 id="step-3-launch">Step 3: Launch! <a class="anchor" href="#step-3-launch" \
            aria-label="Link to this section">#</a></h3>

            """)
        #expect(result.anchors == ["asking-powerful-questions", "step-3-launch"])
    }

    @Test func inlineMarkupInHeadingIsKept() {
        let result = renderer.render("## Use *the* `ripple` tool\n", file: "a.md")
        #expect(result.html == """
            <h2 id="use-the-ripple-tool">Use <em>the</em> <code>ripple</code> tool <a class="anchor" \
            href="#use-the-ripple-tool" aria-label="Link to this section">#</a></h2>

            """)
    }

    @Test func duplicateHeadingsGetNumbers() {
        let markdown = "## Overview\n\n## Overview\n\n## Overview\n\n## Overview 1\n\n## ???\n\n## !!!\n"
        let result = renderer.render(markdown, file: "a.md")
        #expect(result.anchors == ["overview", "overview-1", "overview-2", "overview-1-1", "section", "section-1"])
    }

    /// Remembering the next suffix per base id gives exactly the ids of the plain rule (try `-1`, `-2`, … until
    /// one is free), also when a real heading takes a suffixed id first or later.
    @Test func duplicateIDsMatchThePlainRule() {
        let texts = ["Same", "Same 1", "Same", "Same", "Same-2", "Same", "Same 1", "Same 1", "same-1-1", "Same",
                     "Overview", "Overview 1", "Overview", "Overview 1", "Overview", "???", "Section 1", "!!!", "!!!", "Same 4"]
        var slugger = HeadingSlugger()
        var used: Set<String> = []
        for text in texts {
            let base = HeadingSlugger.slug(text)
            var expected = base, counter = 0
            while used.contains(expected) { counter += 1; expected = "\(base)-\(counter)" }
            used.insert(expected)
            #expect(slugger.uniqueID(for: text) == expected, "\(text)")
        }
    }

    @Test func emptyHeadingIsSection() {
        let result = renderer.render("##\n", file: "a.md")
        #expect(result.anchors == ["section"])
        #expect(result.html == """
            <h2 id="section"><a class="anchor" href="#section" aria-label="Link to this section">#</a></h2>

            """)
    }

    @Test func setextHeadingsAndHeadingsInContainersGetIDs() {
        let result = renderer.render("Intro\n=====\n\nRoles\n-----\n\n> ### Quoted\n", file: "a.md")
        #expect(result.title == "Intro")
        #expect(result.anchors == ["roles", "quoted"])
    }

    @Test func tocNestsLevelThreeUnderLevelTwo() {
        let markdown = """
            ### Before
            ## One
            ### One A
            #### Deep
            ### One B
            ## Two
            # Big
            ### Two A
            """
        let result = renderer.render(markdown, file: "a.md")
        #expect(result.toc == [
            TOCEntry(level: 3, id: "before", title: "Before"),
            TOCEntry(level: 2, id: "one", title: "One", children: [
                TOCEntry(level: 3, id: "one-a", title: "One A"),
                TOCEntry(level: 3, id: "one-b", title: "One B"),
            ]),
            TOCEntry(level: 2, id: "two", title: "Two", children: [
                TOCEntry(level: 3, id: "two-a", title: "Two A"),
            ]),
        ])
        #expect(result.anchors == ["before", "one", "one-a", "deep", "one-b", "two", "big", "two-a"])
    }

    @Test func tocTitleIsPlainText() {
        let result = renderer.render("## Using **bold** and `code`\n", file: "a.md")
        #expect(result.toc == [TOCEntry(level: 2, id: "using-bold-and-code", title: "Using bold and code")])
    }

    @Test func leadingLevelOneHeadingBecomesTitleAndIsRemoved() {
        let result = renderer.render("# Welcome to *Ripple*\n\nHello.\n", file: "a.md")
        #expect(result.title == "Welcome to Ripple")
        #expect(result.html == "<p>Hello.</p>\n")
        #expect(result.anchors.isEmpty)
        #expect(renderer.plainText("# Welcome to *Ripple*\n\nHello.\n") == "Hello.")
    }

    @Test func levelOneHeadingLaterIsKept() {
        let result = renderer.render("Hello.\n\n# Later\n", file: "a.md")
        #expect(result.title == nil)
        #expect(result.anchors == ["later"])
        #expect(result.html.contains("<h1 id=\"later\">Later <a class=\"anchor\""))
    }

    /// Imported books often open a chapter with `##`; the heading gives the title and stays a section
    /// (a page whose front matter has a title keeps its opening `##`).
    @Test func leadingLevelTwoHeadingIsTheTitleAndStays() {
        let result = renderer.render("## Start\n", file: "a.md")
        #expect(result.title == "Start")
        #expect(result.anchors == ["start"])
    }

    /// A page without a title of its own shows the heading as its title, so the body must not repeat it.
    @Test func leadingHeadingOfAnyLevelIsRemovedWhenItIsThePagesOnlyTitle() {
        let result = renderer.render("<!-- x -->\n## Start\n\nText.\n\n## Next\n", file: "a.md", pageHasTitle: false)
        #expect(result.title == "Start")
        #expect(result.anchors == ["next"])
        #expect(result.html.hasPrefix("<p>Text.</p>\n<h2 id=\"next\">"))
    }

    @Test func commentsAndAnchorsBeforeTheTitleAreSkipped() {
        let markdown = "<!-- generated -->\n<a id=\"ch1\"></a>\n\n<a name=\"top\"></a>\n\n# The *real* title\n\nText.\n"
        let result = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true)).render(markdown, file: "a.md")
        #expect(result.title == "The real title")
        #expect(!result.html.contains("<h1"))
        #expect(renderer.render("<div>x</div>\n\n# Not a title\n", file: "a.md").title == nil)
    }
}

@Suite struct HeadingIDStyleTests {
    @Test func githubStyleKeepsUnderscoresAndTurnsEachSpaceIntoADash() {
        let github = MarkdownRenderer(options: MarkdownOptions(headingIDs: .github))
        let markdown = "Intro.\n\n## `push_str` and `push`\n\n## A & B: C.D\n\n## Ünïcode ✨ 2.0\n\n## A & B: C.D\n"
        #expect(github.render(markdown, file: "a.md").anchors == ["push_str-and-push", "a--b-cd", "ünïcode--20", "a--b-cd-1"])
        #expect(MarkdownRenderer(options: MarkdownOptions()).render(markdown, file: "a.md").anchors
            == ["push-str-and-push", "a-b-c-d", "ünïcode-2-0", "a-b-c-d-1"])
    }

    @Test func aHeadingMayGiveItsOwnID() {
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        let result = renderer.render("# Title {#top}\n\nText.\n\n## Install *it* {#setup}\n\n## Setup\n\n## Not {#an id}\n", file: "a.md")
        #expect(result.title == "Title")
        #expect(result.anchors == ["setup", "setup-1", "not-an-id"])
        #expect(result.html.contains("<h2 id=\"setup\">Install <em>it</em> <a class=\"anchor\" href=\"#setup\""))
        #expect(result.toc.map(\.title) == ["Install it", "Setup", "Not {#an id}"])
    }
}
