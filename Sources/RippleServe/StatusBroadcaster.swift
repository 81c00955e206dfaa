/// Holds the current build status and hands every change to the connected pages' event streams.
/// A new subscriber first gets the current status, so a page opened while the site is broken shows
/// the overlay at once.
package actor StatusBroadcaster {
    private var status: BuildStatus
    private var subscribers: [Int: AsyncStream<BuildStatus>.Continuation] = [:]
    private var nextID = 0
    private var isClosed = false

    /// Starts with a status (usually the first build's).
    package init(_ status: BuildStatus) {
        self.status = status
    }

    /// The latest status.
    package var current: BuildStatus { status }

    /// How many pages are listening.
    package var subscriberCount: Int { subscribers.count }

    /// Records a new status and sends it to every subscriber.
    package func publish(_ newStatus: BuildStatus) {
        status = newStatus
        for id in subscribers.keys.sorted() { subscribers[id]?.yield(newStatus) }
    }

    /// A stream of statuses starting with the current one; it ends when `close()` is called.
    package func subscribe() -> AsyncStream<BuildStatus> {
        let (stream, continuation) = AsyncStream<BuildStatus>.makeStream(bufferingPolicy: .bufferingNewest(8))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(status)
        return stream
    }

    /// Ends every stream, so open event connections close and the server can stop.
    package func close() {
        isClosed = true
        let all = subscribers
        subscribers = [:]
        for id in all.keys.sorted() { all[id]?.finish() }
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }
}
