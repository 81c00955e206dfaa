import Foundation
import Testing
import RippleBuild
import RippleCore
import RippleRender

/// Incremental builds must write exactly what a clean full build writes, after any sequence of changes.
@Suite struct IncrementalBuildTests {
    /// A copy of the sample site in a fresh temporary folder (no PDF: WeasyPrint would take seconds per build).
    static func sampleCopy() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-incremental-\(UUID().uuidString)")
        let site = root.appending(path: "site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["ripple.yaml", "content", "templates"] {
            try FileManager.default.copyItem(at: GuideTestSupport.packageRoot.appending(path: item), to: site.appending(path: item))
        }
        try edit(site, "ripple.yaml") { $0.replacingOccurrences(of: "pdf: auto", with: "pdf: never") }
        return site
    }

    /// Dates every file under `site` an hour back, as files are before an edit: a file changed within the last
    /// second is always read again (its stamp may not show the next change), so a fresh copy would be read whole.
    static func settle(_ site: URL) throws {
        let past = Date().addingTimeInterval(-3600)
        for path in FileManager.default.subpaths(atPath: site.path) ?? [] where !path.hasPrefix(IncrementalCache.folderName) {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: site.appending(path: path).path)
        }
    }

    /// The cache's file names, by prefix (`md-03`, `content`, `state.bin`).
    static func cacheFiles(_ site: URL) -> [String: String] {
        let folder = site.appending(path: IncrementalCache.folderName)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Dictionary(names.map { name in
            (name.hasPrefix("md-") ? String(name.prefix(5)) : String(name.prefix { $0 != "-" }), name)
        }, uniquingKeysWith: { a, _ in a })
    }

    static func edit(_ site: URL, _ path: String, _ change: (String) -> String) throws {
        let url = site.appending(path: path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Every non-hidden file under `folder`, by relative path.
    static func files(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in SiteLinkCheck.files(in: folder) {
            result[path] = FileManager.default.contents(atPath: folder.appending(path: path).path)
        }
        return result
    }

    /// Builds incrementally into `incremental` and fully into a fresh folder; every file must be equal.
    static func expectSameAsFull(_ site: URL, _ builder: SiteBuilder, step: String) throws -> SiteBuilder.Report {
        try expectSameAsFull(site, [builder], step: step)[0]
    }

    /// Builds with each of `builders` and once fully into a fresh folder; every output must equal the full build's.
    static func expectSameAsFull(_ site: URL, _ builders: [SiteBuilder], step: String) throws -> [SiteBuilder.Report] {
        let reports = try builders.map { try $0.build() }
        let full = site.deletingLastPathComponent().appending(path: "full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: full) }
        _ = try SiteBuilder(source: site, output: full).build()
        let expected = files(full)
        for builder in builders {
            let actual = files(builder.output), name = builder.output.lastPathComponent
            #expect(Set(actual.keys) == Set(expected.keys), "\(step), \(name): files differ")
            let different = expected.keys.sorted().filter { actual[$0] != nil && actual[$0] != expected[$0] }
            #expect(different.isEmpty, "\(step), \(name): contents differ in \(different.prefix(5))")
        }
        return reports
    }

    /// After each kind of change, two incremental builds are compared with one full build: one that keeps its state
    /// in memory (`ripple serve`), and `ripple build --incremental`, each build in a new process with only what the
    /// cache files hold.
    @Test func incrementalBuildsEqualFullAfterEveryKindOfChange() throws {
        let site = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let inMemory = SiteBuilder(source: site, output: site.deletingLastPathComponent().appending(path: "out"),
                                   state: IncrementalState())
        let output = site.deletingLastPathComponent().appending(path: "out-new-process")
        let cache = IncrementalCache(source: site, output: output)
        try Self.settle(site)
        var restored: [String: Int] = [:], unread: [String: Int] = [:], rewritten: [String: Set<String>] = [:]
        var newProcess: [String: SiteBuilder.Report] = [:]
        try Self.everyKindOfChange(site) { step in
            let before = Self.cacheFiles(site)
            let (state, note) = cache.load()
            #expect(note == nil, "\(step): \(note?.message ?? "")")
            let reports = try Self.expectSameAsFull(site, [inMemory, SiteBuilder(source: site, output: output, state: state)],
                                                    step: step)
            cache.save(state)
            newProcess[step] = reports[1]
            restored[step] = state.restoredMarkdown
            unread[step] = state.unreadFiles
            let after = Self.cacheFiles(site)
            rewritten[step] = Set(after.keys.filter { before[$0] != after[$0] })
            return reports[0]
        }
        // What `everyKindOfChange` checks of the in-memory builds, for the new processes.
        #expect(newProcess["unchanged"]?.filesWritten == 0)
        #expect((newProcess["edit text"]?.pagesWritten ?? 99) < 5)
        // Content files whose stamps are as saved are neither read nor parsed: all but the program data (read by
        // the data stage) and, after an edit, the edited file.
        let contentFiles = (FileManager.default.subpaths(atPath: site.appending(path: "content").path) ?? [])
            .filter { path in
                var folder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: site.appending(path: "content/" + path).path, isDirectory: &folder)
                return !path.hasPrefix("data/") && path != "data" && !folder.boolValue
            }
        #expect(unread["first build"] == 0)
        #expect(unread["unchanged"] == contentFiles.count, "\(unread) of \(contentFiles.count)")
        #expect(unread["edit text"] == contentFiles.count - 1)
        // Besides the state, a one-chapter edit writes new content records and the one Markdown segment of the chapter.
        #expect(rewritten["unchanged"] == [])
        let segments = rewritten["edit text"] ?? []
        #expect(segments.count == 2 && segments.contains("content") && segments.contains { $0.hasPrefix("md-") }, "\(segments)")
        #expect(restored["first build"] == 0)
        // The sample site has 20 Markdown pages: all but the edited one come from the cache.
        #expect(restored["unchanged"] == restored["edit text"].map { $0 + 1 })
        #expect((restored["unchanged"] ?? 0) >= 15)
        // The Markdown link context holds every page's path, so adding or removing a page renders every page.
        #expect(restored["add a chapter"] == 0)
        #expect(restored["edit a template"] == restored["unchanged"])
    }

    /// Builds after each kind of change (`build` checks the output against a full build).
    static func everyKindOfChange(_ site: URL, build: (String) throws -> SiteBuilder.Report) throws {
        let first = try build("first build")
        #expect(first.filesWritten > 50)

        let unchanged = try build("unchanged")
        #expect(unchanged.filesWritten == 0)

        try Self.edit(site, "content/guide/07-running-the-program.md") { $0.replacingOccurrences(of: "## ", with: "Some new words.\n\n## ", range: $0.range(of: "## ")) }
        let text = try build("edit text")
        #expect(text.pagesWritten < 5, "editing one chapter's text rewrote \(text.pagesWritten) pages")

        try Self.edit(site, "content/guide/06-launching-a-cohort.md") { $0.replacingOccurrences(of: "title: ", with: "title: Now ") }
        _ = try build("edit a title")

        try "---\ntitle: An added chapter\n---\n\nSee [the FAQ](../pages/faq.md).\n\n## Added\n\nText.\n"
            .write(to: site.appending(path: "content/guide/11-added.md"), atomically: true, encoding: .utf8)
        _ = try build("add a chapter")

        try FileManager.default.moveItem(at: site.appending(path: "content/guide/11-added.md"),
                                         to: site.appending(path: "content/guide/12-renamed.md"))
        _ = try build("rename a chapter file")
        let output = site.deletingLastPathComponent().appending(path: "out")
        #expect(!FileManager.default.fileExists(atPath: output.appending(path: "guide/11-added/index.html").path))

        try FileManager.default.removeItem(at: site.appending(path: "content/guide/12-renamed.md"))
        _ = try build("delete a page")
        #expect(!FileManager.default.fileExists(atPath: output.appending(path: "guide/12-renamed/index.html").path))

        try Self.edit(site, "templates/partials/pager.mustache") { $0 + "\n<!-- pager -->\n" }
        _ = try build("edit a template")

        try Self.edit(site, "ripple.yaml") { $0.replacingOccurrences(of: "title: Mentoring at Northwind", with: "title: Mentoring at Northwind Group") }
        _ = try build("edit config")

        try Self.edit(site, "content/data/trainings.csv") { $0 + "E000001,orientation,2023-03-01,1\n" }
        _ = try build("edit data")
    }

    /// Past `PageContext.sidebarLimit` chapters the sidebar shows a window, but the guide's own index page
    /// (`guide/_index.md`) still lists every chapter: retitling a far chapter must re-render it.
    @Test func guideIndexFollowsEveryChapterOfALongGuide() throws {
        let site = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        for n in 1...70 {
            try "---\ntitle: Extra chapter \(n)\n---\n\nText \(n).\n"
                .write(to: site.appending(path: "content/guide/\(20 + n)-extra-\(n).md"), atomically: true, encoding: .utf8)
        }
        let output = site.deletingLastPathComponent().appending(path: "out")
        let builder = SiteBuilder(source: site, output: output, state: IncrementalState())
        _ = try builder.build()
        try Self.edit(site, "content/guide/90-extra-70.md") { $0.replacingOccurrences(of: "Extra chapter 70", with: "The last chapter, retitled") }
        let report = try Self.expectSameAsFull(site, builder, step: "far chapter retitled")
        #expect(report.pagesWritten < 30, "a retitled chapter rewrote \(report.pagesWritten) pages")
    }

    /// The incremental link check remembers scans and verdicts; it must report what the whole-site check
    /// reports as links break and are mended in templates (every page) and in a stylesheet.
    @Test func incrementalLinkCheckReportsWhatTheFullCheckReports() throws {
        let site = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let output = site.deletingLastPathComponent().appending(path: "out")
        let builder = SiteBuilder(source: site, output: output, state: IncrementalState())
        _ = try builder.build()
        func expectSameFailure(_ step: String) throws {
            let incremental = #expect(throws: DiagnosticError.self, "\(step)") { try builder.build() }
            let full = #expect(throws: DiagnosticError.self, "\(step)") {
                try SiteBuilder(source: site, output: site.deletingLastPathComponent().appending(path: "full-\(UUID().uuidString)")).build()
            }
            #expect(incremental?.diagnostics == full?.diagnostics, "\(step)")
            #expect(incremental?.diagnostics.contains { $0.message.contains("link to") } == true, "\(step)")
        }
        let footer = "templates/partials/footer.mustache"
        try Self.edit(site, footer) { $0.replacingOccurrences(of: "</footer>", with: "<a href=\"{{root}}missing.html\">x</a></footer>") }
        try expectSameFailure("a broken link on every page")
        try Self.edit(site, footer) { $0.replacingOccurrences(of: "missing.html", with: "index.html#no-such-id") }
        try expectSameFailure("a missing fragment on every page")
        try Self.edit(site, footer) { $0.replacingOccurrences(of: "<a href=\"{{root}}index.html#no-such-id\">x</a>", with: "") }
        _ = try Self.expectSameAsFull(site, builder, step: "links mended")
        // One page's ids change while every page links to one of them: the pages that did not change are checked again.
        try Self.edit(site, footer) { $0.replacingOccurrences(of: "</footer>", with: "<a href=\"{{root}}faq/index.html#who-can-take-part\">x</a></footer>") }
        _ = try Self.expectSameAsFull(site, builder, step: "a link to a heading on every page")
        try Self.edit(site, "content/pages/faq.md") { $0.replacingOccurrences(of: "### Who can take part?", with: "### Who may take part?") }
        try expectSameFailure("the heading linked from every page renamed")
        try Self.edit(site, "content/pages/faq.md") { $0.replacingOccurrences(of: "### Who may take part?", with: "### Who can take part?") }
        _ = try Self.expectSameAsFull(site, builder, step: "the heading named back")
        try Self.edit(site, footer) { $0.replacingOccurrences(of: "<a href=\"{{root}}faq/index.html#who-can-take-part\">x</a>", with: "") }
        _ = try Self.expectSameAsFull(site, builder, step: "the heading link removed")
        try Self.edit(site, "content/pages/faq.md") { $0 + "\nSee [a study](https://example.com/study).\n" }
        var listing = builder
        listing.options.listsExternalLinks = true
        let listed = try listing.build()
        let full = try SiteBuilder(source: site, output: site.deletingLastPathComponent().appending(path: "full-external")).build()
        #expect(full.externalLinks.contains { $0.url == "https://example.com/study" && $0.pages == ["faq/index.html"] })
        #expect(listed.externalLinks == full.externalLinks)
        var quiet = builder
        quiet.options.listsExternalLinks = false
        #expect(try quiet.build().externalLinks.isEmpty, "listed only when asked")
        let css = "templates/assets/css/ripple.css"
        try Self.edit(site, css) { $0 + "\n.broken { background: url(missing.png); }\n" }
        try expectSameFailure("a broken url() in the stylesheet")
        try Self.edit(site, css) { $0.replacingOccurrences(of: "\n.broken { background: url(missing.png); }\n", with: "") }
        _ = try Self.expectSameAsFull(site, builder, step: "stylesheet mended")
    }

    /// Without `content/index.md` and `guide/_index.md`, the home page and the guide index are made from no
    /// Markdown; they have render keys too, so an edit of one chapter's text rewrites that chapter alone (and the
    /// guide's print edition), and a
    /// retitled chapter still reaches them.
    @Test func generatedPagesFollowTheChapters() throws {
        let site = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        for path in ["content/index.md", "content/guide/_index.md"] { try FileManager.default.removeItem(at: site.appending(path: path)) }
        let output = site.deletingLastPathComponent().appending(path: "out")
        let builder = SiteBuilder(source: site, output: output, state: IncrementalState())
        _ = try Self.expectSameAsFull(site, builder, step: "first build")
        let chapter = "content/guide/05-skills-for-mentors-and-mentees.md"
        try Self.edit(site, chapter) { $0 + "\nOne more paragraph for this test.\n" }
        let edited = try Self.expectSameAsFull(site, builder, step: "a chapter's text edited")
        #expect(edited.pagesWritten == 2, "the chapter and the guide's print edition")
        try Self.edit(site, chapter) { text in
            let title = text.split(separator: "\n").first { $0.hasPrefix("title:") }!
            return text.replacingOccurrences(of: title, with: "title: Skills, retitled")
        }
        let retitled = try Self.expectSameAsFull(site, builder, step: "a chapter retitled")
        #expect(retitled.pagesWritten > 5)
        #expect(String(decoding: try Data(contentsOf: output.appending(path: "guide/index.html")), as: UTF8.self).contains("Skills, retitled"))
    }

    /// `ripple serve` defers the guide downloads: a save keeps them as they are (even when the kept print edition
    /// links an image the save deleted), and the build at the author's pause makes them as a full build would.
    @Test func deferredGuideDownloadsWaitAndFollowLater() throws {
        let site = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let image = site.appending(path: "content/images/ripple-test.svg")
        try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n".write(to: image, atomically: true, encoding: .utf8)
        let chapter = "content/guide/05-skills-for-mentors-and-mentees.md"
        try Self.edit(site, chapter) { $0 + "\n![A test image](../images/ripple-test.svg)\n" }
        var builder = SiteBuilder(source: site, output: site.deletingLastPathComponent().appending(path: "out"),
                                         state: IncrementalState())
        builder.options.defersGuideDownloads = true
        let first = try Self.expectSameAsFull(site, builder, step: "first build")
        #expect(first.deferredDownloads.isEmpty, "nothing to keep yet: the first build makes the downloads")
        let config = try ConfigParser.parse(String(contentsOf: site.appending(path: "ripple.yaml"), encoding: .utf8))
        let downloads = [GuideBuilder.outputPath(.epub, config: config), GuideBuilder.outputPath(.html, config: config)].sorted()
        let before = Self.files(builder.output)
        #expect(String(decoding: before[PrintRenderer.outputPath] ?? Data(), as: UTF8.self).contains("ripple-test.svg"))

        try Self.edit(site, chapter) { $0.replacingOccurrences(of: "\n![A test image](../images/ripple-test.svg)\n", with: "\nSaved.\n") }
        try FileManager.default.removeItem(at: image)
        let saved = try builder.build()
        #expect(saved.deferredDownloads.sorted() == downloads)
        let after = Self.files(builder.output)
        for path in downloads { #expect(after[path] == before[path], "\(path) is kept as it was") }
        #expect(after["images/ripple-test.svg"] == nil)

        builder.options.defersGuideDownloads = false
        builder.options.changedPaths = []
        let made = try Self.expectSameAsFull(site, builder, step: "downloads made at the pause")
        #expect(made.deferredDownloads.isEmpty)
        #expect(made.changedPages == [PrintRenderer.outputPath])
        let unchanged = try builder.build()
        #expect(unchanged.filesWritten == 0, "the downloads' key stands: nothing is made again")
    }

    @Test func failedBuildWritesNothing() throws {
        let site = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let output = site.deletingLastPathComponent().appending(path: "out")
        let builder = SiteBuilder(source: site, output: output, state: IncrementalState())
        _ = try builder.build()
        let before = Self.files(output)
        try Self.edit(site, "content/pages/faq.md") { $0 + "\n[broken](missing.md)\n" }
        #expect(throws: DiagnosticError.self) { try builder.build() }
        #expect(Self.files(output) == before)
    }
}

/// The cache of `ripple build --incremental`: saved, reloaded, and ignored with a note when corrupt.
@Suite struct IncrementalCacheTests {
    @Test func corruptCacheIsIgnoredWithANote() throws {
        let site = try IncrementalBuildTests.sampleCopy()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let output = site.deletingLastPathComponent().appending(path: "out")
        let cache = IncrementalCache(source: site, output: output)
        let (state, note) = cache.load()
        #expect(note == nil)
        _ = try SiteBuilder(source: site, output: output, state: state).build()
        cache.save(state)

        let (reloaded, none) = cache.load()
        #expect(none == nil)
        #expect(reloaded.manifest == state.manifest)
        let again = try SiteBuilder(source: site, output: output, state: reloaded).build()
        #expect(again.filesWritten == 0)

        // The other pages' Markdown results came from the cache.
        #expect(reloaded.restoredMarkdown >= 15)

        try Data("{ not json".utf8).write(to: cache.file)
        let (fresh, corrupt) = cache.load()
        #expect(corrupt?.message == "the incremental cache could not be read, so everything is built again")
        #expect(corrupt?.hint == "nothing to do: the cache is rewritten by this build (it is safe to delete)")
        #expect(corrupt?.location == SourceLocation(file: ".ripple-cache/state.bin"))
        #expect(fresh.manifest.isEmpty)
        try IncrementalBuildTests.edit(site, "content/pages/faq.md") { $0 + "\nOne more line.\n" }
        _ = try IncrementalBuildTests.expectSameAsFull(site, SiteBuilder(source: site, output: output, state: fresh),
                                                       step: "after a corrupt cache")
        cache.save(fresh)

        // Cut short anywhere, the cache is ignored with the same note.
        let whole = try Data(contentsOf: cache.file)
        for cut in [8, 24, whole.count / 3, whole.count / 2, whole.count - 1] {
            cache.save(fresh)  // an unusable cache is deleted when found
            try whole.prefix(cut).write(to: cache.file)
            let (state, note) = cache.load()
            #expect(note?.message == "the incremental cache could not be read, so everything is built again", "cut at \(cut)")
            #expect(state.manifest.isEmpty)
        }

        // A segment whose bytes are not those the state names makes the whole cache unusable, with the note.
        cache.save(fresh)
        #expect(cache.load().note == nil)
        let name = try #require(IncrementalBuildTests.cacheFiles(site).keys.sorted().first { $0.hasPrefix("md-") })
        let segment = cache.file.deletingLastPathComponent().appending(path: IncrementalBuildTests.cacheFiles(site)[name]!)
        var bytes = try Data(contentsOf: segment)
        bytes[bytes.count / 2] ^= 0x5a
        try bytes.write(to: segment)
        let (broken, brokenNote) = cache.load()
        #expect(brokenNote?.message == "the incremental cache could not be read, so everything is built again")
        #expect(broken.manifest.isEmpty)
        _ = try IncrementalBuildTests.expectSameAsFull(site, SiteBuilder(source: site, output: output, state: broken),
                                                       step: "after a corrupt segment")
        cache.save(broken)
        #expect(cache.load().note == nil)

        // The caches of earlier versions (JSON, then one binary file) are removed, with the note.
        for name in ["incremental.json", "incremental.bin"] {
            try? FileManager.default.removeItem(at: cache.file)
            let old = cache.file.deletingLastPathComponent().appending(path: name)
            try Data("{}".utf8).write(to: old)
            #expect(cache.load().note?.message == "the incremental cache could not be read, so everything is built again")
            #expect(!FileManager.default.fileExists(atPath: old.path))
        }
    }
}
