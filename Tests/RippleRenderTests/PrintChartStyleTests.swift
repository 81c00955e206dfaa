import Testing
@testable import RippleRender

/// The chart styles copied into every inline SVG of a page bound for the PDF engine (see `PrintChartStyle`).
@Suite struct PrintChartStyleTests {
    @Test func everySVGGetsTheStylesAsItsFirstChild() {
        let html = #"<p>a</p><svg viewBox="0 0 10 10"><text>x</text></svg><svg class="b"><g/></svg>"#
        let out = PrintChartStyle.embedding("text { fill: red; }", in: html)
        #expect(out == #"<p>a</p><svg viewBox="0 0 10 10"><style>text { fill: red; }</style><text>x</text></svg>"#
                    + #"<svg class="b"><style>text { fill: red; }</style><g/></svg>"#)
    }

    /// Inside an SVG a style element's text is parsed as markup: `<` would open an element, `&` an entity.
    @Test func markupCharactersInTheStylesAreEscaped() {
        let out = PrintChartStyle.embedding("/* <svg> & */ a > b { }", in: "<svg></svg>")
        #expect(out == "<svg><style>/* &lt;svg> &amp; */ a > b { }</style></svg>")
    }

    @Test func pagesWithoutChartsAreLeftAsTheyAre() {
        let html = "<p>no chart</p><svg/>"
        #expect(PrintChartStyle.embedding("text { }", in: html) == html)
        #expect(PrintChartStyle.embedding("", in: "<svg></svg>") == "<svg></svg>")
    }
}
