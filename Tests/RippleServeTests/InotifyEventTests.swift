import Testing
@testable import RippleServe

/// Records as the kernel packs them: a 16-byte header, then the name NUL-padded to a multiple of 4 bytes (or no
/// name at all).
@Suite struct InotifyEventTests {
    private func record(watch: Int32, mask: UInt32, cookie: UInt32 = 0, name: String = "", padTo: Int = 4) -> [UInt8] {
        var name = Array(name.utf8)
        if !name.isEmpty {
            name.append(0)
            while name.count % padTo != 0 { name.append(0) }
        }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: watch.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(name.count).littleEndian) { bytes += $0 }
        return bytes + name
    }

    @Test func readsRecordsWithNamesOfEveryLengthAndNone() {
        let bytes = record(watch: 1, mask: 0x8, name: "a.md") + record(watch: 2, mask: 0x400)
            + record(watch: 3, mask: 0x40, cookie: 7, name: "chapter-ünïcode.md", padTo: 16)
            + record(watch: -1, mask: 0x4000) + record(watch: 4, mask: 0x100, name: "abc")
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events == [
            InotifyEvent(watch: 1, mask: 0x8, name: "a.md"),
            InotifyEvent(watch: 2, mask: 0x400),
            InotifyEvent(watch: 3, mask: 0x40, cookie: 7, name: "chapter-ünïcode.md"),
            InotifyEvent(watch: -1, mask: 0x4000),
            InotifyEvent(watch: 4, mask: 0x100, name: "abc"),
        ])
    }

    @Test func readsRecordsAtAnyOffsetAndDropsATruncatedOne() {
        // One byte in front: no field is aligned any more.
        let bytes = [0xFF] + record(watch: 9, mask: 0x2, name: "b.md") + record(watch: 9, mask: 0x2, name: "cut.md").dropLast(3)
        let events = bytes.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0.dropFirst())) }
        #expect(events == [InotifyEvent(watch: 9, mask: 0x2, name: "b.md")])
        #expect([UInt8]().withUnsafeBytes { InotifyEvent.parse($0) } == [])
    }
}
