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
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count else { return nil }
        return haystack.withUnsafeBytes { bytes in
            needle.withUnsafeBytes { pattern in
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
    }
}
