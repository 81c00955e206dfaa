/// Writes bytes through an unsafe pointer into a buffer sized up front (an upper bound: pages never written are
/// never touched): the search index's 20–30 MB of JavaScript is written byte by byte, and `Array.append`
/// checks capacity and uniqueness on every byte.
struct ByteWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// The number of bytes written.
    private(set) var count = 0

    /// Writes into `buffer`, which the caller sized for everything it will write.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    /// Checks there is room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        precondition(count + extra <= capacity, "search index larger than its computed bound")
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends bytes as they are.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends ASCII text.
    mutating func append(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        reserve(n)
        (base + count).update(from: text.utf8Start, count: n)
        count += n
    }

    /// Appends a non-negative number in decimal.
    mutating func append(decimal number: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = number, length = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - length] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                length += 1
            } while n > 0
        }
        reserve(length)
        withUnsafeBytes(of: &digits) { buffer in
            for k in (20 - length)..<20 {
                base[count] = buffer[k]
                count += 1
            }
        }
    }

    /// Appends UTF-8 text escaped for a JSON string inside a script: quotes, backslashes, control characters, `<` and
    /// U+2028/U+2029 escaped, everything else as is.
    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count * 6)
        let hex: StaticString = "0123456789abcdef"
        let n = text.count
        var out = base + count
        var k = 0
        let raw = UnsafeRawPointer(text.baseAddress)
        while k < n {
            // Eight bytes at a time while none needs escaping (none below 0x20, no `"`, `\\`, `<` or 0xE2).
            if let raw, k + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                if !Self.needsEscaping(x) {
                    UnsafeMutableRawPointer(out).storeBytes(of: x, as: UInt64.self)
                    out += 8
                    k &+= 8
                    continue
                }
            }
            let b = text[k]
            k &+= 1
            if b > UInt8(ascii: "<") ? (b != UInt8(ascii: "\\") && b != 0xE2) : (b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "<")) {
                out.pointee = b
                out += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out[0] = 92; out[1] = b; out += 2
            case 10:
                out[0] = 92; out[1] = UInt8(ascii: "n"); out += 2
            case UInt8(ascii: "<"):
                (out + 0).update(from: Self.escapedLessThan.utf8Start, count: 6); out += 6
            case 0xE2:
                if k + 1 < n, text[k] == 0x80, text[k + 1] == 0xA8 || text[k + 1] == 0xA9 {
                    (out + 0).update(from: Self.lineSeparator.utf8Start, count: 5)
                    out[5] = text[k + 1] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")
                    out += 6
                    k += 2
                } else {
                    out.pointee = b
                    out += 1
                }
            default:  // other control characters
                out[0] = 92; out[1] = UInt8(ascii: "u"); out[2] = UInt8(ascii: "0"); out[3] = UInt8(ascii: "0")
                out[4] = hex.utf8Start[Int(b >> 4)]; out[5] = hex.utf8Start[Int(b & 15)]
                out += 6
            }
        }
        count = out - base
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `x` may need escaping (false positives are fine: those bytes take the slow path).
    @inline(__always)
    private static func needsEscaping(_ x: UInt64) -> Bool {
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below = (x &- ones &* 0x20) & ~x & highs
        let special = hasZero(x ^ (ones &* 0x22)) | hasZero(x ^ (ones &* 0x5C)) | hasZero(x ^ (ones &* 0x3C)) | hasZero(x ^ (ones &* 0xE2))
        return below | special != 0
    }

    private static let escapedLessThan: StaticString = "\\u003c"
    private static let lineSeparator: StaticString = "\\u202"

    /// Appends a string escaped (see `appendEscaped`).
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    /// Appends `"text"`, escaped.
    mutating func appendQuoted(_ text: String) {
        append(UInt8(ascii: "\""))
        appendEscaped(text)
        append(UInt8(ascii: "\""))
    }

    /// Appends ascending, distinct numbers in `PostingCode`.
    mutating func appendPostings(_ numbers: UnsafeBufferPointer<Int32>) {
        reserve(numbers.count * 7)
        let final = Self.final, continuation = Self.continuation
        var out = base + count
        var previous = -1
        for number in numbers {
            let gap = Int(number) - previous - 1
            previous = Int(number)
            var digits = 1
            while gap >> (5 * digits) > 0 { digits += 1 }
            for d in stride(from: digits - 1, to: 0, by: -1) {
                out.pointee = continuation[(gap >> (5 * d)) & 31]
                out += 1
            }
            out.pointee = final[gap & 31]
            out += 1
        }
        count = out - base
    }

    private static let final = PostingCode.final
    private static let continuation = PostingCode.continuation
}
