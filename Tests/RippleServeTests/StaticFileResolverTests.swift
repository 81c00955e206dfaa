import Foundation
import Testing
@testable import RippleServe

@Suite struct StaticFileResolverTests {
    let folder: TempFolder
    let site: URL
    let resolver: StaticFileResolver

    init() throws {
        folder = try TempFolder()
        try folder.write("site/index.html", "<p>home</p>")
        try folder.write("site/guide/index.html", "<p>guide</p>")
        try folder.write("site/assets/style.css", "body{}")
        try folder.write("site/empty/readme.txt", "no index here")
        try folder.write("secret.txt", "outside")
        site = folder.path("site")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: folder.path("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("up").path,
                                                   withDestinationPath: folder.url.path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("inside.css").path,
                                                   withDestinationPath: site.appendingPathComponent("assets/style.css").path)
        resolver = StaticFileResolver(root: site)
    }

    @Test func servesFilesWithTheirContentType() {
        #expect(resolver.resolve("/assets/style.css") ==
            .file(resolver.root.appendingPathComponent("assets/style.css"), contentType: "text/css; charset=utf-8"))
        #expect(resolver.resolve("/") ==
            .file(resolver.root.appendingPathComponent("index.html"), contentType: "text/html; charset=utf-8"))
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutTheSlash() {
        #expect(resolver.resolve("/guide/") ==
            .file(resolver.root.appendingPathComponent("guide/index.html"), contentType: "text/html; charset=utf-8"))
        #expect(resolver.resolve("/guide") == .redirect("/guide/"))
        #expect(resolver.resolve("/guide", query: "q=1") == .redirect("/guide/?q=1"))
        #expect(resolver.resolve("/empty/") == .notFound)
    }

    @Test func missingFilesAreNotFound() {
        #expect(resolver.resolve("/nope.html") == .notFound)
        #expect(resolver.resolve("/assets/style.css/") == .notFound)
    }

    @Test(arguments: [
        "/../secret.txt", "/guide/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/..%2fsecret.txt", "/guide%2f..%2f..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
        "/index.html%00.css", "/a%01b", "/.hidden", "/%2e/index.html", "relative.txt", "/bad%zzescape",
    ])
    func traversalAndMalformedPathsAreRefused(path: String) {
        #expect(resolver.resolve(path) == .refused)
    }

    /// Issue 23, item 1: whatever the build leaves in the folder, a symlink never serves a file from outside it.
    @Test func symlinksLeadingOutsideAreNotFound() throws {
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("people.csv").path, withDestinationPath: "../secret.txt")
        try fm.createDirectory(at: site.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("pages/deep.txt").path, withDestinationPath: "../../secret.txt")
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("loop").path, withDestinationPath: "loop")
        for path in ["/leak.txt", "/people.csv", "/pages/deep.txt", "/up/secret.txt", "/up/", "/up", "/loop"] {
            #expect(resolver.resolve(path) == .notFound, "\(path)")
        }
        // A symlink that stays inside is served as the file it names.
        #expect(resolver.resolve("/inside.css") ==
            .file(resolver.root.appendingPathComponent("assets/style.css"), contentType: "text/css; charset=utf-8"))
    }

    @Test func aFileReplacedByAnOutsideSymlinkAfterResolvingIsNotRead() throws {
        guard case .file(let url, _) = resolver.resolve("/assets/style.css") else { Issue.record("not served"); return }
        #expect(resolver.contents(of: url) == Array("body{}".utf8))
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: folder.path("secret.txt").path)
        #expect(resolver.contents(of: url) == nil)
    }

    @Test func theSite404PageIsNotTakenFromOutside() throws {
        #expect(resolver.notFoundPage == nil)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("404.html").path,
                                                   withDestinationPath: folder.path("secret.txt").path)
        #expect(resolver.notFoundPage == nil)
    }

    @Test func percentEncodedNamesAreDecoded() throws {
        try folder.write("site/two words.txt", "x")
        #expect(resolver.resolve("/two%20words.txt") ==
            .file(resolver.root.appendingPathComponent("two words.txt"), contentType: "text/plain; charset=utf-8"))
    }

    @Test func contentTypes() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8",
            "a.js": "text/javascript; charset=utf-8", "a.svg": "image/svg+xml", "a.png": "image/png",
            "a.JPG": "image/jpeg", "a.gif": "image/gif", "a.webp": "image/webp", "a.ico": "image/x-icon",
            "a.json": "application/json", "a.xml": "application/xml", "a.txt": "text/plain; charset=utf-8",
            "a.pdf": "application/pdf", "a.epub": "application/epub+zip", "a.woff2": "font/woff2",
            "a.csv": "text/csv; charset=utf-8", "a.bin": "application/octet-stream", "/x/.profile": "application/octet-stream",
            "noext": "application/octet-stream",
        ]
        for (path, type) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(StaticFileResolver.contentType(forPath: path) == type, "\(path)")
        }
    }

    @Test func etagsAndConditionalRequests() {
        let date = Date(timeIntervalSince1970: 1_700_000_000.25)
        let tag = StaticFileResolver.etag(size: 255, modified: date)
        #expect(tag == "\"ff-60a2418221090\"")
        #expect(tag != StaticFileResolver.etag(size: 255, modified: date.addingTimeInterval(0.001)))
        #expect(tag != StaticFileResolver.etag(size: 256, modified: date))
        #expect(StaticFileResolver.ifNoneMatch(tag, matches: tag))
        #expect(StaticFileResolver.ifNoneMatch("\"x\", W/\(tag)", matches: tag))
        #expect(StaticFileResolver.ifNoneMatch("*", matches: tag))
        #expect(!StaticFileResolver.ifNoneMatch("\"x\"", matches: tag))
        #expect(!StaticFileResolver.ifNoneMatch(nil, matches: tag))
    }
}
