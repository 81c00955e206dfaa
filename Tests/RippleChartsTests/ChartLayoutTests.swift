import Testing
@testable import RippleCharts

/// Every chart type laid out with 1, 8, 16 and 40 quarters and long department names: no two text boxes
/// overlap and none leaves the chart, checked on the boxes each layout reports for the text it placed.
@Suite struct ChartLayoutTests {
    static let counts = [1, 8, 16, 40]
    static let departments = ["Research & Development Laboratories", "Human Resources", "Customer Success and Support",
                              "Legal", "Finance, Procurement and Treasury Operations", "IT", "Powerful questions module"]

    static func quarters(_ count: Int) -> [String] {
        (0..<count).map { "Q\($0 % 4 + 1) \(2017 + $0 / 4)" }
    }

    static func values(_ count: Int, seed: Int) -> [Double?] {
        (0..<count).map { i -> Double? in
            let raw: Int = (i * 37 + seed * 11) % 97
            return i % 7 == 3 ? nil : Double(raw) * 13.5
        }
    }

    static func series(_ count: Int) -> [ChartSeries] {
        ["Survey scores and response rate (%)", "Meet monthly %", "Cross-dept %", "Cross-level %", "Powerful questions"]
            .enumerated().map { ChartSeries($1, values(count, seed: $0), unmeasured: $0 == 1 ? [0] : []) }
    }

    func expectNoOverlap(_ canvas: ChartCanvas, _ what: String) {
        let labels = canvas.labels
        #expect(!labels.isEmpty, "\(what): no text placed")
        for (i, a) in labels.enumerated() {
            #expect(a.isInside(width: canvas.width, height: canvas.height),
                    "\(what): “\(a.text)” leaves the \(canvas.width)×\(canvas.height) chart: \(a)")
            for b in labels[(i + 1)...] where a.overlaps(b) {
                Issue.record("\(what): “\(a.text)” overlaps “\(b.text)”: \(a) \(b)")
            }
        }
    }

    @Test(arguments: counts, ChartSize.allCases)
    func lineChart(quarters count: Int, size: ChartSize) {
        let chart = LineChart(frame: ChartFrame(id: "l", title: "t", description: "d"),
                              categories: Self.quarters(count), series: Self.series(count))
        let canvas = chart.layout(size)
        expectNoOverlap(canvas, "line, \(count) quarters, \(size)")
        // The latest quarter is always named on the axis.
        #expect(canvas.labels.contains { $0.text == Self.quarters(count).last })
    }

    @Test(arguments: counts, ChartSize.allCases)
    func stackedBarChart(quarters count: Int, size: ChartSize) {
        let chart = StackedBarChart(frame: ChartFrame(id: "s", title: "t", description: "d"),
                                    categories: Self.quarters(count), series: Array(Self.series(count).prefix(3)))
        expectNoOverlap(chart.layout(size), "stacked, \(count) quarters, \(size)")
    }

    @Test(arguments: counts, ChartSize.allCases)
    func barChart(rows count: Int, size: ChartSize) {
        let data = (0..<count).map { i in
            i % 5 == 2 ? ChartDatum.unmeasured(Self.departments[i % 7] + " \(i)")
                : ChartDatum(Self.departments[i % 7] + " \(i)", Self.values(count, seed: 3)[i])
        }
        let chart = BarChart(frame: ChartFrame(id: "b", title: "t", description: "d", minGroupSize: 10), data: data)
        expectNoOverlap(chart.layout(size), "bar, \(count) rows, \(size)")
    }

    @Test(arguments: counts)
    func heatMap(departments count: Int) {
        let names = (0..<count).map { Self.departments[$0 % 7] + ($0 < 7 ? "" : " \($0)") }
        let values = (0..<count).map { r in Self.values(count, seed: r) }
        let chart = HeatMap(frame: ChartFrame(id: "h", title: "t", description: "d"), rows: names, columns: names,
                            values: values, rowHeading: "Mentor's department", columnHeading: "Mentee's department")
        expectNoOverlap(chart.layout(), "heat map, \(count) departments")
    }

    @Test func overlapIsDetected() {
        let a = LabelBox(text: "Q1 '23", x: 0, y: 0, width: 40, height: 12)
        #expect(a.overlaps(LabelBox(text: "Q2 '23", x: 39, y: 5, width: 40, height: 12)))
        #expect(!a.overlaps(LabelBox(text: "Q2 '23", x: 40, y: 0, width: 40, height: 12)))
    }

    @Test func textWidthsComeFromTheTable() {
        // DejaVu Sans advances: "W" is 989/1000 em, "i" 278/1000; unknown characters count as a full em.
        #expect(TextWidth.of("Wi", size: 10) == 12.67)
        #expect(TextWidth.of("漢", size: 12) == 12)
        let cut = TextWidth.truncated("Research & Development", size: 12, maxWidth: 80)
        #expect(cut.hasSuffix("…") && TextWidth.of(cut, size: 12) <= 80)
        #expect(TextWidth.wrapped("Customer Success and Support", size: 12, maxWidth: 90, maxLines: 2).count == 2)
    }
}
