import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// A file of content/ and a file Ripple generates never share an output path.
@Suite struct ClaimedPathTests {
    private func failures(_ site: TestSite) -> [String] {
        do {
            _ = try SiteBuilder(source: site.root, output: site.output).build()
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
    }

    @Test func aContentFileCannotTakeAGeneratedFilesPlace() throws {
        let site = try TestSite(files: [
            "ripple.yaml": "title: T\nguide:\n  pdf: never\n",
            "content/index.md": "# Home\n",
            "content/pages/faq.md": "# FAQ\n",
            "content/faq/index.html": "<p>old export</p>",
            "content/assets/css/ripple.css": "body { color: red }",
            "content/404.html": "mine",
            "content/faq/photo.png": "png",  // beside a page's output: fine
        ])
        #expect(failures(site) == [
            "content/404.html: error: 'content/404.html' and the generated '404.html' would both be written to '404.html'\n  hint: rename or move 'content/404.html'",
            "content/assets/css/ripple.css: error: 'content/assets/css/ripple.css' and the theme's 'assets/css/ripple.css' would both be written to 'assets/css/ripple.css'\n  hint: the theme's files are replaced only through templates/: move the file to 'templates/assets/css/ripple.css'",
            "content/faq/index.html: error: 'content/faq/index.html' and 'content/pages/faq.md' would both be written to 'faq/index.html'\n  hint: rename or move 'content/faq/index.html'",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        // Through templates/assets/, the theme's stylesheet is replaced as README says.
        try FileManager.default.removeItem(at: site.root.appending(path: "content/assets"))
        try FileManager.default.removeItem(at: site.root.appending(path: "content/404.html"))
        try FileManager.default.removeItem(at: site.root.appending(path: "content/faq/index.html"))
        try site.write("templates/assets/css/ripple.css", "body { color: red }")
        #expect(failures(site) == [])
        #expect(try String(contentsOf: site.output.appending(path: "assets/css/ripple.css"), encoding: .utf8) == "body { color: red }")
    }

    @Test func checkAndIncrementalBuildsSeeTheClashToo() throws {
        let site = try TestSite(files: ["ripple.yaml": "title: T\nguide:\n  pdf: never\n", "content/index.md": "# Home\n",
                                        "content/pages/faq.md": "# FAQ\n"])
        let builder = SiteBuilder(source: site.root, output: site.output, state: IncrementalState())
        _ = try builder.build()
        try site.write("content/faq/index.html", "<p>old export</p>")
        let expected = "content/faq/index.html: error: 'content/faq/index.html' and 'content/pages/faq.md' would both be written to 'faq/index.html'\n  hint: rename or move 'content/faq/index.html'"
        #expect(SiteBuilder(source: site.root, output: site.output).check().filter { $0.severity == .error }.map(\.description) == [expected])
        #expect {
            try builder.build()
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.filter { $0.severity == .error }.map(\.description) == [expected]
        }
        #expect(try String(contentsOf: site.output.appending(path: "faq/index.html"), encoding: .utf8).contains("FAQ"))
    }
}
