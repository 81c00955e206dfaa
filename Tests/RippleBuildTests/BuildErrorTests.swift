import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// Bad input: every problem located, all reported in one run, nothing written, previous output intact.
@Suite struct BuildErrorTests {
    private func failures(_ site: TestSite) -> [String] {
        do {
            _ = try SiteBuilder(source: site.root, output: site.output).build()
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
    }

    private static let config = "title: T\nguide:\n  pdf: never\n"

    @Test func reportsEveryContentErrorInOneRun() throws {
        let site = try TestSite(files: [
            "ripple.yaml": Self.config,
            "content/index.md": "# Home\n\nSee [missing](pages/nope.md) and [anchor](guide/01-a.md#nowhere).\n",
            "content/guide/01-a.md": "---\ntitle: A\ntile: me\n---\n## Somewhere\n\n![pic](img/none.png)\n",
            "content/pages/x.md": "---\nslug: ../../x\n---\n# X\n",
        ])
        #expect(failures(site) == [
            "content/guide/01-a.md:3:1: error: unknown key 'tile' in front matter\n  hint: did you mean 'title'? (other keys are kept for templates as page.extra)",
            "content/pages/x.md:2:7: error: slug '../../x' would put the page outside its folder\n  hint: use a plain name such as 'matching' (letters, digits and dashes, no '/' or '..')",
        ])
        try site.write("content/guide/01-a.md", "---\ntitle: A\n---\n## Somewhere\n\n![pic](img/none.png)\n")
        try site.write("content/pages/x.md", "# X\n")
        #expect(failures(site) == [
            "content/guide/01-a.md:6:1: error: an image that does not exist: 'img/none.png'\n  hint: put the file under content/ and link it relative to this page, like 'images/photo.png'",
            "content/index.md:3:5: error: link to a page that does not exist: 'pages/nope.md'\n  hint: check the file name; it should be relative to this file, like '04-launch.md' or '../pages/join.md'",
            "content/index.md:3:34: error: '#nowhere' is not a heading on 'content/guide/01-a.md'\n  hint: link to one of the page's headings",
        ])
    }

    @Test func templateErrorsAreLocatedInTheSiteTemplate() throws {
        let site = try TestSite(files: [
            "ripple.yaml": Self.config,
            "content/index.md": "# Home\n",
            "templates/partials/footer.mustache": "<footer>\n  {{#site.organisation}}{{.}}\n</footer>\n",
        ])
        #expect(failures(site) == [
            "templates/partials/footer.mustache:2:3: error: section 'site.organisation' is never closed\n  hint: add {{/site.organisation}} where the section should end",
        ])
    }

    @Test func aMissingPartialIsAnErrorAtTheTag() throws {
        let site = try TestSite(files: [
            "ripple.yaml": Self.config,
            "content/index.md": "# Home\n",
            "templates/partials/footer.mustache": "<footer>\n{{> partials/legal}}\n</footer>\n",
        ])
        let problems = failures(site)
        #expect(problems.contains("templates/partials/footer.mustache:2:1: error: template 'partials/legal' not found\n  hint: create templates/partials/legal.mustache"))
    }

    @Test func aPageWithoutTitleIsAnError() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/pages/empty.md": "Just text.\n"])
        #expect(failures(site) == [
            "content/pages/empty.md:1: error: page has no title\n  hint: add `title: …` to the front matter, or start the page with a `# Heading`",
        ])
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n\nFirst version.\n"])
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        let before = TestSite.files(under: site.output)
        try site.write("content/index.md", "# Home\n\n[broken](nope.md)\n")
        #expect(!failures(site).isEmpty)
        #expect(TestSite.files(under: site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAFolderRippleDidNotWrite() throws {
        let site = try TestSite(files: ["ripple.yaml": Self.config, "content/index.md": "# Home\n", "public/notes.txt": "mine"])
        #expect(failures(site) == [
            "error: the output folder '\(site.output.standardizedFileURL.path)' is not empty and was not written by Ripple\n  hint: Ripple replaces its output folder on every build; choose another --output or empty this one",
        ])
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "notes.txt").path))
    }

    @Test func aMissingConfigSaysHowToStart() throws {
        let site = try TestSite(files: ["content/index.md": "# Home\n"])
        let problems = failures(site)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("error: no ripple.yaml in '") == true)
        #expect(problems.first?.hasSuffix("hint: run `ripple new \(site.root.lastPathComponent)` to start a site, or pass the site folder with --source") == true)
    }
}
