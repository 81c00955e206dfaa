import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// With a watcher's changed paths, the loader patches its last load instead of listing folders: after every
/// kind of change it must find what a load from nothing finds.
@Suite struct SiteLoaderChangedTests {
    @Test func changedPathsGiveWhatAFreshLoadGives() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-loader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appending(path: path)) }
        try write("ripple.yaml", "title: Test\n")
        try write("content/index.md", "# Home\n")
        try write("content/guide/01-a.md", "# A\n")
        try write("content/guide/03-c.md", "# C\n")
        try write("templates/layouts/page.mustache", "{{page.title}}\n")
        let memo = FileMemo()
        _ = try SiteLoader(root: root, memo: memo).load()

        func expectFresh(_ changed: Set<String>, _ step: String) throws {
            let patched = try SiteLoader(root: root, memo: memo, changed: changed).load()
            let fresh = try SiteLoader(root: root).load()
            #expect(patched.contentFiles == fresh.contentFiles, "\(step): content")
            #expect(patched.dataFiles == fresh.dataFiles, "\(step): data")
            #expect(patched.themeFiles.map(\.path) == fresh.themeFiles.map(\.path), "\(step): theme paths")
            #expect(patched.themeFiles.map(\.bytes) == fresh.themeFiles.map(\.bytes), "\(step): theme bytes")
        }
        try write("content/guide/01-a.md", "# A, edited\n")
        try expectFresh(["content/guide/01-a.md"], "an edit")
        try write("content/guide/02-b.md", "# B\n")
        try write("content/guide/04-d.md", "# D\n")
        try write("content/data/people.csv", "id\n1\n")
        try expectFresh(["content/guide/02-b.md", "content/guide/04-d.md", "content/data/people.csv"], "files added between others and last")
        try remove("content/guide/03-c.md")
        try expectFresh(["content/guide/03-c.md"], "a file deleted")
        try write("content/pages/new/deep.md", "# Deep\n")
        try expectFresh(["content/pages/new/deep.md"], "a file in a new folder")
        try write("content/guide/02-b.md~", "backup")
        try write("content/guide/.02-b.md.swp", "swap")
        try expectFresh(["content/guide/02-b.md~", "content/guide/.02-b.md.swp"], "editor files")
        try write("templates/layouts/page.mustache", "<h1>{{page.title}}</h1>\n")
        try write("templates/partials/extra.mustache", "x\n")
        try expectFresh(["templates/layouts/page.mustache", "templates/partials/extra.mustache", "ripple.yaml"], "templates")
        try remove("content/guide/04-d.md")
        try write("content/guide/04-e.md", "# E\n")
        try expectFresh(["content/guide/04-d.md", "content/guide/04-e.md"], "a rename")
        try expectFresh([], "nothing")
    }
}
