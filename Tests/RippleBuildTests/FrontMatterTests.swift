import RippleCore
import Testing
@testable import RippleBuild

/// Front matter as real sites write it (Hugo, Docusaurus, Jekyll): extra keys, datetimes, lists, TOML.
@Suite struct FrontMatterTests {
    private func parse(_ text: String) -> (FrontMatter, [String]) {
        var diagnostics: [Diagnostic] = []
        let matter = FrontMatter.parse(text, file: "content/pages/a.md", diagnostics: &diagnostics)
        return (matter, diagnostics.map(\.description))
    }

    @Test func unknownKeysAreKeptForTemplates() {
        let (matter, problems) = parse("""
            ---
            title: Docs
            description: What the docs cover.
            linkTitle: Docs
            keywords: [mentoring, guide]
            aliases:
              - /old/
              - /older/
            params:
              icon: book
              nested: [a]
            ---
            Body
            """)
        #expect(problems.isEmpty)
        #expect(matter.summary == "What the docs cover.")
        #expect(matter.linkTitle == "Docs")
        #expect(matter.extra == [
            "keywords": "mentoring, guide", "aliases": "/old/, /older/", "params.icon": "book",
        ])
        #expect(matter.body == "Body")
    }

    @Test func summaryWinsOverDescription() {
        #expect(parse("---\ndescription: D\nsummary: S\n---\n").0.summary == "S")
    }

    @Test(arguments: ["2026-03-31", "2026-03-31T09:30:00Z", "2026-03-31T09:30:00.123+02:00", "2026-03-31 09:30:00 +0200",
                      "2026-03-31T09:30"])
    func datesMayHaveATime(_ date: String) {
        let (matter, problems) = parse("---\ndate: \(date)\n---\n")
        #expect(problems.isEmpty)
        #expect(matter.date == Day(iso: "2026-03-31"))
    }

    @Test func wrongDatesAndTyposAreLocatedErrors() {
        let (_, problems) = parse("---\ntitle: A\ndate: 2026-02-30T10:00:00Z\nTitle: B\nweigth: 2\n---\n")
        #expect(problems == [
            "content/pages/a.md:3:7: error: 'date' must be a date like 2026-03-31, not '2026-02-30T10:00:00Z'\n"
                + "  hint: write dates as YYYY-MM-DD, optionally with a time: 2026-03-31T09:30:00Z",
            "content/pages/a.md:4:1: error: unknown key 'Title' in front matter\n"
                + "  hint: did you mean 'title'? (other keys are kept for templates as page.extra)",
            "content/pages/a.md:5:1: error: unknown key 'weigth' in front matter\n"
                + "  hint: did you mean 'weight'? (other keys are kept for templates as page.extra)",
        ])
    }

    @Test func tomlFrontMatter() {
        let (matter, problems) = parse("""
            +++
            title = "Install"
            date = 2026-03-31T09:30:00Z
            weight = 3
            draft = false
            tags = ["setup", "cli"]

            [params]
            icon = "wrench"
            +++
            ## Steps
            """)
        #expect(problems.isEmpty)
        #expect(matter.title == "Install")
        #expect(matter.date == Day(iso: "2026-03-31"))
        #expect(matter.weight == 3)
        #expect(matter.extra == ["tags": "setup, cli", "params.icon": "wrench"])
        #expect(matter.body == "## Steps")
        #expect(matter.bodyLineOffset == 10)
    }

    @Test func tomlErrorsAreLocated() {
        let (_, problems) = parse("+++\ntitle = \"A\"\nweight = \"three\"\ndate = nope\n+++\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("content/pages/a.md:4:") == true)
        #expect(problems.first?.contains("front matter is not valid TOML") == true)
        let (_, typed) = parse("+++\ntitle = \"A\"\n\nweight = \"three\"\n+++\n")
        #expect(typed == ["content/pages/a.md:4:1: error: 'weight' must be a whole number, not 'three'"])
    }

    @Test func unclosedTOMLNamesItsFence() {
        #expect(parse("+++\ntitle = \"A\"\n").1 == [
            "content/pages/a.md:1:1: error: front matter is never closed\n  hint: add a line with only `+++` after the front matter",
        ])
    }
}
