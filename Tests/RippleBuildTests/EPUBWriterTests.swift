import Foundation
import RippleBuild
import RippleRender
import Testing
import ZIPFoundation

/// The EPUB's zip layout is written by Ripple (entries deflated in parallel); ZIPFoundation's `Archive`, which wrote it
/// before, is the reference: the same book gives the same bytes, and ZIPFoundation reads every entry back.
@Suite("Guide: EPUB zip writer")
struct EPUBWriterTests {
    private var book: EPUBBook {
        var big: [UInt8] = []
        var seed: UInt32 = 7
        for i in 0..<70_000 {  // several of ZIPFoundation's 16 KB chunks, part repetitive, part noise
            seed = seed &* 1_103_515_245 &+ 12_345
            big.append(i % 3 == 0 ? UInt8(truncatingIfNeeded: seed >> 16) : UInt8(ascii: "a") + UInt8(i % 7))
        }
        return EPUBBook(entries: [
            EPUBEntry(path: "mimetype", text: "application/epub+zip", compressed: false),
            EPUBEntry(path: "META-INF/container.xml", text: "<?xml version=\"1.0\"?>\n<container/>\n"),
            EPUBEntry(path: "EPUB/empty.xhtml", text: ""),
            EPUBEntry(path: "EPUB/chapter-01.xhtml", bytes: big),
            EPUBEntry(path: "EPUB/media/a.png", bytes: Array(big.prefix(999)), compressed: false),
        ], modified: 1_772_705_472)  // 2026-03-05T10:11:12Z
    }

    /// What `EPUBWriter` wrote before: ZIPFoundation's `Archive`, one entry after another.
    private func reference(_ book: EPUBBook) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in book.entries {
            let data = Data(entry.bytes)
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: TimeInterval(book.modified)), permissions: 0o644,
                                 compressionMethod: entry.compressed ? .deflate : .none,
                                 provider: { position, size in data.subdata(in: Data.Index(position)..<Data.Index(position) + size) })
        }
        return Array(try #require(archive.data))
    }

    @Test func writesTheBytesZIPFoundationWrites() throws {
        let written = try EPUBWriter.zip(book)
        #expect(written == (try reference(book)))
        // mimetype first, stored, without extra field (EPUB OCF): its bytes sit at offset 38.
        #expect(Array(written[30..<38]) == Array("mimetype".utf8))
        #expect(String(decoding: written[38..<58], as: UTF8.self) == "application/epub+zip")
    }

    @Test func zipFoundationReadsEveryEntryBack() throws {
        let archive = try Archive(data: Data(try EPUBWriter.zip(book)), accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path) == book.entries.map(\.path))
        for (entry, original) in zip(entries, book.entries) {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes += $0 }
            #expect(bytes == original.bytes, "\(original.path)")
            #expect(entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 1_772_705_472))
        }
    }

    @Test func datesAreMSDOSTimesInUTC() {
        // Date: years since 1980 << 9 | month << 5 | day; time: hour << 11 | minute << 5 | seconds / 2.
        let march5 = EPUBWriter.dosDateTime(1_772_705_472)
        #expect(march5.date == UInt16(46 * 512 + 3 * 32 + 5))
        #expect(march5.time == UInt16(10 * 2048 + 11 * 32 + 6))
        let start = EPUBWriter.dosDateTime(315_532_800)  // 1980-01-01T00:00:00Z
        #expect(start.date == UInt16(1 * 32 + 1))
        #expect(start.time == 0)
    }
}
