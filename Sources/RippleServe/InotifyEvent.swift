/// One record read from an inotify descriptor (`struct inotify_event`), with its name decoded.
///
/// The kernel packs the records back to back: a 16-byte header (`wd`, `mask`, `cookie`, `len`) followed by
/// `len` bytes of name, NUL-padded so the next header is aligned. The name is present only for events about
/// an entry of a watched folder. Fields are read with `loadUnaligned`, so the buffer needs no alignment.
package struct InotifyEvent: Equatable, Sendable {
    /// The watch the event belongs to (-1 for a queue overflow).
    package var watch: Int32
    /// The `IN_*` bits.
    package var mask: UInt32
    /// Pairs an `IN_MOVED_FROM` with its `IN_MOVED_TO`.
    package var cookie: UInt32
    /// The entry's name inside the watched folder; empty for events about the folder itself.
    package var name: String

    /// Size of the fixed part of a record.
    package static let headerSize = 16

    /// Creates an event.
    package init(watch: Int32, mask: UInt32, cookie: UInt32 = 0, name: String = "") {
        self.watch = watch
        self.mask = mask
        self.cookie = cookie
        self.name = name
    }

    /// The complete records in `bytes` (what one `read` returned). A truncated record at the end, which the
    /// kernel never produces, is dropped rather than read past the buffer.
    package static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard length <= bytes.count - nameStart else { break }
            let name = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameStart + length])
            events.append(InotifyEvent(watch: watch, mask: mask, cookie: cookie,
                                       name: String(decoding: name.prefix { $0 != 0 }, as: UTF8.self)))
            offset = nameStart + length
        }
        return events
    }
}
