import Foundation
import RippleCore
import Testing
@testable import RippleServe

/// The preview's private folder (issue 23, item 12): new, unguessable, only for this user, removed at the end.
@Suite struct PreviewFolderTests {
    @Test func isNewPrivateAndUnpredictable() throws {
        let temp = try TempFolder()
        let a = try PreviewFolder.create(temporary: temp.url)
        let b = try PreviewFolder.create(temporary: temp.url)
        #expect(a.folder != b.folder)
        for preview in [a, b] {
            #expect(preview.folder.deletingLastPathComponent().standardizedFileURL.path == temp.url.standardizedFileURL.path)
            #expect(preview.folder.lastPathComponent.hasPrefix("ripple-serve-"))
            #expect(preview.folder.lastPathComponent.count == "ripple-serve-".count + 6)
            #expect(preview.site.path == preview.folder.path + "/site")
            var info = stat()
            #expect(lstat(preview.folder.path, &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFDIR, "a real folder, not a symlink")
            #expect(info.st_mode & 0o777 == 0o700)
            #expect(info.st_uid == geteuid())
        }
        a.remove()
        #expect(!FileManager.default.fileExists(atPath: a.folder.path))
        #expect(FileManager.default.fileExists(atPath: b.folder.path))
    }

    @Test func removeTakesTheBuiltSiteWithIt() throws {
        let temp = try TempFolder()
        let preview = try PreviewFolder.create(temporary: temp.url)
        try FileManager.default.createDirectory(at: preview.site.appendingPathComponent("guide"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: preview.site.appendingPathComponent("guide/index.html"))
        preview.remove()
        preview.remove()
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path).isEmpty)
    }

    @Test func anUnwritableTemporaryFolderIsAClearError() {
        let missing = URL(fileURLWithPath: "/nonexistent-ripple-temp")
        let error = #expect(throws: DiagnosticError.self) { _ = try PreviewFolder.create(temporary: missing) }
        #expect(error?.description == """
            error: cannot create the preview's private folder in '/nonexistent-ripple-temp': No such file or directory
              hint: check that the temporary folder exists and is writable, or set TMPDIR to one that is
            """)
    }
}
