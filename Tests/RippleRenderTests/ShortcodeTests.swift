import RippleCore
import RippleMarkdown
import RippleRender
import Testing

@Suite struct ShortcodeTests {
    let renderer = ShortcodeRenderer(metrics: Fixtures.metrics())
    let page = Page(kind: .page, source: "content/pages/impact.md", slug: "impact", body: "", outputPath: "impact/index.html")
    let location = SourceLocation(file: "content/pages/impact.md", line: 7, column: 12)

    func render(_ name: String, _ arguments: [String: String], block: Bool = false) -> EmbedResult {
        renderer.render(Embed(name: name, arguments: arguments, isBlock: block, location: location), on: page)
    }

    func html(_ result: EmbedResult) -> String? {
        if case .html(let text, _) = result { return text }
        return nil
    }

    func diagnostic(_ result: EmbedResult) -> Diagnostic? {
        if case .fail(let problem) = result { return problem }
        return nil
    }

    @Test func inlineMetric() {
        #expect(html(render("metric", ["": "sessions_completed", "period": "2026-Q2"]))
                == "<span class=\"metric-inline\" title=\"Sessions completed, Q2 2026\">13</span>")
        #expect(html(render("metric", ["": "sessions_completed"]))
                == "<span class=\"metric-inline\" title=\"Sessions completed, All time\">22</span>")
        #expect(html(render("metric", ["": "pairs_active", "period": "current"]))
                == "<span class=\"metric-inline\" title=\"Active pairs, Q2 2026\">9</span>")
    }

    @Test func suppressedInlineMetric() {
        #expect(html(render("metric", ["": "by_department.participants[Legal]"]))
                == "<span class=\"metric-inline suppressed\" title=\"Active participants in Legal, All time\">fewer than 5</span>")
    }

    @Test func blockMetricIsATile() throws {
        let text = try #require(html(render("metric", ["": "sessions_completed", "period": "2026-Q2"], block: true)))
        #expect(text.hasPrefix("<ul class=\"metric-grid\"><li class=\"metric\" data-metric=\"sessions_completed\">"))
        #expect(text.contains("Up 4 (44%) since Q1 2026"))
    }

    @Test func blockChart() throws {
        let text = try #require(html(render("chart", ["": "department_matrix", "period": "2026-Q1"], block: true)))
        #expect(text.hasPrefix("<figure class=\"chart chart-heatmap\" id=\"sc7-12-department_matrix\">"))
        #expect(text.contains("Active pairs in Q1 2026"))
    }

    @Test func unknownMetricSuggestsCloseNames() {
        #expect(diagnostic(render("metric", ["": "sesions_completed"]))
                == .error("unknown metric 'sesions_completed'", at: location,
                          hint: "did you mean 'sessions_completed'? Every metric is listed in docs/metrics.md."))
        #expect(diagnostic(render("metric", ["": "xyzzy"]))
                == .error("unknown metric 'xyzzy'", at: location,
                          hint: "use a metric name from docs/metrics.md, such as sessions_completed or pairs_active"))
    }

    @Test func unknownChartSuggestsCloseNames() {
        #expect(diagnostic(render("chart", ["": "sessions_per_quarter"], block: true))
                == .error("unknown chart 'sessions_per_quarter'", at: location,
                          hint: "did you mean 'sessions_by_quarter'? Every chart is listed in docs/metrics.md."))
    }

    @Test func unknownPeriodListsTheQuarters() {
        #expect(diagnostic(render("metric", ["": "pairs_active", "period": "2026-Q5"]))
                == .error("unknown period '2026-Q5'", at: location,
                          hint: "did you mean '2026-Q1' or '2026-Q2'? A period is 'all', 'current', a quarter (2026-Q1 to 2026-Q2) or cohort:<id>."))
    }

    @Test func inlineChartAndStraySettingAreErrors() {
        #expect(diagnostic(render("chart", ["": "sessions_by_quarter"]))
                == .error("the chart 'sessions_by_quarter' must be on a line of its own", at: location,
                          hint: "put the chart shortcode in its own paragraph, with an empty line before and after"))
        #expect(diagnostic(render("metric", ["": "pairs_active", "perod": "all"]))
                == .error("the metric shortcode has no setting 'perod'", at: location,
                          hint: "the only setting is period=…, like {{< metric … period=2026-Q3 >}}"))
        #expect(diagnostic(render("metrc", ["": "pairs_active"]))
                == .error("unknown shortcode 'metrc'", at: location,
                          hint: "did you mean 'metric'? Ripple knows {{< metric … >}} and {{< chart … >}}."))
    }
}
