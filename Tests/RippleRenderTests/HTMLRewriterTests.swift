import Testing
@testable import RippleData
@testable import RippleRender

/// `HTMLRewriter` visits the tags `HTMLTokenizer` finds: what it keeps comes back byte for byte, what it
/// changes is written as XHTML-friendly markup.
@Suite struct HTMLRewriterTests {
    /// Keeps, rewrites and replaces tags, and records what it saw.
    private final class Visitor {
        var seen: [String] = []
        func visit(_ tag: HTMLRewriter.Tag) -> HTMLRewriter.Action {
            seen.append("\(tag.name)|\(tag.isEnd)|\(tag.selfClosing)|\(tag.attributes.map { "\($0.name)=\($0.value ?? "∅")" })")
            if tag.name == "b" { return .replace("[b]") }
            if tag.name == "a" || tag.attributes.count > 1 {
                var tag = tag
                tag.set("data-seen", "1")
                return .rewrite(tag)
            }
            return .keep
        }
    }

    private func rewrite(_ html: String) -> (html: String, seen: [String]) {
        let visitor = Visitor()
        return (HTMLRewriter.rewrite(html, text: XHTML.numericEntities, tag: visitor.visit), visitor.seen)
    }

    @Test func changedTagsAreWrittenOut() {
        #expect(rewrite("<A HREF=\"X\">caps</A>").html == "<a HREF=\"X\" data-seen=\"1\">caps</a>")
        let twoAttributes = rewrite("<p title='say \"hi\"' id=a&b hidden>q</p>")
        #expect(twoAttributes.html == "<p title=\"say &quot;hi&quot;\" id=\"a&amp;b\" hidden data-seen=\"1\">q</p>")
        #expect(twoAttributes.seen == ["p|false|false|[\"title=say &quot;hi&quot;\", \"id=a&amp;b\", \"hidden=∅\"]", "p|true|false|[]"])
        #expect(rewrite("<b>bold</b> <br/>").html == "[b]bold[b] <br/>")
    }

    @Test func textIsTransformedAndMarkupCopied() {
        #expect(rewrite("x &nbsp; <!-- &nbsp; <b> --><![CDATA[&mdash;]]>").html == "x &#160; <!-- &nbsp; <b> --><![CDATA[&mdash;]]>")
        #expect(rewrite("<script>if (a<b) x = '<b>'</script>").html == "<script>if (a<b) x = '<b>'</script>")
        #expect(rewrite("1 < 2 &mdash; <a href=\"x").html == "1 < 2 &#8212; <a href=\"x")
    }

    /// With every tag kept and text unchanged, any input comes back byte for byte.
    @Test func keptTagsGiveTheInputBack() {
        let pieces = ["<", ">", "/", "=", "\"", "'", " ", "\n", "a", "b", "p", "img", "svg", "href", "src", "class",
                      "x", "é", "日", "😀", "\u{00A0}", "\u{0301}", "&nbsp;", "&amp;", "&", ";", "<!--", "-->", "<!",
                      "<?", "<![CDATA[", "]]>", "-", ":", "_", ".", "1", "\t", "\r\n", "A", "<script>", "</script>"]
        var random = SampleRandom(seed: 0x5eed)  // SplitMix64, as the sample data uses
        for _ in 0..<3000 {
            let count = Int(random.next() % 40)
            let html = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(HTMLRewriter.rewrite(html) { _ in .keep } == html, "\(html.debugDescription)")
        }
    }

    @Test func fromHTMLAndGuideLinksAsBefore() {
        let html = """
        <p>A <a href="ripple-chapter:3#intro">link</a> &mdash; <img src="ripple-file:0" alt="Été"><br>
        <svg viewBox="0 0 2 2"><rect fill="url(#g)" /></svg><h2 id="intro">Intro</h2><label for="a b">x</label>
        <details open><summary>s</summary></details><a href='#intro' title="a &hellip; b">self</a></p>
        """
        let style = GuideLinks.Style(chapter: { "c\($0).xhtml" + ($1.map { "#" + $0 } ?? "") }, file: { "img\($0).png" },
                                     idPrefix: "ch-1-")
        let rewritten = GuideLinks.rewrite(html, style: style)
        #expect(rewritten.contains("href=\"c3.xhtml#intro\"") && rewritten.contains("src=\"img0.png\""))
        #expect(rewritten.contains("id=\"ch-1-intro\"") && rewritten.contains("for=\"ch-1-a ch-1-b\""))
        #expect(rewritten.contains("url(#ch-1-g)") && rewritten.contains("href=\"#ch-1-intro\""))
        let xhtml = XHTML.fromHTML(rewritten)
        #expect(xhtml.contains("<br />") && xhtml.contains("&#8212;") && xhtml.contains("<details open=\"open\">"))
        #expect(xhtml.contains("xmlns=\"http://www.w3.org/2000/svg\"") && xhtml.contains("title=\"a &#8230; b\""))
        #expect(XHTML.wellFormednessProblem(ofFragment: xhtml) == nil)
    }
}
