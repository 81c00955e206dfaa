import Testing
@testable import RippleBuild
import RippleCore

@Suite struct GuideSummaryTests {
    private func build(_ files: [String: String]) -> (SiteContent, [String]) {
        let (content, diagnostics) = ContentBuilder().build(files.map { SourceFile(path: $0.key, text: $0.value) })
        return (content, diagnostics.map(\.description))
    }

    @Test func summaryOrdersAndNestsChaptersWithoutRenamingFiles() {
        let (content, problems) = build([
            "content/guide/SUMMARY.md": """
                # Summary

                [Welcome](welcome.md)

                - [Setup](setup/README.md)
                  - [Install](setup/install.md)
                    - [On Linux](setup/linux.md)
                - [Matching](./matching.md)
                - [Later]()

                """,
            "content/guide/welcome.md": "# Welcome",
            "content/guide/setup/README.md": "# Setup",
            "content/guide/setup/install.md": "# Install",
            "content/guide/setup/linux.md": "# On Linux",
            "content/guide/matching.md": "# Matching",
        ])
        #expect(problems.isEmpty)
        #expect(content.chapters.map { "\($0.depth) \($0.slug)" } == ["1 welcome", "1 setup", "2 install", "2 linux", "1 matching"])
        #expect(ChapterNumbering.labels(content.chapters.map(\.depth)) == ["1", "2", "2.1", "2.2", "3"])
        #expect(content.pages.isEmpty)
    }

    @Test func missingEntriesAreLocatedErrorsAndUnlistedChaptersComeLast() {
        let (content, problems) = build([
            "content/guide/SUMMARY.md": "# Summary\n\n- [One](01-one.md)\n  - [Gone](gone.md)\n# Extras\n- [Draft](draft.md)\n- [One again](01-one.md)\n",
            "content/guide/01-one.md": "# One",
            "content/guide/02-two.md": "# Two",
            "content/guide/draft.md": "---\ndraft: true\n---\n# Draft",
        ])
        #expect(problems == [
            "content/guide/SUMMARY.md:4:5: error: SUMMARY.md lists 'gone.md', which does not exist\n"
                + "  hint: create content/guide/gone.md, or correct the path (relative to content/guide/)",
            "content/guide/SUMMARY.md:5:1: warning: the part title 'Extras' is not shown: Ripple's parts are chapters\n"
                + "  hint: list a chapter for the part, like '- [Extras](part/_index.md)', and indent its chapters under it",
            "content/guide/SUMMARY.md:7:3: warning: SUMMARY.md lists '01-one.md' a second time; its first place is kept\n"
                + "  hint: remove one of the two entries",
            "content/guide/02-two.md: warning: this chapter is not listed in content/guide/SUMMARY.md, so it comes after the listed ones\n"
                + "  hint: add it to SUMMARY.md, like '- [Title](02-two.md)'",
        ])
        #expect(content.chapters.map(\.slug) == ["one", "two"])
    }

    @Test func editingTheSummaryReordersAnIncrementalBuild() {
        let memo = ContentMemo()
        let chapters = ["content/guide/a.md": "# A", "content/guide/b.md": "# B"]
        func build(_ summary: String) -> [String] {
            let files = (chapters.merging(["content/guide/SUMMARY.md": summary]) { a, _ in a })
                .map { SourceFile(path: $0.key, text: $0.value) }
            return ContentBuilder(memo: memo).build(files).content.chapters.map(\.slug)
        }
        #expect(build("- [A](a.md)\n- [B](b.md)\n") == ["a", "b"])
        #expect(build("- [B](b.md)\n- [A](a.md)\n") == ["b", "a"])
    }
}
