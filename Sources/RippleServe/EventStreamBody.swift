/// The body of one Server-Sent Events connection: each build status as it comes, and a comment line every
/// `heartbeat` so that a closed browser tab is noticed (the write fails). It ends when the broadcaster closes;
/// finishing it (the server does when the connection ends) stops forwarding and pinging.
enum EventStreamBody {
    static func make(statuses: AsyncStream<BuildStatus>, heartbeat: Duration = .seconds(15)) -> PreviewResponse.Body {
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
        return .stream(chunks, continuation)
    }
}
