@testable import RippleSources
import Testing

/// The workbook's zip container checks each part's checksum itself (with zlib), so a part whose bytes changed
/// after it was written is refused, not read.
@Suite struct WorkbookArchiveTests {
    private let text = Array("<workbook>People, Matches and Sessions</workbook>".utf8)

    @Test func aStoredPartIsReadWhenItsChecksumMatches() throws {
        var archive = try WorkbookArchive(bytes: Self.zip(path: "xl/workbook.xml", data: text, crc: Self.crc32(text)))
        #expect(Array(try archive.part("xl/workbook.xml")) == text)
    }

    @Test func aPartWhoseBytesChangedIsDamaged() throws {
        var bytes = Self.zip(path: "xl/workbook.xml", data: text, crc: Self.crc32(text))
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("People".utf8)) })
        bytes[at] = UInt8(ascii: "X")
        var archive = try WorkbookArchive(bytes: bytes)
        #expect(throws: WorkbookArchive.Failure.damaged("xl/workbook.xml")) { try archive.part("xl/workbook.xml") }
    }

    /// A zip of one stored (uncompressed) entry, written by hand so the test controls every byte.
    private static func zip(path: String, data: [UInt8], crc: UInt32) -> [UInt8] {
        func le(_ value: Int, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let name = Array(path.utf8), size = data.count, sum = Int(crc)
        let local = le(0x0403_4b50, 4) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0x21, 2) + le(sum, 4)
            + le(size, 4) + le(size, 4) + le(name.count, 2) + le(0, 2) + name + data
        let central = le(0x0201_4b50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0x21, 2)
            + le(sum, 4) + le(size, 4) + le(size, 4) + le(name.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2)
            + le(0, 4) + le(0, 4) + name
        let end = le(0x0605_4b50, 4) + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2) + le(central.count, 4)
            + le(local.count, 4) + le(0, 2)
        return local + central + end
    }

    /// CRC-32 (the zip polynomial), bit by bit.
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
