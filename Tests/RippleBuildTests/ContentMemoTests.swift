import Foundation
import Testing
@testable import RippleBuild
import RippleCore

/// A content build with a memo (incremental builds) patches the last content when a change leaves every page in
/// its place, and assembles it again otherwise; either way it must equal a build from nothing.
@Suite struct ContentMemoTests {
    static func expectSame(_ files: [String: String], _ builder: ContentBuilder, _ step: String, patched: Bool = false) {
        let sources = files.map { SourceFile(path: $0.key, text: $0.value) }
        let remembered = builder.build(sources)
        let fresh = ContentBuilder().build(sources)
        let (a, b) = (remembered.content, fresh.content)
        #expect(a.home == b.home && a.guideIntro == b.guideIntro, "\(step): home or guide index")
        #expect(a.pages == b.pages, "\(step): pages")
        #expect(a.chapters == b.chapters, "\(step): chapters")
        #expect(a.narratives == b.narratives && a.staticFiles == b.staticFiles, "\(step): narratives or files")
        #expect(remembered.diagnostics == fresh.diagnostics, "\(step): diagnostics")
        #expect(builder.memo?.last?.patched == patched, "\(step): patched")
    }

    /// A file the loader left unread (its stamp vouched for its bytes) takes the result an earlier process saved,
    /// whose page has no body: the body is read from the file only when asked for, and equals a fresh build's.
    @Test func unreadFilesTakeSavedResultsAndReadTheirBodiesWhenAsked() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-lazy-body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["content/guide/01-one.md": "---\ntitle: One\nweight: 3\n---\nText *one*.\n",
                     "content/pages/faq.md": "---\ntitle: FAQ\ndate: 2026-01-02\nextra:\n  team: North\n---\nQuestions.\n",
                     "content/images/a.png": "png"]
        for (path, text) in files {
            try FileManager.default.createDirectory(at: root.appending(path: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: root.appending(path: path), atomically: true, encoding: .utf8)
        }
        let sources = files.map { SourceFile(path: $0.key, text: $0.value) }
        let fresh = ContentBuilder().build(sources)
        let earlier = ContentMemo()
        _ = ContentBuilder(memo: earlier).build(sources)
        var writer = BinaryWriter()
        CacheRecords.write(earlier.records, stamps: [:], root: root.path, to: &writer)
        let memo = ContentMemo()
        var reader = BinaryReader(writer.bytes)
        try CacheRecords.read(into: memo, files: FileMemo(), root: root.path, from: &reader)
        #expect(reader.atEnd)

        let unread = Dictionary(uniqueKeysWithValues: sources.map { ($0.path, ContentHash.of($0.bytes)) })
        let restored = ContentBuilder(memo: memo).build(sources.map { SourceFile(path: $0.path, bytes: []) }, unread: unread,
                                                        read: { _ in nil })
        let pages = restored.content.chapters + restored.content.pages
        let loadedFirst = pages.filter(\.bodyIsLoaded).count
        #expect(pages.count == 2 && loadedFirst == 0)
        #expect(restored.content.chapters == fresh.content.chapters)
        #expect(restored.content.pages == fresh.content.pages)
        let loadedAfter = pages.filter(\.bodyIsLoaded).count
        #expect(loadedAfter == 2)
        #expect(restored.content.staticFiles == fresh.content.staticFiles)
        #expect(restored.diagnostics == fresh.diagnostics)
    }

    @Test func everyKindOfChangeGivesWhatABuildFromNothingGives() {
        var files = [
            "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "content/guide/_index.md": "---\ntitle: Guide\n---\nIntro.\n",
            "content/guide/01-one.md": "---\ntitle: One\n---\nText one.\n",
            "content/guide/02-two.md": "---\ntitle: Two\n---\nText two.\n",
            "content/guide/03-three.md": "---\ntitle: Three\n---\nText three.\n",
            "content/pages/faq.md": "---\ntitle: FAQ\n---\nQuestions.\n",
            "content/reports/2026-Q1.md": "---\ntitle: Q1\n---\nA quarter.\n",
            "content/images/a.png": "png",
        ]
        let builder = ContentBuilder(memo: ContentMemo())
        Self.expectSame(files, builder, "first build")
        Self.expectSame(files, builder, "nothing changed", patched: true)
        files["content/guide/02-two.md"] = "---\ntitle: Two, retitled\n---\nOther text.\n"
        Self.expectSame(files, builder, "a chapter's title and text", patched: true)
        files["content/index.md"] = "---\ntitle: Home\n---\nWelcome back.\n"
        files["content/reports/2026-Q1.md"] = "---\ntitle: Q1\n---\nAnother quarter.\n"
        files["content/pages/faq.md"] = "---\ntitle: FAQ\ndate: 2026-01-02\n---\nMore questions.\n"
        Self.expectSame(files, builder, "home, narrative and page at once", patched: true)
        files["content/guide/01-one.md"] = "---\ntitle: One\nweight: 9\n---\nText one.\n"
        Self.expectSame(files, builder, "a chapter moved by its weight")
        files["content/guide/03-three.md"] = "---\ntitle: Three\nslug: third\n---\nText three.\n"
        Self.expectSame(files, builder, "a chapter's slug")
        files["content/guide/02-two.md"] = "---\ntitle: Two\ndraft: true\n---\nText two.\n"
        Self.expectSame(files, builder, "a chapter made a draft")
        files["content/guide/02-two.md"] = "---\ntitle: Two\n---\nText two.\n"
        Self.expectSame(files, builder, "and published again")
        files["content/pages/join.md"] = "---\ntitle: Join\n---\nHow to join.\n"
        Self.expectSame(files, builder, "a page added")
        files["content/pages/faq.md"] = nil
        Self.expectSame(files, builder, "a page deleted")
        files["content/pages/join.md"] = "---\ntitle: Join\nslug: faq2\n---\n"
        files["content/pages/faq2.md"] = "---\ntitle: Other\n---\n"
        Self.expectSame(files, builder, "two pages on one output path")
        files["content/pages/faq2.md"] = "---\ntitle: Other\n---\nNow with text.\n"
        Self.expectSame(files, builder, "still two pages on one output path", patched: true)
        files["content/guide/01-one.md"] = "---\ntitle: [unclosed\n---\n"
        Self.expectSame(files, builder, "broken front matter")
        files["content/images/a.png"] = "another png"
        Self.expectSame(files, builder, "a copied file's bytes", patched: true)
        files["content/_shared/note.md"] = "Shared.\n"
        files["content/guide/02-two.md"] = "---\ntitle: Two\n---\n{{< include \"../_shared/note.md\" >}}\n"
        Self.expectSame(files, builder, "a chapter that includes a file")
        files["content/_shared/note.md"] = "Shared, changed.\n"
        Self.expectSame(files, builder, "only the included file changed", patched: true)
        #expect(builder.build(files.map { SourceFile(path: $0.key, text: $0.value) }).content.chapters
            .contains { $0.body == "Shared, changed.\n" })
    }
}
