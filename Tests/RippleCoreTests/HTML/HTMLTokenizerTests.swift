import RippleCore
import Testing
import RippleTestSupport

@Suite struct HTMLTokenizerTests {
    @Test func attributesUnquotedDuplicateAndBare() {
        #expect(TokenLog.tokens("<a href=x.html HREF='y' id=\"i\" open>t</a>") == [
            "S:a[href=x.html id=\"i\" open]@<a href=x.html HREF='y' id=\"i\" open>", "T:t", "E:a[]@</a>",
        ])
        #expect(TokenLog.tokens("<p =x a=>") == ["S:p[=x a=]@<p =x a=>"])
        #expect(TokenLog.tokens("<img src=\"a\"alt='b'/>") == ["S:img[src=\"a\" alt='b']/@<img src=\"a\"alt='b'/>"])
    }

    @Test func selfClosingAndStraySlashes() {
        #expect(TokenLog.tokens("<br/><br / ><a/b>") == ["S:br[]/@<br/>", "S:br[]@<br / >", "S:a[b]@<a/b>"])
        #expect(TokenLog.tokens("<a href=x/>") == ["S:a[href=x/]@<a href=x/>"], "an unquoted value takes the slash")
    }

    @Test func namesAreLoweredInASCIIOnly() {
        #expect(TokenLog.tokens("<DIV CLASS=A></DIV>") == ["S:div[class=A]@<DIV CLASS=A>", "E:div[]@</DIV>"])
        // The Kelvin sign (U+212A) is not a `K`.
        let kelvin = TokenLog.tokens("<a xlin\u{212A}:href=k>")
        #expect(kelvin == ["S:a[xlin\u{212A}:href=k]@<a xlin\u{212A}:href=k>"])
        #expect(HTMLTagName("xlin\u{212A}:href") != HTMLTagName("xlink:href"))
        #expect(HTMLTagName("XLINK:HREF") == HTMLTagName("xlink:href"))
        #expect(HTMLTagName("a_b.c-d").description == "a_b.c-d")
        #expect(HTMLTagName("h3").isHeading && !HTMLTagName("h7").isHeading && !HTMLTagName("hr").isHeading)
    }

    @Test func quotedValuesHoldAngleBrackets() {
        #expect(TokenLog.tokens("<a title=\"1 < 2 > 0\" data-x='<b>'>") == [
            "S:a[title=\"1 < 2 > 0\" data-x='<b>']@<a title=\"1 < 2 > 0\" data-x='<b>'>",
        ])
    }

    @Test func commentsDoctypesAndBogusComments() {
        #expect(TokenLog.tokens("<!-- a -- b --><!--><!---><!----><!-- x --!>y") == [
            "C:<!-- a -- b -->", "C:<!-->", "C:<!--->", "C:<!---->", "C:<!-- x --!>", "T:y",
        ])
        #expect(TokenLog.tokens("<!DocType html><?xml v?><!x><![CDATA[a]]></3></>") == [
            "D:<!DocType html>", "B:<?xml v?>", "B:<!x>", "B:<![CDATA[a]]>", "B:</3>", "B:</>",
        ])
        #expect(TokenLog.tokens("<svg><![CDATA[<a>]]></svg><![CDATA[x]]>") == [
            "S:svg[]@<svg>", "X:<![CDATA[<a>]]>", "E:svg[]@</svg>", "B:<![CDATA[x]]>",
        ])
        #expect(TokenLog.tokens("<!-- open") == ["C:<!-- open"])
    }

    @Test func rawTextEndsOnlyAtItsEndTag() {
        #expect(TokenLog.tokens("<script>if (a</b) x = '</scripts>'</SCRIPT >t") == [
            "S:script[]@<script>", "R(script):if (a</b) x = '</scripts>'", "E:script[]@</SCRIPT >", "T:t",
        ])
        #expect(TokenLog.tokens("<title>a <b>&amp;</title><textarea></textarea>") == [
            "S:title[]@<title>", "R(title):a <b>&amp;", "E:title[]@</title>", "S:textarea[]@<textarea>", "E:textarea[]@</textarea>",
        ])
        #expect(TokenLog.tokens("<style/>p{}</style") == ["S:style[]/@<style/>", "R(style):p{}</style"])
        #expect(TokenLog.tokens("<svg><title><b></b></title></svg>") == [
            "S:svg[]@<svg>", "S:title[]@<title>", "S:b[]@<b>", "E:b[]@</b>", "E:title[]@</title>", "E:svg[]@</svg>",
        ])
    }

    @Test func endOfInputInsideATag() {
        #expect(TokenLog.tokens("x<a href=\"y") == ["T:x", "U:<a href=\"y"])
        #expect(TokenLog.tokens("<a") == ["U:<a"])
        #expect(TokenLog.tokens("<a/") == ["U:<a/"])
        #expect(TokenLog.tokens("a < b <") == ["T:a < b <"])
        #expect(TokenLog.tokens("</") == ["T:</"])
        #expect(TokenLog.tokens("<1>< a>") == ["T:<1>< a>"])
    }

    @Test func nulAndInvalidUTF8AreBytes() {
        let tokens = TokenLog.tokens([0x3C, 0x61, 0x00, 0x20, 0xFF, 0x3D, 0xC3, 0x3E, 0xFE, 0x3C, 0x2F, 0x61, 0x00, 0x3E])
        #expect(tokens == ["S:a\u{FFFD}[\u{FFFD}=\u{FFFD}]@<a\u{0} \u{FFFD}=\u{FFFD}>", "T:\u{FFFD}", "E:a\u{FFFD}[]@</a\u{0}>"])
    }

    @Test func everyByteIsReportedOnce() {
        let html = "<!doctype html><p class=x>a &amp; b<!-- c --><script>d</script><a"
        #expect(TokenLog.tokens(html).map { $0.split(separator: ":", maxSplits: 1)[1].split(separator: "@").last! }.joined() == html)
    }

    /// Random byte soup made of the pieces tokenizer states turn on: the product and the step-by-step reference
    /// must report the same tokens.
    @Test func agreesWithTheReferenceTokenizer() {
        let pieces: [[UInt8]] = [
            "<", ">", "/", "</", "<!", "<?", "<!--", "-->", "--!>", "-", "--", "!", "<!DOCTYPE", "<!doctype x", "<![CDATA[",
            "]]>", "]", "<svg>", "</svg>", "<math/>", "</MATH>", "<script>", "</script>", "</SCRIPT", "<style>", "</style ",
            "<title>", "</title>", "<textarea>", "</textarea/>", "<xmp>", "<plaintext>", "<a", "<A", "</a>", "<p", "<br",
            "<h2", "</h2>", "a", "B", "href", "HREF", "id", " ", "\n", "\t", "\r", "\u{0C}", "=", "\"", "'", "`", "&amp;",
            "text", "é", "\u{212A}", "1",
        ].map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xE2, 0x80]]
        var random = SeededRandom(seed: 0x7A6)
        for _ in 0..<5000 {
            var input: [UInt8] = []
            for _ in 0..<(random.next() % 30) { input += pieces[Int(random.next() % UInt64(pieces.count))] }
            let expected = ReferenceTokenizer.tokens(input)
            let actual = TokenLog.tokens(input)
            #expect(actual == expected, "\(String(decoding: input, as: UTF8.self).debugDescription)")
            if actual != expected { return }
        }
    }
}

