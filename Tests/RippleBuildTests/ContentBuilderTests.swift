import Foundation
import Testing
@testable import RippleBuild
import RippleCore

@Suite struct ContentBuilderTests {
    private func build(_ files: [String: String], drafts: Bool = false) -> (SiteContent, [String]) {
        let sources = files.map { SourceFile(path: $0.key, text: $0.value) }
        let (content, diagnostics) = ContentBuilder(includeDrafts: drafts).build(sources)
        return (content, diagnostics.map(\.description))
    }

    @Test func includesArePutInAndSharedMarkdownIsNotAPage() {
        let (content, problems) = build([
            "content/guide/01-why.md": "---\ntitle: Why\n---\nIntro\n{{< include \"_parts/steps.md\" lines=\"2\" >}}\nEnd [x](y.md)\n",
            "content/guide/_parts/steps.md": "One\nTwo\n",
            "content/_shared/logo.png": "PNG",
        ])
        #expect(problems.isEmpty)
        #expect(content.chapters.map(\.body) == ["Intro\nTwo\nEnd [x](y.md)\n"])
        #expect(content.chapters.first?.sourceLines == [
            SourceLineRun(line: 1, file: "content/guide/01-why.md", fileLine: 4),
            SourceLineRun(line: 2, file: "content/guide/_parts/steps.md", fileLine: 2),
            SourceLineRun(line: 3, file: "content/guide/01-why.md", fileLine: 6),
        ])
        #expect(content.pages.isEmpty)
        #expect(content.staticFiles.map(\.outputPath) == ["_shared/logo.png"])
    }

    @Test func aReleasedBodyIsReadAgainFromItsFileAndAnIncludedOneIsHeld() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-release-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["content/guide/01-own.md": "---\ntitle: Own\n---\nOwn text\n",
                     "content/guide/02-incl.md": "# Incl\n{{< include \"_parts/p.md\" >}}\n",
                     "content/guide/_parts/p.md": "Part\n"]
        for (path, text) in files {
            try FileManager.default.createDirectory(at: root.appending(path: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: root.appending(path: path))
        }
        let (content, problems) = ContentBuilder(rereadRoot: root.path)
            .build(files.map { SourceFile(path: $0.key, text: $0.value) })
        #expect(problems.isEmpty)
        let own = try #require(content.chapters.first), included = try #require(content.chapters.last)
        own.releaseBody(); included.releaseBody()
        #expect(!own.bodyIsLoaded && own.bodyByteCount == 9 && own.body == "Own text\n")
        #expect(!own.bodyIsLoaded)  // read again each time, not kept
        #expect(included.bodyIsLoaded && included.body == "# Incl\nPart\n")
    }

    @Test func partFoldersNestTheirChaptersAfterTheirOpening() {
        let (content, problems) = build([
            "content/guide/01-why.md": "# Why",
            "content/guide/02-basics/_index.md": "# Basics",
            "content/guide/02-basics/02-meet.md": "# Meet",
            "content/guide/02-basics/01-plan.md": "# Plan",
            "content/guide/03-end.md": "# End",
            "content/guide/advanced/_index.md": "---\ntitle: Advanced\nweight: 0\n---\n",
            "content/guide/advanced/deep.md": "# Deep",
            "content/guide/loose/a.md": "# Loose",
            "content/guide/a/b/c.md": "# Too deep",
        ])
        #expect(problems == ["content/guide/a/b/c.md: error: guide chapters must be in content/guide/ or in a part folder right under it\n"
            + "  hint: move the file up to content/guide/<part>/ (images may stay in subfolders)"])
        #expect(content.chapters.map { "\($0.depth) \($0.slug)" } == [
            "1 advanced", "2 deep", "1 why", "1 basics", "2 plan", "2 meet", "1 end", "1 a",
        ])
        #expect(ChapterNumbering.labels(content.chapters.map(\.depth)) == ["1", "1.1", "2", "3", "3.1", "3.2", "4", "5"])
        #expect(content.chapters[3].outputPath == "guide/basics/index.html")
    }

    @Test func ordersChaptersByWeightThenNumberPrefix() {
        let (content, problems) = build([
            "content/guide/02-design.md": "Body",
            "content/guide/10-automate.md": "Body",
            "content/guide/01-why.md": "Body",
            "content/guide/intro.md": "---\nweight: 0\n---\nBody",
        ])
        #expect(problems.isEmpty)
        #expect(content.chapters.map(\.slug) == ["intro", "why", "design", "automate"])
        #expect(content.chapters.map(\.outputPath).first == "guide/intro/index.html")
    }

    @Test func mapsPagesHomeNarrativesAndStaticFiles() {
        let (content, problems) = build([
            "content/index.md": "# Home",
            "content/pages/join.md": "---\ntitle: Join\nslug: how-to-join\n---\nText",
            "content/pages/team/contacts.md": "Text",
            "content/reports/2026-q3.md": "Story",
            "content/guide/img/ripple.png": "PNG",
            "content/data/pairs.csv": "pair_id",
        ])
        #expect(problems.isEmpty)
        #expect(content.home?.outputPath == "index.html")
        #expect(content.pages.map(\.outputPath) == ["how-to-join/index.html", "team/contacts/index.html"])
        #expect(content.narratives["2026-Q3"]?.kind == .narrative)
        #expect(content.staticFiles == [StaticFile(source: "content/guide/img/ripple.png", outputPath: "guide/img/ripple.png")])
    }

    @Test func windowsLineEndingsAreRead() {
        let (content, problems) = build(["content/pages/a.md": "---\r\ntitle: Windows\r\nweight: 2\r\n---\r\nBody\r\n"])
        #expect(problems.isEmpty)
        #expect(content.pages.first?.title == "Windows")
        #expect(content.pages.first?.weight == 2)
        #expect(content.pages.first?.bodyLineOffset == 4)
    }

    @Test func guideIndexIntroductionIsNotAChapter() {
        let (content, problems) = build([
            "content/guide/_index.md": "---\ntitle: Our guide\n---\nRead this first.",
            "content/guide/01-why.md": "Body",
        ])
        #expect(problems.isEmpty)
        #expect(content.chapters.map(\.slug) == ["why"])
        #expect(content.guideIntro?.outputPath == "guide/index.html")
        #expect(content.guideIntro?.kind == .guideIndex)
    }

    @Test func draftsAreSkippedUnlessAsked() {
        let files = ["content/pages/a.md": "---\ndraft: true\n---\nText"]
        #expect(build(files).0.pages.isEmpty)
        #expect(build(files, drafts: true).0.pages.count == 1)
    }

    @Test func frontMatterErrorsAreLocatedInTheFile() {
        let (_, problems) = build([
            "content/guide/01-a.md": "---\ntitle: A\ntile: Sam\nweight: first\n---\nBody",
            "content/pages/x.md": "---\nslug: ../../x\n---\n",
            "content/pages/open.md": "---\ntitle: never closed\n",
        ])
        #expect(problems == [
            "content/guide/01-a.md:3:1: error: unknown key 'tile' in front matter\n  hint: did you mean 'title'? (other keys are kept for templates as page.extra)",
            "content/guide/01-a.md:4:9: error: 'weight' must be a whole number, not 'first'",
            "content/pages/open.md:1:1: error: front matter is never closed\n  hint: add a line with only `---` after the front matter",
            "content/pages/x.md:2:7: error: slug '../../x' would put the page outside its folder\n  hint: use a plain name such as 'matching' (letters, digits and dashes, no '/' or '..')",
        ])
    }

    @Test func invalidUTF8NamesTheLine() {
        let file = SourceFile(path: "content/pages/bad.md", bytes: Array("ok\nalso ok\nbad \u{E9}".utf8.dropLast(2)) + [0xE9, 0x0A])
        let (_, diagnostics) = ContentBuilder().build([file])
        #expect(diagnostics.map(\.description) == [
            "content/pages/bad.md:3: error: is not valid UTF-8 text\n  hint: save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)",
        ])
    }

    @Test func reservedAndDuplicateOutputsAreErrors() {
        let (_, problems) = build([
            "content/pages/assets.md": "x",
            "content/pages/a.md": "---\nslug: b\n---\n",
            "content/pages/b.md": "x",
        ])
        #expect(problems.contains("content/pages/assets.md: error: page would be written to 'assets/index.html', which Ripple uses for its own pages\n  hint: give the page another file name or `slug`"))
        #expect(problems.contains("content/pages/b.md: error: 'content/pages/b.md' and 'content/pages/a.md' would both be written to 'b/index.html'\n  hint: give one of them another `slug`"))
    }

    @Test func relativeHrefs() {
        #expect(OutputPath.relativeHref(from: "guide/a/index.html", to: "guide/b/index.html") == "../b/index.html")
        #expect(OutputPath.relativeHref(from: "index.html", to: "guide/b/index.html") == "guide/b/index.html")
        #expect(OutputPath.relativeHref(from: "guide/a/index.html", to: "assets/css/ripple.css") == "../../assets/css/ripple.css")
        #expect(OutputPath.relativeHref(from: "guide/a/index.html", to: "guide/a/index.html") == "index.html")
        #expect(OutputPath.normalize("a/../../b") == nil)
        #expect(OutputPath.rootPrefix(of: "guide/a/index.html") == "../../")
    }
}

@Suite struct BookOutlineTests {
    @Test func summaryGivesPartsLevelsAndDrafts() {
        let outline = BookOutline(summary: """
            # Summary

            [Preface](preface.md)

            # Getting started

            - [Install](./install.md)
                - [On Linux](install/linux.md)
                    - [Debian](install/debian.md)
            - [Draft]()

            ---

            [Thanks](thanks.md)
            """)
        #expect(outline.entries.map { "\($0.level) \($0.title) \($0.path ?? "-")\($0.isPartTitle ? " part" : "")" } == [
            "0 Preface preface.md", "0 Getting started - part", "1 Install install.md", "2 On Linux install/linux.md",
            "3 Debian install/debian.md", "1 Draft -", "0 Thanks thanks.md",
        ])
    }

    @Test func aFolderOfMarkdownBecomesChaptersAndParts() {
        let files: [String: String] = [
            "b-usage.md": "# Usage\n\nSee [setup](setup/_index.md#first) and ![x](img/x.png).\n",
            "README.md": "# Welcome\n",
            "setup/_index.md": "---\ntitle: Setup\n---\nText.\n",
            "setup/02-linux.md": "Linux.\n",
            "img/x.png": "PNG",
        ]
        let site = BookImporter.folder(files.mapValues { Array($0.utf8) }, title: "Docs")
        #expect(site.files.map(\.path) == [
            "content/guide/01-welcome.md", "content/guide/02-usage.md", "content/guide/03-setup/01-linux.md",
            "content/guide/03-setup/_index.md", "content/guide/img/x.png", "content/index.md", "ripple.yaml",
        ])
        let usage = String(decoding: site.files[1].bytes, as: UTF8.self)
        // The chapter's own heading is its title: no front matter is added.
        #expect(usage == "# Usage\n\nSee [setup](03-setup/_index.md#first) and ![x](img/x.png).\n")
    }

    @Test func mdBookIncludesTakeLinesAndAnchors() {
        let files = ["src/code.rs": "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\nfn other() {}\n"]
        var notes: [String] = []
        let text = MdBookInclude.expand("A\n{{#include code.rs:main}}\n{{#include code.rs:4}}\n{{#include code.rs::2}}\n\\{{#include x}}\n{{#include gone.rs}}\n",
                                        path: "src/ch.md", read: { files[$0] }, notes: &notes)
        #expect(text == "A\nfn main() {}\nfn other() {}\nfn main() {}\n\\{{#include x}}\n\n")
        #expect(notes == ["src/ch.md: the included file 'gone.rs' does not exist, so the include was dropped"])
    }
}
