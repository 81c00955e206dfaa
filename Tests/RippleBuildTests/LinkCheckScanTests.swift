import Testing
@testable import RippleBuild
import RippleTestSupport

/// The fast scanner (`PageScan`, behind `LinkScanner.scanHTML` and the site check) finds exactly what the
/// straightforward reference finds on the same tokens: same ids, same links in the same order, same lines,
/// same link texts.
@Suite struct LinkCheckScanTests {
    private func expectSame(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(html.utf8)
        let fast = LinkScanner.scanHTML(bytes), reference = ReferenceLinkScanner.scanHTML(bytes)
        #expect(fast.ids == reference.ids, "\(html.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast.links == reference.links, "\(html.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func trickyMarkupScansAsBefore() {
        let cases = [
            "", "<", "</", "<a", "< a href=x>", "<1a href=x>", "</ a>", "<a href=\"x", "<a href='x'", "<a href=x",
            "<a href=\"a.html\">one <b>two</b>\n three</a>",
            "<a href=\"a.html\">outer <a href=\"b.html\">inner</a> tail</a>",
            "<A HREF=\"A.html\" ID=\"Up\">X</A><IMG SRC=\"i.png\"/>",
            "<a href=\"x.html\" / >t</a><a / href=\"y.html\">u</a>",
            "<a href=x.html/>t</a>", "<a =href=\"q.html\">q</a>", "<a href = 'sp.html' >sp</a>",
            "<a href=\"a&amp;b.html?x=1&amp;y=2#f\">amp &amp; text &nbsp; &bogus; &#65;&#x42;</a>",
            "<!-- <a href=\"c.html\"> --><!--><a href=\"d.html\">d</a><!---->",
            "<!doctype html><?xml version=\"1.0\"?><a href=\"e.html\">e</a>",
            "<script>x = '<a href=\"s.html\">'</SCRIPT ><a href=\"t.html\">t</a>",
            "<script/><a href=\"u.html\">u</a></script>",
            "<title>A <a href=\"no.html\"></title><textarea><a href=\"no.html\"></TEXTAREA>",
            "<style>\n@import \"i.css\";\n a { b: url(x.png) }\n</style><p style=\"background: url('p.png')\">",
            "<style>a{}", "<script>never closed <a href=\"n.html\">",
            "<img srcset=\"a.png 1x,\n b.png 2x , , c.png\" src=\"a.png\">",
            "<object data=\"o.svg\"></object><div data=\"not.svg\"></div><svg><use xlink:href=\"#i\"/></svg>",
            "<video poster=\"v.png\" src=\"v.mp4\"></video>", "<a name=\"n1\" id=\"i1\"></a><div name=\"n2\">",
            "<a href=\"x.html\" href=\"y.html\">two</a>", "<a src=\"x.html\" href=\"x.html\">same</a>",
            "<a id=\"only\">no href</a><a href=\"z.html\">z</a>", "</a></a><a href=\"z.html\">",
            "<a href=\"k.html\" xlin\u{212A}:href=\"kelvin.svg\">k</a><a hr\u{00E9}f=\"no.html\">",
            "<p>1 < 2 and 3 > 2</p><a href=\"lt.html\">a < b</a>", "<a\thref=\"tab.html\"\n>\r\nline</a>",
            "<a href=\"\u{1C}/a\">\u{1C}/a</a><title>t\u{1C}\u{0F}title<a href=\"x.html\">", "<a href>bare</a><a href=\"\">e</a>",
        ]
        for html in cases { expectSame(html) }
    }

    @Test func attributeNamesFollowTheTokenizer() {
        // ASCII-only lower-casing: `xlinK:href` written with the Kelvin sign is not `xlink:href` (the previous
        // scanner lowered names with Unicode rules and counted it); a repeated attribute is dropped.
        let page = LinkScanner.scanHTML(Array("<a HREF=\"k.html\" xlin\u{212A}:href=\"kelvin.svg\" href=\"again.html\">k</a>".utf8))
        #expect(page.links == [LinkScanner.Link(url: "k.html", line: 1, text: "k")])
    }

    @Test func randomMarkupScansAsBefore() {
        let pieces = [
            "<a", "<A", "</a>", "</A >", "<img", "<p", "</p>", "<style>", "</style>", "<script>", "</script>", "<title>",
            "</title>", "<object", "<svg", "<!--", "-->", "<!x>", "<?", ">", "/>", "/", " ", "\n", "\t", "=", "\"", "'",
            " href=", " HREF=", " src=", " srcset=", " id=", " name=", " data=", " style=", " poster=", " xlink:href=",
            " class=", "\"a.html\"", "'b.html#x'", "c.png 2x, d.png", "url(e.png)", "@import 'f.css';", "/* url(g) */",
            "&amp;", "&lt;", "&#x41;", "&bad", "text", " more words ", "é", "\u{212A}", "<", "1", "-",
        ]
        var generator = SeededRandom(seed: 0x5EED)
        for _ in 0..<3000 {
            let count = Int(generator.next() % 40)
            var html = ""
            for _ in 0..<count { html += pieces[Int(generator.next() % UInt64(pieces.count))] }
            expectSame(html)
        }
    }

    @Test func aRenderedPageScansAsBefore() throws {
        var page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Chapter &amp; more</title>\n"
        page += "<link rel=\"stylesheet\" href=\"../../assets/site.css\"><script src=\"../../assets/site.js\" defer></script></head>\n<body>\n"
        for n in 1...200 {
            page += "<h2 id=\"section-\(n)\">Section \(n)</h2>\n<p>See <a href=\"../chapter-\(n)/index.html#part-\(n)\">chapter <em>\(n)</em></a>"
            page += " and <a href=\"#section-\(n)\">here</a>.</p><img src=\"../../img/\(n).png\" alt=\"\">\n"
        }
        expectSame(page + "</body></html>\n")
    }
}

