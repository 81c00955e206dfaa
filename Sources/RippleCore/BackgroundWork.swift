import Dispatch
import Synchronization

/// Work started on another thread at once, whose result (and how long it took) is collected with `wait()`.
/// For a build's one-core steps that can run beside others (merging the search index beside the link check).
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // @unchecked: the group is only entered here and left by the work; the result is behind a mutex.
    private let group = DispatchGroup()
    private let result = Mutex<(Value, Duration)?>(nil)

    /// Starts `work` on a background thread.
    package init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async { [self] in
            let start = ContinuousClock.now
            let value = work()
            result.withLock { $0 = (value, ContinuousClock.now - start) }
            group.leave()
        }
    }

    /// Waits for the work to finish; its result and duration.
    package func wait() -> (Value, Duration) {
        group.wait()
        return result.withLock { $0! }
    }
}
