import Foundation
@testable import RippleBuild
import Testing

@Suite struct FileMemoTests {
    @Test func unchangedSettledFilesAreNotReadAgainButChangedOnesAre() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "ripple-memo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let memo = FileMemo()
        try Data("first".utf8).write(to: URL(fileURLWithPath: path))
        // Just written: read every time, even when the size and time are the same.
        #expect(memo.read(path) == Array("first".utf8))
        try Data("other".utf8).write(to: URL(fileURLWithPath: path))
        #expect(memo.read(path) == Array("other".utf8))

        // Settled (modified long before reading): kept while size and time are unchanged.
        let old = Date(timeIntervalSinceNow: -60)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(memo.read(path) == Array("other".utf8))
        try Data("third".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(memo.read(path) == Array("other".utf8), "same size and time: taken from the memo")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -30)], ofItemAtPath: path)
        #expect(memo.read(path) == Array("third".utf8), "another time: read again")
        try Data("longer text".utf8).write(to: URL(fileURLWithPath: path))
        #expect(memo.read(path) == Array("longer text".utf8))
        try FileManager.default.removeItem(atPath: path)
        #expect(memo.read(path) == nil)
    }
}
