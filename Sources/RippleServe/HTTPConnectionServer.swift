import FlyingSocks
import Foundation
import Synchronization

/// The preview's HTTP/1.1 server: accepts connections on one address and answers each request head with what
/// `respond` returns, keeping connections alive between requests.
///
/// It reads request heads itself (`HTTPHeadParser`) so that every limit is enforced while reading: a request line
/// over 8 KiB gets 414, headers over 32 KiB get 431, a head that has not fully arrived within `Limits.headTimeout`
/// closes the connection (a client sending a byte a second is dropped), a response the client does not read within
/// `Limits.writeTimeout` closes it, and past `Limits.maxConnections` a new connection gets 503. Sockets and the
/// event loop are FlyingSocks'.
final class HTTPConnectionServer: Sendable {
    /// How much one client may take.
    struct Limits: Sendable {
        /// Time for a whole request head to arrive, counted from when the connection is ready for it (also how
        /// long an idle kept-alive connection stays open).
        var headTimeout: Duration = .seconds(5)
        /// Time for one response (or one chunk of the event stream) to be taken by the client.
        var writeTimeout: Duration = .seconds(30)
        /// Connections served at once; each open page holds one for its live-reload events.
        var maxConnections = 64
    }

    typealias Respond = @Sendable (HTTPRequestHead) async -> PreviewResponse

    private let listener: AsyncSocket
    private let pool: any AsyncSocketPool
    private let limits: Limits
    private let respond: Respond
    private let state = Mutex(State())

    private struct State {
        var connections: [Int: Task<Void, Never>] = [:]
        var nextID = 0
        var loops: [Task<Void, any Error>] = []
    }

    /// Binds and listens on `address` (throws FlyingSocks' `SocketError` when that fails), then serves in the background.
    init(address: some SocketAddress, limits: Limits = Limits(), respond: @escaping Respond) async throws {
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
            let pool: some AsyncSocketPool = .make()
            try await pool.prepare()
            self.pool = pool
            self.listener = try AsyncSocket(socket: socket, pool: pool)
        } catch {
            try? socket.close()
            throw error
        }
        self.limits = limits
        self.respond = respond
        let pool = self.pool
        let loops = [Task { try await pool.run() }, Task { [self] in try await acceptLoop() }]
        state.withLock { $0.loops = loops }
    }

    /// The port the listener is bound to.
    var port: UInt16? {
        switch try? listener.socket.sockname() {
        case .ip4(_, let port)?, .ip6(_, let port)?: port
        default: nil
        }
    }

    /// Stops accepting, ends every connection (open event streams included) and waits for them.
    func stop() async {
        let (pool, accepting) = state.withLock { state in
            defer { state.loops = [] }
            return (state.loops.first, state.loops.last)
        }
        // The accept loop ends before the listener closes: a closed descriptor's number is soon reused (by
        // another server's listener, say), and an accept on it would take that one's connections.
        accepting?.cancel()
        _ = await accepting?.result
        try? listener.close()
        let connections = state.withLock { state in
            defer { state.connections = [:] }
            return Array(state.connections.values)
        }
        for task in connections { task.cancel() }
        for task in connections { await task.value }
        pool?.cancel()
        _ = await pool?.result
    }

    private func acceptLoop() async throws {
        for try await socket in listener.sockets {
            let admitted = state.withLock { state in
                guard state.connections.count < limits.maxConnections else { return false }
                state.nextID += 1
                let id = state.nextID
                // Made under the lock, so that it cannot end (and remove itself) before it is recorded.
                state.connections[id] = Task { [self] in
                    await serve(socket)
                    try? socket.close()
                    _ = self.state.withLock { $0.connections.removeValue(forKey: id) }
                }
                return true
            }
            if !admitted {
                // Answered at once without reading the request (a fresh socket's buffer takes it without waiting).
                try? await Self.withDeadline(.seconds(1)) { [self] in
                    try await write(PreviewResponse.plain(503, "Too many connections to the preview; close some of its tabs.\n",
                                                          closesConnection: true), keepAlive: false, to: socket)
                }
                try? socket.close()
            }
        }
    }

    /// Answers the requests of one connection until it closes, fails a limit, or the server stops.
    private func serve(_ socket: AsyncSocket) async {
        var parser = HTTPHeadParser()
        while !Task.isCancelled {
            let outcome: HTTPHeadParser.Outcome
            do {
                (parser, outcome) = try await Self.withDeadline(limits.headTimeout) { [parser] in
                    try await Self.readHead(from: socket, parser: parser)
                }
            } catch {
                return  // timed out, closed by the client, or the server stops
            }
            switch outcome {
            case .needMore:
                return
            case .failed(let failure):
                try? await write(PreviewResponse.plain(failure.status, failure.reason + "\n", closesConnection: true),
                                 keepAlive: false, to: socket)
                await Self.drain(socket)
                return
            case .head(let head):
                var response = await respond(head)
                // One place for every response, refusals included: a body after a HEAD answer would be read
                // as the next response.
                if head.method == "HEAD" { response = response.withoutBody() }
                let keepAlive = head.keepsAlive && !response.closesConnection && !Self.isStream(response)
                do { try await write(response, keepAlive: keepAlive, to: socket) } catch { return }
                if !keepAlive { return }
            }
        }
    }

    /// Reads until `parser` has a head (or refuses one); `.needMore` means the client closed the connection.
    private static func readHead(from socket: AsyncSocket, parser: HTTPHeadParser) async throws -> (HTTPHeadParser, HTTPHeadParser.Outcome) {
        var parser = parser
        var outcome = parser.next()
        while outcome == .needMore {
            let bytes = try await socket.read(atMost: 4096)
            if bytes.isEmpty { return (parser, .needMore) }
            outcome = parser.append(bytes)
        }
        return (parser, outcome)
    }

    /// After refusing a request that may still be arriving: stop sending, then read and drop what comes for a
    /// moment, so that closing does not reset the connection before the client has read the refusal.
    private static func drain(_ socket: AsyncSocket) async {
        shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        _ = try? await withDeadline(.seconds(2)) {
            var total = 0
            // Bounded in bytes too: a client may send without end.
            while total < 16 << 20 {
                let bytes = try await socket.read(atMost: 4096)
                if bytes.isEmpty { break }
                total += bytes.count
            }
        }
    }

    private static func isStream(_ response: PreviewResponse) -> Bool {
        if case .stream = response.body { true } else { false }
    }

    /// Sends the response, each write bounded by `writeTimeout`.
    private func write(_ response: PreviewResponse, keepAlive: Bool, to socket: AsyncSocket) async throws {
        let head = response.encodedHead(keepAlive: keepAlive)
        switch response.body {
        case .bytes(let bytes):
            try await Self.withDeadline(limits.writeTimeout) { try await socket.write(Data(head + bytes)) }
        case .stream(let chunks, let producer):
            // Ending the stream stops what feeds it, however the connection ends.
            defer { producer.finish() }
            try await Self.withDeadline(limits.writeTimeout) { try await socket.write(Data(head)) }
            for await chunk in chunks {
                try await Self.withDeadline(limits.writeTimeout) { try await socket.write(Data(chunk)) }
            }
        }
    }

    struct TimedOut: Error {}

    /// Runs `operation`, cancelling it when it takes longer than `limit`; cancelling the caller cancels it too.
    static func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TimedOut() }
            return value
        }
    }
}
