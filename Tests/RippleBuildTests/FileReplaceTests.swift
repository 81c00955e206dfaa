import Foundation
@testable import RippleBuild
import Testing

@Suite struct FileReplaceTests {
    private func replace(_ path: String, _ text: String) throws {
        try Array(text.utf8).withUnsafeBytes { try FileReplace.replace(path, with: $0) }
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
}
