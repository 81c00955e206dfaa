#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the HTML character references Ripple's output contains.
package enum Entity {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "hellip": "…",
        "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©",
        "middot": "·", "rarr": "→", "larr": "←", "times": "×",
    ]

    /// Decodes the reference starting at `bytes[start] == "&"`: its UTF-8 bytes and the offset after it.
    package static func decode(_ bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        guard let (scalar, end) = bytes.withUnsafeBufferPointer({ decodeScalar($0, at: start) }),
              let character = Unicode.Scalar(scalar) else { return nil }
        return (Array(String(character).utf8), end)
    }

    /// Decodes every reference in `bytes`.
    package static func decodeAll(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let array = Array(bytes)
        var out: [UInt8] = []
        var i = 0
        while i < array.count {
            if array[i] == UInt8(ascii: "&"), let (decoded, end) = decode(array, at: i) {
                out += decoded
                i = end
            } else {
                out.append(array[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes every reference in `bytes[range]`.
    package static func decodeAll(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard !slice.isEmpty, memchr(slice.baseAddress!, Int32(UInt8(ascii: "&")), slice.count) != nil else {
            return String(decoding: slice, as: UTF8.self)
        }
        return decodeAll(ArraySlice(slice))
    }
}

extension Entity {
    /// The same references as `decode(_:at:)`, read without allocating: the character's scalar value and the
    /// offset after the reference, for `bytes[start] == "&"`.
    package static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (scalar: UInt32, end: Int)? {
        var i = start + 1
        let limit = min(bytes.count, start + 12)
        while i < limit, bytes[i] != UInt8(ascii: ";") {
            let b = bytes[i]
            guard (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || (b >= 48 && b <= 57) || b == UInt8(ascii: "#") else { return nil }
            i += 1
        }
        guard i < limit, i > start + 1 else { return nil }
        let bodyStart = start + 1, bodyEnd = i
        var value: UInt32?
        if bytes[bodyStart] == UInt8(ascii: "#") {
            var digitsStart = bodyStart + 1
            var radix: UInt32 = 10
            if digitsStart < bodyEnd, bytes[digitsStart] | 0x20 == UInt8(ascii: "x") { radix = 16; digitsStart += 1 }
            value = number(bytes, digitsStart, bodyEnd, radix: radix)
        } else {
            value = named(bytes, bodyStart, bodyEnd)
        }
        guard let value, Unicode.Scalar(value) != nil else { return nil }
        return (value, i + 1)
    }

    /// Digits as `UInt32(_:radix:)` reads them: nil when empty or when any byte is not a digit of the radix.
    /// At most 9 decimal or 8 hexadecimal digits reach here, so there is no overflow.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, radix: UInt32) -> UInt32? {
        guard start < end else { return nil }
        var value: UInt32 = 0
        for i in start..<end {
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt32(b - 97 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt32(b - 65 + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            value = value * radix + digit
        }
        return value
    }

    /// The named references of `named`, packed little-endian into a word (all names are at most 8 bytes).
    private static let packedNames: [(name: UInt64, scalar: UInt32)] = named.map { name, text in
        (pack(Array(name.utf8)[...]), text.unicodeScalars.first!.value)
    }

    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for (k, b) in bytes.enumerated() { packed |= UInt64(b) << (8 * UInt64(k)) }
        return packed
    }

    private static func named(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32? {
        guard end - start <= 8 else { return nil }
        var packed: UInt64 = 0
        for i in start..<end { packed |= UInt64(bytes[i]) << (8 * UInt64(i - start)) }
        for entry in packedNames where entry.name == packed { return entry.scalar }
        return nil
    }
}
