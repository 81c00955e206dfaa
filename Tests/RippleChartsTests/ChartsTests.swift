import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RippleCharts

/// Parses XML and collects element names and attribute values.
final class Collector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var ids: [String] = []
    var texts: [String] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
        if let id = attributes["id"] { ids.append(id) }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }

    static func parse(_ xml: String) -> Collector? {
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite struct ChartsTests {
    let frame = ChartFrame(id: "dept-pairs", title: "Pairs by department", description: "Active pairs <by> mentee's department.",
                           caption: "R&D leads", minGroupSize: 5)

    var bar: BarChart {
        BarChart(frame: frame, data: [ChartDatum("R&D <Labs>", 12), ChartDatum("Legal", nil), ChartDatum("Sales", 0.425, display: "42.5%")],
                 valueHeading: "Pairs")
    }

    @Test func barChartStructure() throws {
        let html = bar.html()
        let parsed = try #require(Collector.parse(html), "not well-formed XML")
        #expect(parsed.elements.first == "figure")
        #expect(parsed.elements.contains("svg") && parsed.elements.contains("details") && parsed.elements.contains("figcaption"))
        #expect(html.contains("role=\"img\" ") && html.contains("aria-labelledby=\"dept-pairs-title dept-pairs-desc\""))
        #expect(html.contains("<title id=\"dept-pairs-title\">Pairs by department</title>"))
        #expect(html.contains("<desc id=\"dept-pairs-desc\">Active pairs &lt;by&gt; mentee&#39;s department.</desc>"))
        #expect(html.contains("<summary>Show the data</summary>"))
        #expect(html.contains("<th scope=\"row\">R&amp;D &lt;Labs&gt;</th><td>12</td>"))
        #expect(html.contains("<figcaption>R&amp;D leads</figcaption>"))
        #expect(html.contains(">42.5%</text>"))
        #expect(Set(parsed.ids).count == parsed.ids.count)
    }

    @Test func suppressedValuesAreHatchedAndLabelled() {
        let html = bar.html()
        #expect(html.contains("class=\"bar suppressed\" fill=\"url(#dept-pairs-hatch)\""))
        #expect(html.contains(">fewer than 5</text>"))
        #expect(html.contains("<th scope=\"row\">Legal</th><td>fewer than 5</td>"))
        let heat = HeatMap(frame: ChartFrame(id: "matrix", title: "Who mentors whom", description: "d"),
                           rows: ["Eng", "HR"], columns: ["Eng", "HR"], values: [[4, nil], [0, 9]]).html()
        #expect(heat.contains("class=\"cell suppressed\" fill=\"url(#matrix-hatch)\""))
        #expect(heat.contains("<title>Eng → HR: fewer than 5</title>"))
        #expect(heat.contains("class=\"cell heat-0\"") && heat.contains("class=\"cell heat-5\""))
        #expect(heat.contains(">9</text>"))
    }

    @Test func everyKindIsWellFormedAndDeterministic() throws {
        let line = LineChart(frame: ChartFrame(id: "trend", title: "Sessions & hours", description: "Per quarter"),
                             categories: ["2026-Q1", "2026-Q2", "2026-Q3"],
                             series: [ChartSeries("Sessions", [4, nil, 7]), ChartSeries("Hours", [2, 3, 5]),
                                      ChartSeries("Pairs", [1, 1, 1])])
        let stacked = StackedBarChart(frame: ChartFrame(id: "led", title: "Who led", description: "d"),
                                      categories: ["Q1", "Q2"],
                                      series: [ChartSeries("Mentor", [10, 4]), ChartSeries("Mentee", [3, nil]),
                                               ChartSeries("Joint", [2, 1])])
        let heat = HeatMap(frame: ChartFrame(id: "m", title: "t", description: "d"), rows: ["A"], columns: ["B"], values: [[1]])
        let spark = Sparkline(id: "kpi 1", label: "Sessions: 4, 6, \"8\"", values: [4, 6, nil, 8])
        for html in [bar.html(), line.html(), stacked.html(), heat.html(), spark.html()] {
            #expect(Collector.parse(html) != nil, "not well-formed: \(html.prefix(200))")
        }
        #expect(line.html() == line.html() && stacked.html() == stacked.html())
        // Series differ by marker shape and dash pattern, not only colour.
        let html = line.html()
        #expect(html.contains("<circle class=\"marker series-1\""))
        #expect(html.contains("<rect class=\"marker series-2\""))
        #expect(html.contains("stroke-dasharray=\"6 3\"") && html.contains("stroke-dasharray=\"2 3\""))
        // The suppressed point breaks the line: two separate moves and no line between them.
        #expect(html.contains(#/d="M[0-9.]+ [0-9.]+M[0-9.]+ [0-9.]+"/#))
        #expect(stacked.html().contains("<td>fewer than 5</td>"))
        #expect(spark.html().contains("aria-label=\"Sessions: 4, 6, &quot;8&quot;\"") && spark.html().contains("id=\"kpi-1\""))
    }

    @Test func idsDeriveFromTheChartID() throws {
        let html = BarChart(frame: ChartFrame(id: "q3 pairs", title: "t", description: "d"), data: [ChartDatum("a", 1)]).html()
        let parsed = try #require(Collector.parse(html))
        #expect(parsed.ids.sorted() == ["q3-pairs", "q3-pairs-desc", "q3-pairs-hatch", "q3-pairs-narrow-desc",
                                        "q3-pairs-narrow-hatch", "q3-pairs-narrow-title", "q3-pairs-title"])
    }
}

@Suite struct AxisScaleTests {
    @Test(arguments: [(287.0, 300.0, 100.0), (0.83, 1.0, 0.25), (12.0, 15.0, 5.0), (4.0, 4.0, 1.0), (1830.0, 2000.0, 500.0), (0.0, 1.0, 0.25)])
    func roundNumbersOnTheValueAxis(max: Double, top: Double, step: Double) {
        let scale = SVG.niceScale(max)
        #expect(scale.top == top && scale.step == step)
    }
}
