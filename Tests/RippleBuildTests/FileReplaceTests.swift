import Foundation
@testable import RippleBuild
import RippleCore
import Testing

@Suite struct FileReplaceTests {
    private func replace(_ path: String, _ text: String) throws {
        _ = try Array(text.utf8).withUnsafeBytes { try FileReplace.replace(path, with: $0) }
    }

    @Test func writesNewLongerShorterAndEmptyContents() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "ripple-replace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for text in ["first version", "a much longer second version of the page", "short", "", "again"] {
            try replace(path, text)
            #expect(String(decoding: FolderWalk.read(path) ?? [], as: UTF8.self) == text)
        }
    }

    @Test func identicalBytesLeaveTheFileUntouched() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "ripple-replace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try replace(path, "<p>same</p>")
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        try replace(path, "<p>same</p>")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == old)
        try replace(path, "<p>diff</p>")  // same length, other bytes
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date != old)
        #expect(FolderWalk.read(path) == Array("<p>diff</p>".utf8))
    }

    @Test func aFolderInTheWayIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "ripple-replace-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: POSIXError.self) { try replace(path, "x") }
    }

    @Test func aMatchingStampSavesReadingTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "ripple-replace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Array("<p>page</p>".utf8), hash = ContentHash.of(bytes)
        let stamp = try bytes.withUnsafeBytes { try FileReplace.replace(path, with: $0, hash: hash) }
        #expect(stamp.size == bytes.count && stamp.hash == hash)
        // Same size and time as stamped: trusted without reading (so a change that keeps both goes unseen).
        let time = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        try Data("<p>edit</p>".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path)
        let restored = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        if restored == time, try bytes.withUnsafeBytes({ try FileReplace.replace(path, with: $0, hash: hash, expected: stamp) }) == stamp {
            #expect(FolderWalk.read(path) == Array("<p>edit</p>".utf8))
        }
        // Another time (the file was edited since): read, found different, written.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000)], ofItemAtPath: path)
        _ = try bytes.withUnsafeBytes { try FileReplace.replace(path, with: $0, hash: hash, expected: stamp) }
        #expect(FolderWalk.read(path) == bytes)
    }
}
