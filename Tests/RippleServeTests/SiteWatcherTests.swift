import Foundation
import Testing
@testable import RippleServe

/// The polling watch (the fallback where inotify cannot be used), forced with `method: .polling`.
@Suite struct SiteWatcherTests {
    let folder: TempFolder
    let watcher: SiteWatcher

    /// A small site for watcher tests: config, a page, a chapter, a template, and an output file not watched.
    static func site() throws -> TempFolder {
        let folder = try TempFolder()
        try folder.write("ripple.yaml", "title: Test\n")
        try folder.write("content/index.md", "# Home\n")
        try folder.write("content/guide/01.md", "# One\n")
        try folder.write("templates/page.mustache", "{{content}}")
        try folder.write("public/index.html", "not watched")
        return folder
    }

    init() throws {
        folder = try Self.site()
        watcher = SiteWatcher(root: folder.url, interval: .milliseconds(20), debounce: .milliseconds(20), method: .polling)
    }

    @Test func snapshotCoversWatchedPathsOnly() {
        let paths = watcher.polling.snapshot().keys.sorted()
        #expect(paths == ["content", "content/guide", "content/guide/01.md", "content/index.md",
                          "ripple.yaml", "templates", "templates/page.mustache"])
    }

    @Test func noticesNewChangedDeletedAndRenamedFilesAndNewFolders() throws {
        let before = watcher.polling.snapshot()
        try folder.write("content/new.md", "new")
        try folder.write("content/index.md", "# Home, longer\n")
        try FileManager.default.removeItem(at: folder.path("templates/page.mustache"))
        try FileManager.default.moveItem(at: folder.path("content/guide/01.md"), to: folder.path("content/guide/02.md"))
        try FileManager.default.createDirectory(at: folder.path("content/reports"), withIntermediateDirectories: false)
        let changes = PollingWatch.changes(from: before, to: watcher.polling.snapshot())
        #expect(changes.contains("content/new.md"))
        #expect(changes.contains("content/index.md"))
        #expect(changes.contains("templates/page.mustache"))
        #expect(changes.contains("content/guide/01.md"))
        #expect(changes.contains("content/guide/02.md"))
        #expect(changes.contains("content/reports"))
    }

    @Test func noticesAnAtomicSaveWithTheSameSizeAndTime() throws {
        let before = watcher.polling.snapshot()
        let old = try FileManager.default.attributesOfItem(atPath: folder.path("content/index.md").path)
        try folder.write("content/.index.md.tmp", "# Hume\n")
        try FileManager.default.setAttributes([.modificationDate: old[.modificationDate]!],
                                              ofItemAtPath: folder.path("content/.index.md.tmp").path)
        #expect(rename(folder.path("content/.index.md.tmp").path, folder.path("content/index.md").path) == 0)
        #expect(PollingWatch.changes(from: before, to: watcher.polling.snapshot()).filter { $0 != "content" } == ["content/index.md"])
    }

    @Test func ignoresHiddenFilesAndEditorBackups() throws {
        let before = watcher.polling.snapshot()
        try folder.write("content/.index.md.swp", "x")
        try folder.write("content/index.md~", "x")
        try folder.write("public/other.html", "x")
        #expect(PollingWatch.changes(from: before, to: watcher.polling.snapshot()).filter { $0 != "content" } == [])
    }

    @Test(.timeLimit(.minutes(1))) func streamReportsOneSettledBatch() async throws {
        let watch = watcher.start()
        #expect(watch.method == .polling)
        #expect(watch.note == nil)
        let stream = watch.changes
        let writer = Task {
            try await Task.sleep(for: .milliseconds(100))
            try folder.write("content/a.md", "a")
            try folder.write("content/b.md", "b")
        }
        var batch: [String] = []
        for await changes in stream {
            batch += try #require(changes)
            if batch.contains("content/a.md") && batch.contains("content/b.md") { break }
        }
        try await writer.value
        #expect(batch.contains("content/a.md"))
        #expect(!batch.contains("content"))
    }
}
