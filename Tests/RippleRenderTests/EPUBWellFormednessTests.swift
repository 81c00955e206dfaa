import Testing
@testable import RippleRender

/// The well-formedness check every EPUB chapter (and every inline SVG) goes through: libxml2's rules, errors
/// (namespace errors too) counted and warnings not, located at the line libxml2 was on, as FoundationXML's
/// `XMLParser` reported them before (the cases below gave the same line and code through both).
@Suite struct EPUBWellFormednessTests {
    private let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
        <head><title>t</title></head>
        <body epub:type="bodymatter">

        """

    private func problem(_ body: String) -> XHTML.Problem? {
        XHTML.wellFormednessProblem(ofDocument: head + body + "\n</body>\n</html>\n")
    }

    @Test func wellFormedDocumentsPass() {
        #expect(problem("<p>é &amp; &#160; <br/><![CDATA[ < ]]><?pi x?></p><svg xmlns=\"http://www.w3.org/2000/svg\"/>") == nil)
        #expect(XHTML.wellFormednessProblem(ofFragment: "<p>a</p><p>b</p>") == nil)
    }

    @Test func problemsAreLocatedAndNamed() {
        #expect(problem("<p>\n\n<b>\n</i></p>") == XHTML.Problem(line: 9, message: "an element is closed with the wrong end tag"))
        #expect(problem("<p>&nbsp;</p>") == XHTML.Problem(line: 6, message: "it uses an HTML entity that XML does not know (write the character itself instead)"))
        #expect(problem("<p x>a</p>") == XHTML.Problem(line: 6, message: "an attribute is not written as name=\"value\""))
        #expect(problem("<p>a < b</p>") == XHTML.Problem(line: 6, message: "an attribute is not written as name=\"value\""))
        #expect(problem("<p>]]></p>") == XHTML.Problem(line: 6, message: "the markup is not well-formed XML (parser error 62)"))
        #expect(XHTML.wellFormednessProblem(ofFragment: "<svg>\n<rect>\n</svg>") == XHTML.Problem(line: 3, message: "an element is closed with the wrong end tag"))
    }

    /// A prefix nobody declared is a namespace error, not a fatal one; it still makes the markup unfit for a book.
    @Test func namespaceErrorsCount() {
        #expect(problem("<foo:bar>a</foo:bar>") == XHTML.Problem(line: 6, message: "the markup is not well-formed XML (parser error 201)"))
        #expect(problem("<p foo:x=\"1\">a</p>") == XHTML.Problem(line: 6, message: "the markup is not well-formed XML (parser error 201)"))
    }
}
