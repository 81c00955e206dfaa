import Testing
@testable import RippleData
@testable import RippleRender

/// `HTMLRewriter` reads tags from UTF-8 bytes; it must rewrite exactly as it did reading `Character`s
/// (`ReferenceRewriter`, the loop as it was, over the character-by-character `parseTag`).
@Suite struct HTMLRewriterTests {
    /// The rewriter as it was before it read bytes.
    enum ReferenceRewriter {
        static func rewrite(_ html: String, text: (Substring) -> String = { String($0) },
                            tag: (HTMLRewriter.Tag) -> HTMLRewriter.Action) -> String {
            var out = ""
            var index = html.startIndex
            var textStart = index
            func flushText(upTo end: String.Index) {
                if textStart < end { out += text(html[textStart..<end]) }
            }
            while let open = html[index...].firstIndex(of: "<") {
                let rest = html[open...]
                if rest.hasPrefix("<!--") || rest.hasPrefix("<![CDATA[") || rest.hasPrefix("<!") || rest.hasPrefix("<?") {
                    let terminator = rest.hasPrefix("<!--") ? "-->" : rest.hasPrefix("<![CDATA[") ? "]]>" : ">"
                    guard let end = rest.firstRange(of: terminator) else { break }
                    flushText(upTo: open)
                    out += html[open..<end.upperBound]
                    index = end.upperBound
                    textStart = index
                    continue
                }
                guard let parsed = HTMLRewriter.parseTag(html, at: open) else {
                    index = html.index(after: open)
                    continue
                }
                flushText(upTo: open)
                switch tag(parsed.tag) {
                case .keep: out += html[open..<parsed.end]
                case .rewrite(let changed): out += changed.serialized
                case .replace(let replacement): out += replacement
                }
                index = parsed.end
                textStart = index
            }
            flushText(upTo: html.endIndex)
            return out
        }

        /// `XHTML.numericEntities` as it was, on `Character`s.
        static func numericEntities(_ text: Substring) -> String {
            guard text.contains("&") else { return String(text) }
            var out = ""
            var rest = text
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                if let semi = after.prefix(10).firstIndex(of: ";"), let numeric = XHTML.namedEntities[String(after[..<semi])] {
                    out += numeric
                    rest = after[after.index(after: semi)...]
                } else {
                    out += "&"
                    rest = after
                }
            }
            return out + rest
        }
    }

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

    private func expectSame(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let visitor = Visitor(), reference = Visitor()
        let actual = HTMLRewriter.rewrite(html, text: XHTML.numericEntities, tag: visitor.visit)
        let expected = ReferenceRewriter.rewrite(html, text: ReferenceRewriter.numericEntities, tag: reference.visit)
        #expect(actual == expected, "\(html.debugDescription)", sourceLocation: sourceLocation)
        #expect(visitor.seen == reference.seen, "\(html.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func trickyMarkupRewritesAsBefore() {
        let cases = [
            "", "plain text", "a < b and c > d", "<", "<a", "<a href=", "<a href=\"x", "<a href='x' b=\"y\" c=z d>t</a>",
            "<A HREF=\"X\">caps</A>", "<br/><br /><img src=x/>", "<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg>",
            "<!-- c <a> --><!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[ <b> ]]>", "<!-- never closed <b>",
            "<p title='say \"hi\"'>q</p>", "<p data-x=a&amp;b>u</p>", "<details open>d</details>", "<p =x>", "</ p>",
            "<1a>", "<a\thref\n=\r\n\"x\"\u{0B}>ws</a>", "x &nbsp; &mdash; &unknown; &amp",
            "<é>unicode name</é>", "<p\u{00A0}class=\"x\">nbsp</p>", "<p class=\"é\">value</p>", "<p class=é>unquoted</p>",
            "<p class=\"x\"\u{0301}>combining after quote</p>", "<\u{0301}p>", "<p>\u{0301}</p>", "<p\u{0301}>",
            "<a href=\"\u{0301}x\">combining in value</a>", "<b>bold</b> 日本語 <i>😀</i>", "<p/\u{0301}>", "<p /x>",
        ]
        for html in cases { expectSame(html) }
    }

    @Test func randomMarkupRewritesAsBefore() {
        let pieces = ["<", ">", "/", "=", "\"", "'", " ", "\n", "a", "b", "p", "img", "svg", "href", "src", "class",
                      "x", "é", "日", "😀", "\u{00A0}", "\u{0301}", "&nbsp;", "&amp;", "&", ";", "&mdash", "nbsp", "&hellip;", "<!--", "-->", "<!",
                      "<?", "?>", "<![CDATA[", "]]>", "-", ":", "_", ".", "1", "\t", "\r\n", "A", "B"]
        var random = SampleRandom(seed: 0x5eed)  // SplitMix64, as the sample data uses
        for _ in 0..<3000 {
            let count = Int(random.next() % 40)
            expectSame((0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
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
