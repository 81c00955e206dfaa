import Foundation
import RippleCore
import Testing
@testable import RippleBuild

/// The two-pass site check (`SiteLinkCheck.check`) reports exactly what checking every scanned page with
/// `LinkChecker` reports: same broken links (file, line, URL, text, target, reason, hint) in the same order,
/// same external links.
@Suite struct LinkCheckSiteTests {
    private static let site: [String: String] = [
        "index.html": """
        <!doctype html><html><head><link rel="stylesheet" href="assets/site.css"><title>Home</title></head>
        <body id="top-of-page"><a href="guide/index.html#chapters">Guide <em>here</em></a>
        <a href="https://example.org/x">Out</a> <a href="#top">Top</a> <a href="//cdn.example.org/a.js">cdn</a>
        <a href="mailto:x@example.com">mail</a> <a href="tel:+1">tel</a> <a href="HTTP://EXAMPLE.ORG/">caps</a>
        <a href="#missing-here">missing</a> <a href="#top-of-page">ok</a> <a href="?q=1#top-of-page">query</a>
        <a href="guide/">folder</a> <a href="guide">folder2</a> <a href="/guide/index.html">abs</a>
        <a href="../outside.html">outside</a> <a href="./guide/../index.html">dots</a> <a href="a%20b.html">pct</a>
        <a href="a%20c.html">pct missing</a> <a href="caf%C3%A9.html#%C3%A9t%C3%A9">accent</a>
        <a href="café.html#été">accent raw</a> <a href="café.html#ete">accent missing</a>
        <a href=" guide/index.html">space</a> <a href="img/logo.png#frag">png fragment</a>
        <a href="guide/index.html#K">kelvin</a> <a href="guide/index.html#ch">near</a>
        <img src="img/none.png" srcset="img/logo.png 1x, img/none@2x.png 2x" alt="">
        <p style="background: url(img/bg.png)"></p><style>
        .x { background: url("img/missing-bg.png") }</style>
        <a href="1:2.html">colon</a> <a href=":x.html">colon first</a> <a href="">empty</a> <a href="#">hash</a>
        </body></html>
        """,
        "guide/index.html": """
        <h2 id="chapters">Chapters</h2><h3 id="\u{212A}">Kelvin</h3><a href="../index.html#top-of-page">Home</a>
        <a href="a/index.html#missing">A</a><a href="a/index.html#part">A part</a><a href="../nope.html">nope</a>
        <a href="https://example.org/x">Out</a><a name="legacy"></a><a href="#legacy">legacy</a>
        <a href="index.html#chapters">self</a><a href="./index.html#nothing">self missing</a><a href="index.html">self plain</a>
        <a href="../img/logo.png">png</a><a href="../img/gone.png">gone png</a><a href="a/index.html">A plain</a>
        """,
        "guide/a/index.html": """
        <h2 id="part">Part</h2><img src="../../img/none.png" alt=""><a href="../">Up</a><a href="/guide/index.html">Abs</a>
        <a href="../../../x.html">Out</a><a href="../../index.html#missing-here">x</a><a href="../index.html#chapters">ok</a>
        """,
        "a b.html": "<p>space</p>",
        "café.html": "<h1 id=\"été\">Été</h1>",
        "img/logo.png": "",
        "img/bg.png": "",
        "assets/site.css": "@import \"base.css\";\nbody { background: url(../img/logo.png) }\n.a { mask: url(../img/gone.svg#x) }\n",
        "assets/base.css": "a { background: url('https://example.org/bg.png') }\n",
    ]

    @Test func theTwoPassCheckFindsWhatTheFullCheckFinds() throws {
        let root = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let (actual, expected) = try Self.check(root, scanned: SiteLinkCheck.Scanned())
        #expect(actual.broken == expected.broken)
        #expect(actual.external == expected.external)
        #expect(expected.broken.count >= 17, "the fixture exercises many kinds of broken link")
        #expect(actual.broken.contains { $0.url == "guide/index.html#ch" && $0.hint.hasPrefix("did you mean '#chapters'?") })
        #expect(actual.broken.contains { $0.file == "guide/index.html" && $0.url == "./index.html#nothing" })
    }

    /// A build scans its pages as it writes them (`LinkScanningSink`); the check then reads only the others from
    /// disk, and must find the same.
    @Test func pagesScannedAsTheyAreWrittenCheckTheSame() throws {
        let root = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = LinkScanningSink(DiscardingSink())
        for path in ["./guide/index.html", "guide/a/index.html", "café.html", "img/logo.png"] {
            let text = Self.site[OutputPath.normalize(path)!]!
            // Pages come as bytes or as text (the string's own bytes, `write(_:text:)`): scanned the same.
            if path.hasPrefix("guide/") { try sink.write(path, text: text) } else { try sink.write(path, Array(text.utf8)) }
        }
        let scanned = sink.takeScanned()
        #expect(scanned.pages.keys.sorted() == ["café.html", "guide/a/index.html", "guide/index.html"])
        #expect(sink.takeScanned().pages.isEmpty, "handed over once")
        let (actual, expected) = try Self.check(root, scanned: scanned)
        #expect(actual.broken == expected.broken)
        #expect(actual.external == expected.external)
        // Off: nothing is scanned.
        let off = LinkScanningSink(DiscardingSink(), scansPages: false)
        try off.write("index.html", Array(Self.site["index.html"]!.utf8))
        #expect(off.takeScanned().pages.isEmpty)
    }

    /// Writes the fixture site into a new temporary folder.
    private static func writeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-linkcheck-\(UUID().uuidString)")
        for (path, text) in site {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The two-pass check of `root` (with `scanned` pages), and what `LinkChecker` finds there.
    private typealias Found = (broken: [LinkChecker.BrokenLink], external: [LinkChecker.ExternalLink])
    private static func check(_ root: URL, scanned: SiteLinkCheck.Scanned) throws -> (actual: Found, expected: Found) {
        let paths = SiteLinkCheck.files(in: root)
        #expect(paths.count == Self.site.count)
        var pages: [String: LinkScanner.Page] = [:]
        var sheets: [String: [LinkScanner.Link]] = [:]
        for path in paths {
            let bytes = Array(try Data(contentsOf: root.appending(path: path)))
            if path.hasSuffix(".html") { pages[path] = ReferenceLinkScanner.scanHTML(bytes) }
            if path.hasSuffix(".css") { sheets[path] = LinkScanner.cssURLs(bytes) }
        }
        let expected = LinkChecker(files: Set(paths), pages: pages, stylesheets: sheets).check()
        var check = SiteLinkCheck(folder: root, locator: LinkLocator(origins: [:], sources: [], templates: []))
        check.scanned = scanned
        return (check.check(), expected)
    }

    @Test func theListingMatchesFileManagers() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["index.html", "a/b/c.css", ".hidden/x.html", "a/.h.html", "a/é b.html", "z/empty/.keep", "Z.html"] {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        }
        let base = root.standardizedFileURL.path
        #expect(SiteLinkCheck.files(in: root) == ["Z.html", "a/b/c.css", "a/é b.html", "index.html"])
        #expect(SiteLinkCheck.files(in: root) == Self.listedByFileManager(base))
        // Links are not files of the site (Ripple never writes one): neither to a file nor to a folder.
        try FileManager.default.createSymbolicLink(atPath: base + "/link.html", withDestinationPath: base + "/index.html")
        try FileManager.default.createSymbolicLink(atPath: base + "/linked", withDestinationPath: base + "/a")
        #expect(SiteLinkCheck.files(in: root) == ["Z.html", "a/b/c.css", "a/é b.html", "index.html"])
        #expect(SiteLinkCheck.files(in: root.appending(path: "missing")).isEmpty)
    }

    /// The listing `FileManager` gives, which `SiteLinkCheck.files(in:)` must match.
    private static func listedByFileManager(_ base: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
