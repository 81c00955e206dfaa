#if os(Linux)
import Foundation
import Testing
@testable import RippleServe

/// The watcher on Linux, hearing changes from the kernel. Each test changes files after `start()` and reads
/// batches until the change it waits for shows; a change that must not be reported is made before one that
/// must, so that (events arriving in order) its absence is certain once the later one is seen.
@Suite(.timeLimit(.minutes(1))) struct InotifyWatchTests {
    let folder: TempFolder
    let watcher: SiteWatcher

    init() throws {
        folder = try SiteWatcherTests.site()
        try folder.write("content/a.md", "# A\n")
        watcher = SiteWatcher(root: folder.url, interval: .milliseconds(20), debounce: .milliseconds(50))
    }

    /// Batches until `done` holds for the files reported so far (nil batches are kept, and count as no file).
    private func batches(_ watch: SiteWatcher.Watch, until done: (Set<String>, [[String]?]) -> Bool) async -> [[String]?] {
        var all: [[String]?] = []
        var files: Set<String> = []
        for await batch in watch.changes {
            all.append(batch)
            files.formUnion(batch ?? [])
            if done(files, all) { break }
        }
        return all
    }

    private func files(_ batches: [[String]?]) -> Set<String> { Set(batches.flatMap { $0 ?? [] }) }

    @Test func usesInotify() {
        let watch = watcher.start()
        #expect(watch.method == .inotify)
        #expect(watch.note == nil)
    }

    @Test func reportsASavedFileByItsPathInTheSite() async throws {
        let watch = watcher.start()
        try folder.write("content/guide/01.md", "# One, again\n")
        let seen = await batches(watch) { files, _ in files.contains("content/guide/01.md") }
        #expect(seen == [["content/guide/01.md"]])
    }

    @Test func changesBeforeTheStreamIsReadAreKept() async throws {
        // As during `ripple serve`'s first build: watching starts, the stream is read only later.
        let watch = watcher.start()
        try folder.write("content/index.md", "# Saved during the first build\n")
        try await Task.sleep(for: .milliseconds(200))
        let seen = await batches(watch) { files, _ in files.contains("content/index.md") }
        #expect(files(seen) == ["content/index.md"])
    }

    @Test func reportsAnAtomicSave() async throws {
        let watch = watcher.start()
        try folder.write("content/x.tmp", "# A, saved\n")
        #expect(rename(folder.path("content/x.tmp").path, folder.path("content/a.md").path) == 0)
        let seen = await batches(watch) { files, _ in files.contains("content/a.md") }
        // The temporary name is reported too: it was briefly a file of the site, and the loader finds it gone.
        #expect(files(seen) == ["content/a.md", "content/x.tmp"])
    }

    @Test func reportsTheFilesOfANewFolder() async throws {
        let watch = watcher.start()
        try FileManager.default.createDirectory(at: folder.path("content/new/deep"), withIntermediateDirectories: true)
        try folder.write("content/new/deep/b.md", "b")
        try folder.write("content/new/a.md", "a")
        let seen = await batches(watch) { files, _ in files.isSuperset(of: ["content/new/a.md", "content/new/deep/b.md"]) }
        #expect(files(seen) == ["content/new/a.md", "content/new/deep/b.md"])
        #expect(!seen.contains { $0 == nil })

        // The new folders are watched.
        try folder.write("content/new/deep/b.md", "b, again")
        let later = await batches(watch) { _, _ in true }
        #expect(later == [["content/new/deep/b.md"]])
    }

    @Test func reportsAFolderMovedInWithItsFiles() async throws {
        let outside = try TempFolder()
        try outside.write("moved/one.md", "1")
        try outside.write("moved/sub/two.md", "2")
        try outside.write("moved/.hidden.md", "h")
        let watch = watcher.start()
        #expect(rename(outside.path("moved").path, folder.path("content/moved").path) == 0)
        let seen = await batches(watch) { files, _ in files.count >= 2 }
        #expect(files(seen) == ["content/moved/one.md", "content/moved/sub/two.md"])
    }

    @Test func aDeletedFolderIsUnknown() async throws {
        let watch = watcher.start()
        try FileManager.default.removeItem(at: folder.path("content/guide"))
        let seen = await batches(watch) { _, all in all.contains { $0 == nil } }
        #expect(seen.last! == nil)
    }

    @Test func aFolderMovedWithinTheSiteIsUnknownThenWatchedUnderItsNewName() async throws {
        let watch = watcher.start()
        #expect(rename(folder.path("content/guide").path, folder.path("content/chapters").path) == 0)
        let seen = await batches(watch) { _, all in all.contains { $0 == nil } }
        #expect(seen.last! == nil)
        try folder.write("content/chapters/01.md", "# One, moved\n")
        let later = await batches(watch) { files, _ in !files.isEmpty }
        #expect(later == [["content/chapters/01.md"]])
    }

    @Test func ignoresHiddenFilesEditorBackupsAndFilesOutsideTheWatchedPaths() async throws {
        let watch = watcher.start()
        try folder.write("content/.a.md.swp", "x")
        try folder.write("content/a.md~", "x")
        try folder.write("content/.hidden/b.md", "x")
        try folder.write("public/other.html", "x")
        try folder.write("public/index.html", "x")
        try folder.write("README.md", "x")
        try folder.write(".ripple.yaml.swp", "x")
        try folder.write("content/z.md", "the last change")
        let seen = await batches(watch) { files, _ in files.contains("content/z.md") }
        #expect(seen == [["content/z.md"]])
    }

    @Test func aBurstOfWritesIsOneBatch() async throws {
        let watch = SiteWatcher(root: folder.url, debounce: .milliseconds(300)).start()
        for i in 0..<20 { try folder.write("content/burst/\(i).md", "\(i)") }
        try folder.write("content/index.md", "# Home, again\n")
        let seen = await batches(watch) { files, _ in files.contains("content/index.md") }
        #expect(seen.count == 1)
        #expect(files(seen) == Set((0..<20).map { "content/burst/\($0).md" } + ["content/index.md"]))
    }

    @Test func reportsRippleYAMLAndWatchedFoldersThatAppear() async throws {
        try FileManager.default.removeItem(at: folder.path("templates"))
        let watch = watcher.start()
        try folder.write("ripple.yaml", "title: Changed\n")
        let seen = await batches(watch) { files, _ in files.contains("ripple.yaml") }
        #expect(seen == [["ripple.yaml"]])

        try folder.write("templates/partials/head.mustache", "<head>")
        let later = await batches(watch) { files, _ in files.contains("templates/partials/head.mustache") }
        #expect(files(later) == ["templates/partials/head.mustache"])
        try folder.write("templates/partials/head.mustache", "<head></head>")
        #expect(await batches(watch) { _, _ in true } == [["templates/partials/head.mustache"]])
    }

    @Test func cancellingTheReaderEndsTheStream() async throws {
        let watch = watcher.start()
        let reader = Task {
            for await _ in watch.changes {}
            return true
        }
        reader.cancel()
        #expect(await reader.value)
    }

    @Test func endedWatchesCloseTheirDescriptors() async throws {
        func descriptors() -> Int {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return names.count { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == "anon_inode:inotify" }
        }
        let before = descriptors()
        for i in 0..<30 {
            let watch = watcher.start()
            if i.isMultiple(of: 2) {
                let reader = Task { for await _ in watch.changes {} }
                reader.cancel()
                await reader.value
            }  // else: dropped without being read
        }
        // Each watch's thread closes its descriptor on its way out; other tests may hold a few meanwhile.
        while descriptors() > before + 10 { try await Task.sleep(for: .milliseconds(20)) }
    }

    @Test func pollsWhenTheWatchLimitIsReachedAtTheStart() async throws {
        var limited = watcher
        limited.watchLimit = 3  // the site folder, content, content/guide and templates need 4
        let watch = limited.start()
        #expect(watch.method == .polling)
        #expect(watch.note == .init(.note, "ripple serve looks for changed files every 20 ms, because the system's limit on "
            + "watched folders is reached", hint: "to have saves noticed at once and save CPU, raise the limit, e.g. "
            + "`sudo sysctl fs.inotify.max_user_watches=524288`"))
        try folder.write("content/guide/01.md", "# One, again\n")
        let seen = await batches(watch) { files, _ in files.contains("content/guide/01.md") }
        #expect(files(seen) == ["content/guide/01.md"])
    }

    @Test func switchesToPollingWhenTheWatchLimitIsReachedLater() async throws {
        var limited = watcher
        limited.watchLimit = 4
        let watch = limited.start()
        #expect(watch.method == .inotify)
        try folder.write("content/new/a.md", "a")  // a fifth folder
        let seen = await batches(watch) { _, all in all.contains { $0 == nil } }
        #expect(seen.last! == nil)
        try folder.write("content/new/a.md", "a, again")
        try folder.write("content/guide/01.md", "# One, again\n")
        let later = await batches(watch) { files, _ in files.isSuperset(of: ["content/new/a.md", "content/guide/01.md"]) }
        #expect(files(later) == ["content/guide/01.md", "content/new/a.md"])
    }

    @Test func pollingCanBeAskedForInTheEnvironment() {
        #expect(SiteWatcher.method(environment: ["RIPPLE_WATCH": "polling"]) == .polling)
        #expect(SiteWatcher.method(environment: ["RIPPLE_WATCH": "inotify"]) == .inotify)
        #expect(SiteWatcher.method(environment: [:]) == .inotify)
        #expect(SiteWatcher.environmentWarning(["RIPPLE_WATCH": "polling"]) == nil)
        #expect(SiteWatcher.environmentWarning([:]) == nil)
        let warning = SiteWatcher.environmentWarning(["RIPPLE_WATCH": "poll"])
        #expect(warning?.severity == .warning)
        #expect(warning?.message == "RIPPLE_WATCH=poll is not a way of watching files, so the kernel's reports are used")
        #expect(warning?.hint == "set RIPPLE_WATCH=polling to look for changes every 300 ms (for a network drive), or unset it")
    }
}
#endif
