import RippleCore
import RippleMarkdown
import Testing

/// One render for two outputs (`render(…secondLink:…)`): each output's HTML must be byte for byte what rendering
/// with its own link rewriting gives.
@Suite struct SharedRenderTests {
    static let document = """
        # Title

        See [roles](02-roles.md#mentor), [the site](https://example.org/a?b=1&c='d'), ![a chart](img/chart.png)
        and <https://example.org/auto>, www.example.com too.

        ## A heading with [a link](03-goals.md)

        | table | with [a link](04-close.md) |
        | --- | --- |
        | cell | ![image](img/x.svg "title") |

        A footnote[^1] and raw HTML <a href="05-raw.md">raw</a> <img src="img/raw.png" alt="raw">.

        [^1]: The note links [back](01-why.md#title).

        > [!NOTE]
        > An alert with [a link](06-more.md).

        [ref]: 07-ref.md
        A [reference link][ref] and [javascript](javascript:alert(1)).

        """

    /// Rewrites `.md` links and images, to destinations that need escaping (spaces, quotes, non-ASCII, `&`, `<`).
    static func rewrite(_ tag: String) -> (LinkTarget) -> LinkRewrite {
        { link in
            if link.destination.hasPrefix("https://example.org/a") { return .keep }
            if link.destination.hasPrefix("04") { return .fail(.error("no such chapter", at: link.location)) }
            if link.destination.hasPrefix("javascript") { return tag == "site" ? .keep : .replace("javascript:void(0)") }
            return .replace("\(tag)/\(link.destination) é&'\"<>[]^`{|}\\ \u{7}%20/x")
        }
    }

    @Test(arguments: [false, true]) func eachOutputIsWhatItsOwnRenderGives(unsafeHTML: Bool) throws {
        let renderer = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: unsafeHTML))
        let (site, second) = renderer.render(Self.document, file: "content/guide/01-why.md", rewriteLink: Self.rewrite("site"),
                                             secondLink: Self.rewrite("book"), embed: { _ in .html("") })
        let book = try #require(second)
        let siteAlone = renderer.render(Self.document, file: "content/guide/01-why.md", rewriteLink: Self.rewrite("site"))
        let bookAlone = renderer.render(Self.document, file: "content/guide/01-why.md", rewriteLink: Self.rewrite("book"))
        #expect(site.html == siteAlone.html)
        #expect(book.html == bookAlone.html)
        #expect(site.html != book.html)
        #expect(site.diagnostics == siteAlone.diagnostics)
        #expect(site.anchors == siteAlone.anchors && site.toc == siteAlone.toc && site.summary == siteAlone.summary)
        #expect(book.diagnostics == bookAlone.diagnostics.filter { $0.message == "no such chapter" })
        #expect(!site.html.contains("ripple-link-slot"))
    }

    /// Every byte cmark writes in an href (ASCII, control characters, UTF-8) comes out as cmark writes it.
    @Test func hrefsAreEscapedAsCmarkEscapesThem() throws {
        let renderer = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true))
        var characters = (1..<128).map { String(UnicodeScalar(UInt8($0))) }
        characters += ["é", "€", "😀", "\u{301}"]
        let destination = "x" + characters.joined() + "y"
        let (site, second) = renderer.render("[a](z) ![b](z)\n", file: "a.md", rewriteLink: { _ in .replace(destination) },
                                             secondLink: { _ in .replace("other") }, embed: { _ in .html("") })
        #expect(try #require(second).html == "<p><a href=\"other\">a</a> <img src=\"other\" alt=\"b\" /></p>\n")
        #expect(site.html == renderer.render("[a](z) ![b](z)\n", file: "a.md", rewriteLink: { _ in .replace(destination) }).html)
    }

    @Test func aDocumentHoldingThePlaceholderPrefixIsNotShared() {
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        let markdown = "Text about ripple-link-slot-0 and [a](b.md).\n"
        let (site, second) = renderer.render(markdown, file: "a.md", rewriteLink: { _ in .replace("site") },
                                             secondLink: { _ in .replace("book") }, embed: { _ in .html("") })
        #expect(second == nil)
        #expect(site.html == "<p>Text about ripple-link-slot-0 and <a href=\"site\">a</a>.</p>\n")

        let embedded = "[a](b.md)\n\n{{< chart >}}\n"
        let (withShortcode, none) = renderer.render(embedded, file: "a.md", rewriteLink: { _ in .replace("site") },
                                                    secondLink: { _ in .replace("book") },
                                                    embed: { _ in .html("<p>ripple-link-slot-0</p>") })
        #expect(none == nil)
        #expect(withShortcode.html == "<p><a href=\"site\">a</a></p>\n<p>ripple-link-slot-0</p>\n")
    }
}
