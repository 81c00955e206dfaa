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
        needle.withUnsafeBytes { firstIndex(of: $0, in: bytes, from: start) }
    }

    /// `firstIndex(of:in:from:)` with the needle in raw bytes too.
    package static func firstIndex(of pattern: UnsafeRawBufferPointer, in bytes: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard !pattern.isEmpty, start >= 0, bytes.count - start >= pattern.count else { return nil }
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

    /// Whether `text` holds the bytes of `needle` (no Unicode equivalence: for ASCII markup such as `<svg`).
    /// A literal needle costs no allocation, so this suits checks made for every text node of a document.
    package static func contains(_ needle: StaticString, in text: String) -> Bool {
        contains(needle, in: text.utf8)
    }

    /// `contains(_:in:)` in part of a string.
    package static func contains(_ needle: StaticString, in text: Substring) -> Bool {
        contains(needle, in: text.utf8)
    }

    private static func contains<Bytes: Collection<UInt8>>(_ needle: StaticString, in bytes: Bytes) -> Bool {
        let pattern = UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        if let found = bytes.withContiguousStorageIfAvailable({ firstIndex(of: pattern, in: UnsafeRawBufferPointer($0)) != nil }) {
            return found
        }
        return Array(bytes).withUnsafeBytes { firstIndex(of: pattern, in: $0) != nil }
    }

    /// `text` with every occurrence of `target` replaced by `replacement`, byte for byte; `text` itself when `target`
    /// does not occur. Nil when an occurrence touches a non-ASCII byte, where `String`'s rules (whole `Character`s)
    /// could decide otherwise: the caller falls back to them then.
    package static func replacingAll(_ target: StaticString, with replacement: String, in text: String) -> String? {
        let pattern = UnsafeRawBufferPointer(start: target.utf8Start, count: target.utf8CodeUnitCount)
        var text = text
        let replaced: String?? = text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            guard var hit = firstIndex(of: pattern, in: bytes) else { return .some(nil) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var start = 0
            while true {
                let end = hit + pattern.count
                if hit > 0, bytes[hit - 1] >= 0x80 { return nil }
                if end < bytes.count, bytes[end] >= 0x80 { return nil }
                out += bytes[start..<hit]
                out += replacement.utf8
                start = end
                guard let next = firstIndex(of: pattern, in: bytes, from: start) else { break }
                hit = next
            }
            out += bytes[start...]
            return String(decoding: out, as: UTF8.self)
        }
        guard let replaced else { return nil }
        return replaced ?? text
    }
}
