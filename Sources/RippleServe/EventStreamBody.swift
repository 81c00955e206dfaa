import FlyingSocks

/// An endless byte sequence for one Server-Sent Events connection: each build status as it comes,
/// and a comment line every `heartbeat` so that a closed browser tab is noticed (the write fails).
/// Sent with chunked transfer encoding, it ends when the broadcaster closes.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    private let chunks: AsyncStream<[UInt8]>

    init(statuses: AsyncStream<BuildStatus>, heartbeat: Duration = .seconds(15)) {
        let (chunks, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        // Tells the browser to wait a second before reconnecting after the server restarts.
        continuation.yield(Array("retry: 1000\n\n".utf8))
        let forward = Task {
            for await status in statuses { continuation.yield(Array(status.serverSentEvent.utf8)) }
            continuation.finish()
        }
        let ping = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                continuation.yield(Array(": ping\n\n".utf8))
            }
        }
        continuation.onTermination = { _ in
            forward.cancel()
            ping.cancel()
        }
        self.chunks = chunks
    }

    func makeAsyncIterator() -> Iterator { Iterator(base: chunks.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            let taken = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
