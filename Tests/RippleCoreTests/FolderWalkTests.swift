import Foundation
import RippleCore
import Testing

@Suite struct FolderWalkTests {
    @Test func listsRegularFilesAndLinkedFilesButNotHiddenOnes() throws {
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

        let found = FolderWalk.files(in: root.path).map(\.relative).sorted()
        #expect(found == ["guide/a.md", "guide/deep/b.md", "link.md"])
        #expect(FolderWalk.read(root.appending(path: "link.md").path) == Array("a".utf8))
        // What `ripple serve` hears of from its watcher is listed by the same rules.
        for path in ["guide/a.md", "guide/deep/b.md", "link.md", "guide/a.md~", ".hidden.md", ".git/config", "linked-folder/a.md", "guide"] {
            #expect(FolderWalk.isListed(relative: path, path: root.path + "/" + path) == found.contains(path), "\(path)")
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
