import Foundation
import RippleCore
import Testing

@Suite struct FolderWalkTests {
    @Test func listsRegularFilesAndLinksButNotHiddenOnes() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "ripple-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appending(path: "guide/deep"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appending(path: ".git"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appending(path: "guide/a.md"))
        try Data("b".utf8).write(to: root.appending(path: "guide/deep/b.md"))
        try Data("h".utf8).write(to: root.appending(path: ".hidden.md"))
        try Data("~".utf8).write(to: root.appending(path: "guide/a.md~"))
        try Data("g".utf8).write(to: root.appending(path: ".git/config"))
        try fm.createSymbolicLink(atPath: root.appending(path: "link.md").path, withDestinationPath: root.appending(path: "guide/a.md").path)
        try fm.createSymbolicLink(atPath: root.appending(path: "linked-folder").path, withDestinationPath: root.appending(path: "guide").path)
        try fm.createSymbolicLink(atPath: root.appending(path: "dangling.md").path, withDestinationPath: "nowhere.md")

        // Links are listed (whatever they point to) and marked, never followed: a linked folder is not walked.
        let found = FolderWalk.files(in: root.path).sorted { $0.relative < $1.relative }
        #expect(found.map(\.relative) == ["dangling.md", "guide/a.md", "guide/deep/b.md", "link.md", "linked-folder"])
        #expect(found.map(\.isLink) == [true, false, false, true, true])
        #expect(FolderWalk.read(root.appending(path: "link.md").path) == nil, "reading does not follow a link")
        #expect(FolderWalk.isLink(root.appending(path: "link.md").path) && !FolderWalk.isLink(root.appending(path: "guide/a.md").path))
        // What `ripple serve` hears of from its watcher is listed by the same rules.
        let listed = Set(found.map(\.relative))
        for path in ["guide/a.md", "guide/deep/b.md", "link.md", "linked-folder", "dangling.md", "guide/a.md~", ".hidden.md",
                     ".git/config", "linked-folder/a.md", "guide"] {
            #expect(FolderWalk.isListed(relative: path, path: root.path + "/" + path) == listed.contains(path), "\(path)")
        }
        #expect(FolderWalk.files(in: root.appending(path: "missing").path).isEmpty)
        #expect(FolderWalk.read(root.appending(path: "missing.md").path) == nil)
    }

    @Test func readsFilesOfAnySize() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "ripple-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        for size in [0, 1, 4095, 4096, 70_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try Data(bytes).write(to: file)
            #expect(FolderWalk.read(file.path) == bytes)
        }
    }
}
