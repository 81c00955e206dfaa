import Testing
import RippleCore
import RippleMarkdown
@testable import RippleRender

@Suite struct LinkResolverTests {
    private let content: SiteContent = {
        var content = SiteContent()
        func chapter(_ source: String, _ slug: String) -> Page {
            Page(kind: .chapter, source: source, slug: slug, body: "", outputPath: "guide/\(slug)/index.html")
        }
        content.home = Page(kind: .home, source: "content/index.md", slug: "", body: "", outputPath: "index.html")
        content.chapters = [chapter("content/guide/01-welcome.md", "welcome"), chapter("content/guide/setup/_index.md", "setup"),
                            chapter("content/guide/setup/04-install.md", "install")]
        content.staticFiles = [StaticFile(source: "content/guide/setup/diagram.png", outputPath: "guide/setup/diagram.png")]
        return content
    }()

    private func resolve(_ destination: String, on source: String = "content/guide/01-welcome.md") -> String {
        let page = content.allPages.first { $0.source == source }!
        var anchors: [LinkResolver.AnchorReference] = []
        let link = LinkTarget(destination: destination, isImage: false, location: SourceLocation(file: source, line: 3, column: 5))
        switch LinkResolver(content: content).resolve(link, on: page, anchors: &anchors) {
        case .keep: return "keep"
        case .replace(let href): return href
        case .fail(let problem): return problem.description
        }
    }

    @Test func folderLinksGoToTheFolderIndexPage() {
        #expect(resolve("setup/") == "../setup/index.html")
        #expect(resolve("./setup#before") == "../setup/index.html#before")
        #expect(resolve("../") == "../../index.html")
        #expect(resolve("./", on: "content/index.md") == "index.html")
        #expect(resolve("guide/", on: "content/index.md") == "guide/index.html")
    }

    @Test func mdLinksGoToTheBuiltPageAndExternalOnesStay() {
        #expect(resolve("setup/04-install.md#linux") == "../install/index.html#linux")
        #expect(resolve("https://example.org/setup/") == "keep")
        #expect(resolve("mailto:team@example.org") == "keep")
    }

    @Test func brokenLinksAreLocatedWithAHint() {
        #expect(resolve("install.md") == "content/guide/01-welcome.md:3:5: error: link to a page that does not exist: 'install.md'\n"
            + "  hint: did you mean 'setup/04-install.md'? (links are relative to this file)")
        #expect(resolve("03-install.md") == "content/guide/01-welcome.md:3:5: error: link to a page that does not exist: '03-install.md'\n"
            + "  hint: did you mean 'setup/04-install.md'? (links are relative to this file)")
        #expect(resolve("launch/") == "content/guide/01-welcome.md:3:5: error: link to a page that does not exist: 'launch/'\n"
            + "  hint: link a page's .md file, or put an _index.md, index.md or README.md in the folder")
        #expect(resolve("gone.md") == "content/guide/01-welcome.md:3:5: error: link to a page that does not exist: 'gone.md'\n"
            + "  hint: check the file name; it should be relative to this file, like '04-launch.md' or '../pages/join.md'")
    }
}
