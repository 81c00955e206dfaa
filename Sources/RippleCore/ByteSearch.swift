#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a run of bytes in bytes, with the C library's `memchr` (to the next candidate first byte) and
/// `memcmp`: for scanners of generated HTML and source files, where `String.range(of:)` is far too slow.
package enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`; nil when there is none
    /// or `needle` is empty.
    package static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        haystack.withUnsafeBytes { firstIndex(of: needle, in: $0, from: start) }
    }

    /// `firstIndex(of:in:from:)` in raw bytes.
    package static func firstIndex(of needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start >= 0, bytes.count - start >= needle.count else { return nil }
        return needle.withUnsafeBytes { pattern in
            let base = bytes.baseAddress!
            let last = bytes.count - pattern.count
            var from = start
            while from <= last, let hit = memchr(base + from, Int32(pattern[0]), last - from + 1) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
                from = at + 1
            }
            return nil
        }
    }

    /// Whether `text` holds the bytes of `needle` (no Unicode equivalence: for ASCII markup such as `<svg`).
    package static func contains(_ needle: String, in text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { firstIndex(of: Array(needle.utf8), in: UnsafeRawBufferPointer($0)) != nil }
        return found ?? firstIndex(of: Array(needle.utf8), in: Array(text.utf8)).map { _ in true } ?? false
    }
}
