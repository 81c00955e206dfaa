import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking HTTP/1.1 client over a loopback socket, so tests see exactly what the server sends
/// (no redirect following, no caching). Every read has a timeout; calls run off the cooperative pool.
struct RawHTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    let port: UInt16

    /// Sends one request with `Connection: close` and reads the whole response.
    func send(_ method: String = "GET", _ target: String, headers: [String: String] = [:]) async throws -> Response {
        let port = self.port
        return try await Self.offPool {
            let socket = try Self.connect(port: port)
            defer { close(socket) }
            // A Host given in `headers` replaces the default one.
            var request = "\(method) \(target) HTTP/1.1\r\nHost: \(headers["Host"] ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) where name != "Host" { request += "\(name): \(value)\r\n" }
            try Self.write(socket, request + "\r\n")
            var data: [UInt8] = []
            while let chunk = try Self.read(socket) { data += chunk }
            return try Self.parse(data, head: method == "HEAD")
        }
    }

    /// Opens a Server-Sent Events stream and reads until `until` holds for the text received so far
    /// (or the time runs out). Returns everything read.
    func events(seconds: Double = 10, until: @escaping @Sendable (String) -> Bool) async throws -> String {
        let port = self.port
        return try await Self.offPool {
            let socket = try Self.connect(port: port, timeout: 0.2)
            defer { close(socket) }
            try Self.write(socket, "GET /__ripple/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            var data: [UInt8] = []
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                do {
                    guard let chunk = try Self.read(socket) else { break }
                    data += chunk
                } catch Failure.timedOut { }
                if until(String(decoding: data, as: UTF8.self)) { break }
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// Sends `bytes` as they are (a request, maybe a hostile one) and reads the response until the server closes.
    /// A write the server cuts short (it answered and stopped reading) is not an error: its answer is still read.
    func sendRaw(_ bytes: [UInt8]) async throws -> Response {
        let port = self.port
        return try await Self.offPool {
            let socket = try Self.connect(port: port)
            defer { close(socket) }
            try? Self.write(socket, bytes)
            var data: [UInt8] = []
            while let chunk = try Self.read(socket) { data += chunk }
            return try Self.parse(data, head: false)
        }
    }

    /// Sends `prefix`, then one more byte of `rest` each time `pace` passes with no answer (the read timeout
    /// paces it: no sleep), until the server closes the connection or `rest` runs out. Returns how many bytes
    /// of `rest` were sent and whether the server closed without answering.
    func dribble(_ prefix: String, _ rest: String, pace: Double) async throws -> (sent: Int, closedSilently: Bool) {
        let port = self.port
        return try await Self.offPool {
            let socket = try Self.connect(port: port, timeout: pace)
            defer { close(socket) }
            try Self.write(socket, prefix)
            var sent = 0
            for byte in Array(rest.utf8) {
                do {
                    let answer = try Self.read(socket)
                    return (sent, answer == nil)
                } catch Failure.timedOut {
                } catch Failure.connect(ECONNRESET) {
                    return (sent, true)  // closed with a byte of ours unread
                }
                guard (try? Self.write(socket, [byte])) != nil else { return (sent, true) }
                sent += 1
            }
            return (sent, false)
        }
    }

    /// Opens a connection that sends nothing yet; the caller closes the descriptor.
    func openIdle() throws -> Int32 { try Self.connect(port: port, timeout: 20) }

    /// On a connection from `openIdle`: sends `text` (if any), reads until the server closes. Off the cooperative
    /// threads, which the server needs meanwhile.
    static func finish(_ socket: Int32, sending text: String = "") async throws -> Response {
        try await offPool {
            if !text.isEmpty { try write(socket, text) }
            var data: [UInt8] = []
            while let chunk = try read(socket) { data += chunk }
            return try parse(data, head: false)
        }
    }

    enum Failure: Error { case connect(Int32), timedOut, malformed }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func connect(port: UInt16, timeout: Double = 30) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.connect(errno) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure.connect(code)
        }
        return fd
    }

    private static func write(_ fd: Int32, _ text: String) throws {
        try write(fd, Array(text.utf8))
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure.connect(errno) }
            sent += n
        }
    }

    /// One read: bytes, nil at end of stream; throws `timedOut` when nothing came in time.
    private static func read(_ fd: Int32) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { return nil }
        if n < 0 { throw errno == EAGAIN || errno == EWOULDBLOCK ? Failure.timedOut : Failure.connect(errno) }
        return Array(buffer[0..<n])
    }

    private static func parse(_ data: [UInt8], head: Bool) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard data.count >= separator.count, let end = (0...(data.count - separator.count)).first(where: { Array(data[$0..<$0 + 4]) == separator }) else {
            throw Failure.malformed
        }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure.malformed }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if head { body = [] }
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], index = 0
        while let lineEnd = (index..<max(index, data.count - 1)).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }),
              let size = Int(String(decoding: data[index..<lineEnd], as: UTF8.self), radix: 16), size > 0 {
            out += data[(lineEnd + 2)..<min(data.count, lineEnd + 2 + size)]
            index = lineEnd + 2 + size + 2
        }
        return out
    }
}
