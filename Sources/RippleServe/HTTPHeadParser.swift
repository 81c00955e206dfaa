/// Reads request heads from the bytes of one connection as they arrive, with hard limits, so that a huge or
/// endless request line or header block is refused as soon as it passes the limit instead of being buffered.
///
/// Linear in the bytes received: every byte is looked at once when it arrives (the scan resumes where it stopped)
/// and once more when the finished head is split into fields. Bytes after a head stay for the next request on the
/// connection; consumed heads are dropped from the buffer once per read, not once per head.
package struct HTTPHeadParser: Sendable {
    /// The longest request line (method, target and version) accepted; longer gets 414.
    package static let maxRequestLine = 8 * 1024
    /// The most header bytes (every field line with its line ends) accepted; more gets 431.
    package static let maxHeaderBytes = 32 * 1024

    /// Why a head is refused: the status to answer with and a one-line reason for the body.
    package struct Failure: Error, Equatable, Sendable {
        package var status: Int
        package var reason: String

        static let requestLineTooLong = Failure(status: 414, reason: "The request line is longer than 8 KiB.")
        static let headersTooLarge = Failure(status: 431, reason: "The request's headers are larger than 32 KiB.")
        static func malformed(_ what: String) -> Failure { Failure(status: 400, reason: "Malformed request: \(what).") }
    }

    /// What the bytes so far amount to.
    package enum Outcome: Equatable, Sendable {
        /// The head is not complete yet.
        case needMore
        /// A complete head (its bytes are consumed).
        case head(HTTPRequestHead)
        /// A head that is refused; the connection should answer and close.
        case failed(Failure)
    }

    private var buffer: [UInt8] = []
    /// Where the bytes not yet taken by a head begin.
    private var start = 0
    /// Bytes of `buffer` already searched for line ends.
    private var scanned = 0
    /// Where the line being scanned starts.
    private var lineStart = 0
    /// The request line's start and end (its LF), once found; empty lines before it are skipped (RFC 9112 §2.2).
    private var requestLine: Range<Int>?

    package init() {}

    /// Adds bytes read from the connection and says whether they complete a head.
    package mutating func append(_ bytes: some Collection<UInt8>) -> Outcome {
        if start > 0 {
            buffer.removeFirst(start)
            scanned -= start
            lineStart -= start
            requestLine = requestLine.map { ($0.lowerBound - start)..<($0.upperBound - start) }
            start = 0
        }
        buffer.append(contentsOf: bytes)
        return next()
    }

    /// The next head from bytes already received (after a keep-alive response, the client may have sent it).
    package mutating func next() -> Outcome {
        while scanned < buffer.count {
            let index = scanned
            scanned += 1
            guard buffer[index] == 0x0A else { continue }
            let line = lineStart..<index
            lineStart = index + 1
            let isEmpty = line.isEmpty || (line.count == 1 && buffer[line.lowerBound] == 0x0D)
            if let requestLine {
                if isEmpty { return finish(requestLine: requestLine, end: index + 1) }
            } else if !isEmpty {
                if Self.trimmedCR(buffer[line]).count > Self.maxRequestLine { return .failed(.requestLineTooLong) }
                requestLine = line
            }
        }
        if let requestLine {
            if buffer.count - requestLine.upperBound > Self.maxHeaderBytes { return .failed(.headersTooLarge) }
        } else if buffer.count - lineStart > Self.maxRequestLine + 1 || lineStart - start > Self.maxRequestLine {
            // The line so far (maybe without its CR yet) is too long, or too many empty lines came first.
            return .failed(.requestLineTooLong)
        }
        return .needMore
    }

    /// Splits the head ending before `end` into its parts and marks its bytes as taken.
    private mutating func finish(requestLine: Range<Int>, end: Int) -> Outcome {
        // The checks in `next()` run per read; a head that ends inside the read that passes a limit is caught here.
        if end - requestLine.upperBound - 1 > Self.maxHeaderBytes { return .failed(.headersTooLarge) }
        let head = buffer[start..<end]
        let headerLines = Self.lines(head[(requestLine.upperBound + 1)...])
        let outcome: Outcome
        do {
            outcome = .head(try Self.parse(requestLine: Self.trimmedCR(head[requestLine]), headers: headerLines))
        } catch {
            outcome = .failed(error)
        }
        start = end
        scanned = end
        lineStart = end
        self.requestLine = nil
        return outcome
    }

    private static func parse(requestLine: ArraySlice<UInt8>, headers: [ArraySlice<UInt8>]) throws(Failure) -> HTTPRequestHead {
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw .malformed("bad request line") }
        // Visible ASCII only: a target can then be echoed in a Location header as it is.
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .malformed("bad request target") }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw Failure(status: 505, reason: "Only HTTP/1.1 and HTTP/1.0 are supported.")
        }
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(headers.count)
        for raw in headers {
            let line = trimmedCR(raw)
            if line.isEmpty { continue }
            // Obsolete line folding, a space before the colon and control characters are refused (RFC 9112 §5).
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  line[..<colon].allSatisfy(isTokenByte) else { throw .malformed("bad header line") }
            var value = line[(colon + 1)...]
            while let first = value.first, first == 0x20 || first == 0x09 { value.removeFirst() }
            while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
            guard !value.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else {
                throw .malformed("control character in a header")
            }
            fields.append((String(decoding: line[..<colon], as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self)))
        }
        let head = HTTPRequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                                   version: version, fields: fields)
        guard head.fields.count(where: { $0.name == "host" }) <= 1 else { throw .malformed("more than one Host header") }
        return head
    }

    /// The lines of a head block (LF-separated; a CR before the LF is removed later).
    private static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }

    private static func trimmedCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == 0x0D ? line.dropLast() : line
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): return true
        default: return false
        }
    }
}
