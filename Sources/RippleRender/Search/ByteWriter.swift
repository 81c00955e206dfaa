import RippleCore

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

    /// Appends UTF-8 text escaped for a JSON string inside a script (`JSONString.escape` with `script: true`).
    mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(JSONString.escapedBound(text.count))
        count += JSONString.escape(text, into: base + count, script: true)
    }

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
