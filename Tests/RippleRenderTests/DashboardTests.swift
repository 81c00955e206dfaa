import RippleCore
import RippleMetrics
import RippleRender
import Testing

@Suite struct DashboardTests {
    func site() throws -> MemorySink {
        let (sink, diagnostics) = try Fixtures.render(config: Fixtures.config(), content: SiteContent(),
                                                      metrics: Fixtures.metrics())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return sink
    }

    @Test func writesEveryDashboardAndMetricsJSON() throws {
        let sink = try site()
        let paths = sink.files.keys.filter { $0.hasPrefix("dashboards/") || $0.hasPrefix("data/") }.sorted()
        #expect(paths == ["dashboards/cohorts/index.html", "dashboards/cohorts/spring-2026/index.html", "dashboards/index.html",
                          "dashboards/network/index.html", "dashboards/reciprocal/index.html", "dashboards/training/index.html",
                          "data/metrics.json"])
        #expect(sink.text("data/metrics.json") == MetricsJSON.encode(Fixtures.metrics()))
    }

    @Test func overviewShowsHeadlineFiguresAndChanges() throws {
        let html = try #require(try site().text("dashboards/index.html"))
        #expect(html.contains("<h1 class=\"page-head__title\">Program dashboard</h1>"))
        #expect(html.contains("Figures for Q2 2026, compared with Q1 2026."))
        #expect(html.contains("<p class=\"metric__label\">Sessions completed</p><p class=\"metric__value\">13</p>"
                              + "<p class=\"metric__delta metric__delta--up metric__delta--good\">Up 4 (44%) since Q1 2026</p>"))
        #expect(html.contains("<p class=\"metric__label\">Active pairs</p><p class=\"metric__value\">9</p>"
                              + "<p class=\"metric__delta metric__delta--flat\">No change since Q1 2026</p>"))
        #expect(html.contains("Target 70%: met"))
        #expect(html.contains("<figure class=\"chart chart-line\" id=\"sessions_by_quarter\">"))
        #expect(html.contains("aria-current=\"page\">Overview</a>"))
        #expect(html.contains("href=\"../data/metrics.json\""))
    }

    @Test func smallDepartmentShowsFewerThanFive() throws {
        let html = try #require(try site().text("dashboards/network/index.html"))
        // Legal has four people: its cell is hidden, and so is the next smallest (Ops), so Legal cannot be worked out.
        #expect(html.contains("<tr><th scope=\"row\">Legal</th><td>fewer than 5</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Ops</th><td>fewer than 5</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Eng</th><td>8</td></tr>"))
        #expect(html.contains("Who mentors whom across departments"))
    }

    /// With a headcount, the network dashboard shows the enrolled people, the enrolment share and its chart by
    /// department; without one, none of them.
    @Test func networkShowsTheEnrolmentShareWithAHeadcount() throws {
        var program = Fixtures.program
        program.headcount = ["Eng": 40]
        let metrics = Fixtures.metrics(program)
        let share = try #require(metrics.currentQuarter?.enrolmentShare)
        let (sink, _) = try Fixtures.render(config: Fixtures.config(), content: SiteContent(), metrics: metrics)
        let html = try #require(sink.text("dashboards/network/index.html"))
        #expect(html.contains("<p class=\"metric__label\">Eligible employees enrolled</p><p class=\"metric__value\">"
                              + MetricUnit.share.format(share) + "</p>"))
        #expect(html.contains("<figure class=\"chart chart-bar\" id=\"enrolment_share_by_department\">"))
        let plain = try #require(try site().text("dashboards/network/index.html"))
        #expect(!plain.contains("Eligible employees enrolled") && !plain.contains("id=\"enrolment_share_by_department\""))
    }

    @Test func cohortPagesEscapeNames() throws {
        let sink = try site()
        let list = try #require(sink.text("dashboards/cohorts/index.html"))
        #expect(list.contains("<a href=\"spring-2026/index.html\">Spring &lt;2026&gt;</a>"))
        let page = try #require(sink.text("dashboards/cohorts/spring-2026/index.html"))
        #expect(page.contains("<h1 class=\"page-head__title\">Spring &lt;2026&gt;</h1>"))
        #expect(!page.contains("<2026>"))
    }

    @Test func noPersonalDataAnywhere() throws {
        let sink = try site()
        for (path, bytes) in sink.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Secret Person"), "\(path)")
            #expect(!text.contains("@people.example"), "\(path)")
        }
    }

    @Test func tinyProgramHidesEverything() throws {
        let (sink, diagnostics) = try Fixtures.render(config: Fixtures.config(minGroupSize: 50), content: SiteContent(),
                                                      metrics: Fixtures.metrics(config: Fixtures.config(minGroupSize: 50)))
        #expect(diagnostics.isEmpty)
        let html = try #require(sink.text("dashboards/index.html"))
        // One notice instead of a grid of identical hidden tiles.
        #expect(html.contains("<p class=\"dashboard-notice dashboard-notice--hidden\">The program is too small to publish: its figures describe fewer than 50 people, so they are hidden to protect privacy.</p>"))
        #expect(!html.contains("metric__value"))
        #expect(!html.contains("metric__delta--"))
    }
}
