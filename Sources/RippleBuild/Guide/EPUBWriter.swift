import Foundation
import RippleCore
import RippleRender
import CRippleZlib

/// Zips an EPUB into the bytes of an `.epub` file: `mimetype` first and stored, then every entry in the book's
/// order, all with the book's modification time, so the same content always gives the same bytes.
///
/// Entries are deflated one by one as they are made (`pack`, on any thread, with zlib as ZIPFoundation uses it),
/// and laid out in one pass (`zip`). ZIPFoundation's `Archive` rewrites its whole central directory after every
/// entry it adds — quadratic in the entries, several seconds for a 10,000-chapter book — and deflates on one
/// core; the layout here is ZIPFoundation's own (same headers, same deflate), so the bytes are the same.
package enum EPUBWriter {
    /// One entry as the zip stores it.
    package struct Packed: Sendable {
        /// Path inside the zip.
        var path: String
        /// The stored bytes: deflated, or as they are.
        var data: [UInt8]
        /// Whether `data` is deflated.
        var deflated: Bool
        /// CRC-32 of the entry's bytes before deflating.
        var crc32: UInt32
        /// Size before deflating.
        var size: Int
    }

    /// The `.epub` file's bytes (entries deflated on all cores).
    package static func zip(_ book: EPUBBook) throws(DiagnosticError) -> [UInt8] {
        try zip(book.entries.parallelMap { pack($0) }, modified: book.modified)
    }

    /// Deflates an entry (unless it is to be stored); fails only on a zlib error.
    ///
    /// zlib is called as ZIPFoundation calls it (raw deflate, default level, memory level 9), with the whole entry
    /// at once: deflate's output does not depend on how its input is fed, so the bytes are those `Archive` writes.
    /// ZIPFoundation's own CRC-32 on Linux is a byte-at-a-time loop in Swift, a real share of the book's time.
    package static func pack(_ entry: EPUBEntry) -> Result<Packed, DiagnosticError> {
        let source = entry.bytes
        let crc = source.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        guard entry.compressed else {
            return .success(Packed(path: entry.path, data: source, deflated: false, crc32: crc, size: source.count))
        }
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(failure("could not compress '\(entry.path)': zlib did not start"))
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(source.count)))
        var status = Z_OK
        let data = source.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: bound) { output, initialized in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                status = deflate(&stream, Z_FINISH)
                initialized = Int(stream.total_out)
            }
        }
        guard status == Z_STREAM_END else { return .failure(failure("could not compress '\(entry.path)': zlib error \(status)")) }
        // The bound is about the entry's own size, several times its deflated bytes, and a book's chapters all wait
        // for the layout.
        return .success(Packed(path: entry.path, data: Array(data[...]), deflated: true, crc32: crc, size: source.count))
    }

    /// Lays out packed entries, in order, as a zip file; `modified` (seconds since 1970, UTC) dates every entry.
    package static func zip(_ results: [Result<Packed, DiagnosticError>], modified: Int) throws(DiagnosticError) -> [UInt8] {
        var entries: [Packed] = []
        entries.reserveCapacity(results.count)
        for result in results { entries.append(try result.get()) }
        // Without ZIP64 a zip holds 65,535 entries and 4 GiB; a book that big is no book.
        let total = entries.reduce(0) { $0 + $1.data.count + 2 * $1.path.utf8.count + 76 } + 22
        guard entries.count < 0xFFFF, total < 0xFFFF_FFFF, entries.allSatisfy({ $0.size < 0xFFFF_FFFF }) else {
            throw failure("the EPUB would hold \(entries.count) files and \(total / 1_000_000) MB, more than a zip file without ZIP64 holds",
                          hint: "split the guide, or set `downloads: false` under `guide:`")
        }
        let (date, time) = dosDateTime(max(modified, 315_532_800))  // ZIP dates start in 1980
        var out: [UInt8] = []
        out.reserveCapacity(total)
        var offsets: [Int] = []
        offsets.reserveCapacity(entries.count)
        for entry in entries {
            offsets.append(out.count)
            out.append32(0x0403_4B50)
            header(entry, date: date, time: time, into: &out)
            out.append16(0)  // extra field length
            out += entry.path.utf8
            out += entry.data
        }
        let directoryStart = out.count
        for (entry, offset) in Swift.zip(entries, offsets) {
            out.append32(0x0201_4B50)
            out.append16(789)  // made by: UNIX, zip 2.1 (as ZIPFoundation writes it)
            header(entry, date: date, time: time, into: &out)
            out.append16(0); out.append16(0); out.append16(0); out.append16(0)  // extra, comment, disk, internal attributes
            out.append32(0o100644 << 16)  // a regular file, rw-r--r--
            out.append32(UInt32(offset))
            out += entry.path.utf8
        }
        out.append32(0x0605_4B50)
        out.append16(0); out.append16(0)
        out.append16(UInt16(entries.count)); out.append16(UInt16(entries.count))
        out.append32(UInt32(out.count - 12 - directoryStart))
        out.append32(UInt32(directoryStart))
        out.append16(0)  // comment length
        return out
    }

    /// The fields local and central headers share, from "version needed" to the file name's length.
    private static func header(_ entry: Packed, date: UInt16, time: UInt16, into out: inout [UInt8]) {
        out.append16(20)  // version needed: 2.0 (deflate)
        out.append16(0x0800)  // the name is UTF-8
        out.append16(entry.deflated ? 8 : 0)
        out.append16(time); out.append16(date)
        out.append32(entry.crc32)
        out.append32(UInt32(entry.data.count)); out.append32(UInt32(entry.size))
        out.append16(UInt16(entry.path.utf8.count))
    }

    /// MS-DOS date and time of `seconds` since 1970, in UTC (years 1980–2099, as ZIPFoundation writes them).
    package static func dosDateTime(_ seconds: Int) -> (date: UInt16, time: UInt16) {
        let day = Day(ordinal: Int32(clamping: seconds / 86_400)).components
        let year = min(max(day.year, 1980), 2099)
        let date = UInt16((year - 1980) << 9 | day.month << 5 | day.day)
        let second = seconds % 86_400
        return (date, UInt16((second / 3600) << 11 | (second / 60 % 60) << 5 | (second % 60) / 2))
    }

    private static func failure(_ message: String, hint: String = "this is a bug in Ripple; please report it") -> DiagnosticError {
        DiagnosticError(.error("could not write the EPUB: " + message, hint: hint))
    }
}

private extension [UInt8] {
    mutating func append16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value)); append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        append16(UInt16(truncatingIfNeeded: value)); append16(UInt16(truncatingIfNeeded: value >> 16))
    }
}
