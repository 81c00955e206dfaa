import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// Settings that change how every page names things: `program.quarter_labels` (one quarter label form on every
/// surface) and `site.logo` (the header's logo, checked where the settings are read).
@Suite struct SiteLabelSettingsTests {
    private func errors(_ text: String, contentPaths: Set<String>) -> [String] {
        do { _ = try ConfigParser.parse(text, contentPaths: contentPaths); return [] } catch { return error.diagnostics.map(\.description) }
    }

    @Test func everySurfaceNamesQuartersInTheConfiguredForm() throws {
        // The fixture's program key is `as_of` only; a second `program:` mapping would be a duplicate key, so the
        // setting goes in through a rewritten file.
        let site = try TestSite(fixture: "report-site")
        let config = try String(contentsOf: site.root.appending(path: "ripple.yaml"), encoding: .utf8)
        try site.write("ripple.yaml", config.replacingOccurrences(
            of: "program:\n", with: "program:\n  quarter_labels: short\n  fiscal_year_start_month: 4\n"))
        let report = try SiteBuilder(source: site.root, output: site.output).build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let texts = TestSite.files(under: site.output)
            .filter { [".html", ".json", ".csv"].contains(where: $0.key.hasSuffix) }
            .mapValues { String(decoding: $0, as: UTF8.self) }
        // 2026-06-30 is in April–June 2026: Q1 of FY2027, written Q1 FY27.
        for (path, needle) in [("dashboards/index.html", "Figures for Q1 FY27"),     // the period note
                               ("dashboards/index.html", ">Q1 FY27</text>"),         // a trend chart's axis
                               ("dashboards/index.html", "<th scope=\"row\">Q1 FY27</th>"),  // its data table
                               ("reports/index.html", "Q1 FY27"),
                               ("data/metrics.json", "\"label\": \"Q1 FY27\"")] {
            #expect(texts[path]?.contains(needle) == true, "\(path) lacks \(needle)")
        }
        let long = try Regex(#"Q[1-4] (FY)?20[0-9]{2}"#)
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            #expect(text.firstMatch(of: long) == nil, "\(path) names a quarter in the long form")
        }
    }

    @Test func theLogoIsCheckedWhereTheSettingsAreRead() throws {
        let paths: Set<String> = ["content/images/logo.svg", "content/index.md", "content/data/people.png"]
        let placement = "put the image under content/ and give its path relative to content/, like 'images/logo.svg'"
        #expect(errors("site:\n  logo: ../secret.png\n", contentPaths: paths)
                == ["ripple.yaml:2:9: error: the logo '../secret.png' is outside content/\n  hint: \(placement)"])
        #expect(errors("site:\n  logo: data/people.png\n", contentPaths: paths)
                == ["ripple.yaml:2:9: error: the logo 'data/people.png' is in content/data/, which is never published\n  hint: \(placement)"])
        #expect(errors("site:\n  logo: index.md\n", contentPaths: paths)
                == ["ripple.yaml:2:9: error: the logo 'index.md' is not an image every browser shows: use PNG, JPEG, GIF or SVG\n  hint: save the logo as SVG or PNG and point `logo:` at that file"])
        #expect(errors("site:\n  logo: images/none.svg\n", contentPaths: paths)
                == ["ripple.yaml:2:9: error: the logo 'images/none.svg' does not exist\n  hint: \(placement); or remove `logo:` to show Ripple's mark"])
        #expect(try ConfigParser.parse("site:\n  logo: ./images/logo.svg\n", contentPaths: paths).logo == "images/logo.svg")
    }

    @Test func aConfiguredLogoReplacesTheMarkOnEveryPage() throws {
        let site = try TestSite(fixture: "report-site")
        let config = try String(contentsOf: site.root.appending(path: "ripple.yaml"), encoding: .utf8)
        try site.write("ripple.yaml", config + "site:\n  logo: brand/our \"logo\" <1>.svg\n")
        try site.write("content/brand/our \"logo\" <1>.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>")
        let report = try SiteBuilder(source: site.root, output: site.output).build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let files = TestSite.files(under: site.output)
        #expect(files["brand/our \"logo\" <1>.svg"] != nil, "the logo is published where it is under content/")
        let home = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains("<img class=\"brand__logo\" src=\"brand/our%20%22logo%22%20%3C1%3E.svg\" alt=\"\">"))
        let dashboard = String(decoding: files["dashboards/network/index.html"] ?? Data(), as: UTF8.self)
        #expect(dashboard.contains("src=\"../../brand/our%20%22logo%22%20%3C1%3E.svg\""))
        #expect(!home.contains("brand__mark") && !dashboard.contains("brand__mark"))
    }

    @Test func withoutALogoTheHeaderShowsRipplesMark() throws {
        let site = try TestSite(fixture: "report-site")
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let home = try String(contentsOf: site.output.appending(path: "index.html"), encoding: .utf8)
        #expect(home.contains("<img class=\"brand__mark\" src=\"assets/favicon.svg\" alt=\"\" width=\"32\" height=\"32\">"))
        #expect(!home.contains("brand__logo"))
    }
}
