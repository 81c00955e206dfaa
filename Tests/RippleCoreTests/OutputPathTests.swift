import RippleCore
import Testing

@Suite struct OutputPathTests {
    @Test(arguments: [
        ("guide/a/index.html", "guide/b/index.html", "../b/index.html"),
        ("guide/a/index.html", "guide/a/index.html", "index.html"),
        ("index.html", "guide/a/index.html", "guide/a/index.html"),
        ("guide/a/index.html", "index.html", "../../index.html"),
        ("guide/a/index.html", "assets/css/site.css", "../../assets/css/site.css"),
        ("reports/2026-q1/index.html", "reports/index.html", "../index.html"),
        ("guide//a/index.html", "guide/café/index.html", "../café/index.html"),
        ("a/b/c/index.html", "a/b/x/y/index.html", "../x/y/index.html"),
    ])
    func relativeHref(from: String, to: String, expected: String) {
        #expect(OutputPath.relativeHref(from: from, to: to) == expected)
    }

    @Test func normalizeResolvesDotsAndRefusesToLeaveTheRoot() {
        #expect(OutputPath.normalize("content/guide/./../pages/join.md") == "content/pages/join.md")
        #expect(OutputPath.normalize("content//guide/a.md/") == "content/guide/a.md")
        #expect(OutputPath.normalize("content/../../etc/passwd") == nil)
        #expect(OutputPath.normalize("..") == nil)
        #expect(OutputPath.normalize("") == "")
        #expect(OutputPath.normalize("content/…/ü.md") == "content/…/ü.md")
        #expect(OutputPath.normalize("content/.../a.md") == "content/.../a.md")
    }

    @Test func directoryOfAPath() {
        #expect(OutputPath.directory(of: "guide/a/index.html") == "guide/a")
        #expect(OutputPath.directory(of: "index.html") == "")
    }
}
