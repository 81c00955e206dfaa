import Foundation
import Testing
@testable import RippleBuild
import RippleCore
import RippleRender
import RippleTestSupport

/// Quarterly reports on a small fixture program: golden files of one quarter's report and its CSV files,
/// the standalone file, the PDF and every report diagnostic.
/// Re-record with `RIPPLE_RECORD=1 swift test --filter ReportTests` after an intended change.
@Suite struct ReportTests {
    static let fixture = "report-site"

    @Test func reportPagesAndCSVFilesMatchGoldenFiles() throws {
        let site = try TestSite(fixture: Self.fixture)
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let actual = TestSite.files(under: site.output).filter { $0.key.hasPrefix("reports/") }
        #expect(actual["reports/index.html"] != nil)
        #expect(actual["reports/2026-Q1/index.html"] != nil)
        let pinned = actual.filter { $0.key.hasPrefix("reports/2026-Q2/") }
        let expectedFolder = TestSite.fixtures.appending(path: "\(Self.fixture)/expected")
        if ProcessInfo.processInfo.environment["RIPPLE_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in pinned {
                let url = expectedFolder.appending(path: path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = TestSite.files(under: expectedFolder)
        #expect(pinned.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(pinned[path] == data, "\(path) differs from the golden file; re-record with RIPPLE_RECORD=1 if intended")
        }
    }

    @Test func reportShowsQuarterComparisonsTargetsAndNarrative() throws {
        let site = try TestSite(fixture: Self.fixture)
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let page = try String(contentsOf: site.output.appending(path: "reports/2026-Q2/index.html"), encoding: .utf8)
        #expect(page.contains("Quarterly report: April to June 2026"))
        #expect(page.contains("<strong>two new pairs</strong>"))
        #expect(page.contains("href=\"../../index.html\""))
        #expect(page.contains("since Q1 2026"))
        #expect(page.contains("Target 80%: not met") || page.contains("Target 80%: met"))
        let index = try String(contentsOf: site.output.appending(path: "reports/index.html"), encoding: .utf8)
        let q2 = try #require(index.range(of: "2026-Q2/index.html")), q1 = try #require(index.range(of: "2026-Q1/index.html"))
        #expect(q2.lowerBound < q1.lowerBound, "newest quarter first")
        // A quarter without a narrative still gets a complete report, without the narrative's section.
        let first = try String(contentsOf: site.output.appending(path: "reports/2026-Q1/index.html"), encoding: .utf8)
        #expect(first.contains("id=\"network\""))
        #expect(!first.contains("id=\"narrative\"") && !first.contains("From the program team"))
    }

    /// The report opens with its summary: headline figures, targets and the largest changes, then the program team's
    /// narrative, then the details; the index is one table of every quarter under the latest quarter's figures.
    @Test func reportOpensWithItsSummaryAndTheIndexIsATable() throws {
        let site = try TestSite(fixture: Self.fixture)
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let page = try String(contentsOf: site.output.appending(path: "reports/2026-Q2/index.html"), encoding: .utf8)
        let order = try ["id=\"summary\"", "class=\"report-changes\"", "id=\"narrative\"", "id=\"participation\"", "id=\"network\""]
            .map { try #require(page.range(of: $0)).lowerBound }
        #expect(order == order.sorted())
        let changes = try #require(page.range(of: "<div class=\"report-changes\">")).upperBound
        let list = page[changes...].components(separatedBy: "</ul>")[0]
        #expect(list.components(separatedBy: "report-changes__label\">").dropFirst().map { $0.components(separatedBy: "<")[0] }
            == ["Sessions led jointly", "Sessions completed", "Session hours"])
        #expect(list.contains("Up 4 (400%) since Q1 2026"))
        #expect(page.contains("<script src=\"../../assets/js/charts.js\" defer></script>"))

        let index = try String(contentsOf: site.output.appending(path: "reports/index.html"), encoding: .utf8)
        #expect(index.contains("Latest: <a href=\"2026-Q2/index.html\">Q2 2026</a>"))
        #expect(index.contains("<th scope=\"col\">Quarter</th><th scope=\"col\">Status</th><th scope=\"col\">Active participants</th>"))
        #expect(index.contains("<th scope=\"row\"><a href=\"2026-Q1/index.html\">Q1 2026</a></th>"))
        #expect(index.contains("<a href=\"2026-Q1/summary.csv\" download>CSV</a>"))
        #expect(index.contains("<span class=\"metric__delta metric__delta--up metric__delta--good\" title=\"Up 6 (100%) since Q1 2026\">Up 6</span>"))
        #expect(!index.contains("report-card__title"), "no tall card per quarter")
    }

    /// Nothing meant for the site's authors reaches a reader: no page, CSV or standalone file names the narrative
    /// file to write.
    @Test func noOutputHoldsInstructionsForAuthors() throws {
        let site = try TestSite(fixture: Self.fixture)
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let files = TestSite.files(under: site.output)
        #expect(files.keys.contains("reports/2026-Q1/summary.csv"))
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("content/reports/") && !text.contains("Add one as"), "\(path)")
        }
        let (bytes, diagnostics) = try StandaloneReport(source: site.root, quarter: "2026-Q1").make()
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(!html.contains("content/reports/") && !html.contains("From the program team"))
        #expect(diagnostics.map(\.description) == [
            "content/reports/2026-Q1.md: note: the 2026-Q1 report has no narrative, so it is published without the "
                + "'From the program team' section\n  hint: write the program team's highlights, stories and next steps in content/reports/2026-Q1.md",
        ])
    }

    @Test func runningQuarterSaysWhichDaysItsFiguresCover() throws {
        let report = QuarterReport(id: "2026-Q4", label: "Q4 2026", start: try #require(Day(year: 2026, month: 10, day: 1)),
                                   end: try #require(Day(year: 2026, month: 11, day: 20)), toDate: true, previousLabel: nil, yearAgoLabel: nil,
                                   isHidden: false, headline: [], kpis: [], sections: [])
        #expect(report.toDateSpan == "1 October to 20 November 2026, its first 51 of 92 days")
    }

    @Test func suppressedCellsStaySuppressedInCSV() throws {
        let site = try TestSite(fixture: Self.fixture)
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        // Two pairs started in Q2 2026: the median wait describes fewer than 3 mentees and is hidden.
        let csv = try String(contentsOf: site.output.appending(path: "reports/2026-Q2/matching.csv"), encoding: .utf8)
        let row = csv.split(separator: "\r\n").first { $0.hasPrefix("Median days to match,") }
        #expect(row?.hasPrefix("Median days to match,fewer than 3,") == true)
        let page = try String(contentsOf: site.output.appending(path: "reports/2026-Q2/index.html"), encoding: .utf8)
        #expect(page.contains("<td class=\" suppressed\">fewer than 3</td>"))
    }

    @Test func narrativeForAQuarterWithoutDataIsALocatedWarning() throws {
        let site = try TestSite(fixture: Self.fixture)
        let report = try SiteBuilder(source: site.root, output: site.output).build()
        let warnings = report.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings == [
            "content/reports/2025-Q1.md:1: warning: there is no quarter 2025-Q1 in the program data, so this narrative is not published\n"
                + "  hint: quarters with data: 2026-Q1, 2026-Q2; rename the file to one of them, or check program.as_of in ripple.yaml",
        ])
    }

    @Test func unknownTargetKeyIsALocatedErrorWithASuggestion() {
        #expect(throws: DiagnosticError.self) { try ConfigParser.parse("targets:\n  match_rat: 0.7\n") }
        do {
            _ = try ConfigParser.parse("title: X\ntargets:\n  match_rat: 0.7\n")
        } catch {
            #expect(error.diagnostics.count == 1)
            let text = error.diagnostics.first?.description ?? ""
            #expect(text.hasPrefix("ripple.yaml:3:3: error: unknown metric 'match_rat' in targets\n  hint: did you mean 'match_rate'? targets can be set for: participants_active, "))
        }
    }

    @Test func standaloneUnknownQuarterListsTheQuarters() throws {
        let site = try TestSite(fixture: Self.fixture)
        #expect(throws: DiagnosticError.self) { try StandaloneReport(source: site.root, quarter: "2019-Q1").make() }
        do {
            _ = try StandaloneReport(source: site.root, quarter: "2019-Q1").make()
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "error: there is no quarter '2019-Q1' in the program data\n  hint: quarters with data: 2026-Q1, 2026-Q2",
            ])
        }
    }

    @Test func standaloneHTMLRequestsNothingOutsideTheFile() throws {
        let site = try TestSite(fixture: Self.fixture)
        let (bytes, _) = try StandaloneReport(source: site.root, quarter: "2026-q2").make()
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(html.contains("<style>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        let base = "https://intranet.fixture.example/mentoring/"
        var references = Self.matches(#"\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?([^"'\s>]*)"#, in: html)
        references += Self.matches(#"url\(\s*["']?([^"')]*)"#, in: html)
        references += Self.matches(#"@import\s+["']([^"']*)"#, in: html)
        #expect(!references.isEmpty)
        for reference in references {
            let allowed = reference.hasPrefix("#") || reference.hasPrefix("data:") || reference.hasPrefix(base)
            #expect(allowed, "external reference in the standalone report: \(reference)")
        }
        // The narrative's link to another page points at the intranet.
        #expect(html.contains("href=\"\(base)\""))
    }

    @Test(.enabled(if: RequiredTool.present("weasyprint", "pdftotext"), "needs weasyprint and poppler-utils (apt-get install weasyprint poppler-utils)"))
    func pdfHoldsTheQuartersFiguresAsText() throws {
        try #require(PDFEngine.locate() != nil, "WeasyPrint is not installed")
        let site = try TestSite(fixture: Self.fixture)
        let (bytes, _) = try StandaloneReport(source: site.root, quarter: "2026-Q2", format: .pdf).make()
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        let pdf = site.root.appending(path: "report.pdf")
        try Data(bytes).write(to: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [pdf.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let raw = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // The cover's large title may wrap; compare words, not line breaks (pages stay split by form feeds).
        let text = raw.replacingOccurrences(of: "[ \n]+", with: " ", options: .regularExpression)
        #expect(text.contains("Quarterly report: April to June 2026"))
        #expect(text.contains("Q2 2026"))
        #expect(text.contains("Active participants"))
        // A cover first (organisation, program, title), without the running footer; the footer counts it.
        let pages = text.components(separatedBy: "\u{0C}")
        #expect(pages[0].contains("FIXTURE CO") && pages[0].contains("Quarterly report: April to June 2026") && !pages[0].contains("Page 1 of"))
        #expect(pages.count > 2 && pages[1].contains("Page 2 of") && pages[1].contains("Summary"))
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
