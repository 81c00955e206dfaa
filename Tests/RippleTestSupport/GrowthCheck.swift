import Dispatch
import Foundation

/// Checks that a piece of work grows no faster than n log n, for the scaling tests the hardening issue asks for.
///
/// It counts the CPU time of the thread that runs the work, not the time on the clock, so other tests running
/// beside it on the same cores do not change what it measures (the work must run on that one thread). Each size
/// is run a few times and the best time is kept; only the ratio between consecutive sizes is compared (never a
/// time against a fixed number), against n log n growth times a generous constant; times under `floor` count as
/// `floor` (there the clock's grain dominates). A size that runs far past what the bound allows fails at once
/// instead of running on (its work is left to finish on a background thread), so a regression to quadratic time
/// fails in seconds, not hours.
public struct GrowthCheck {
    /// How much slower than n log n growth a step may be.
    public var slack = 3.0
    /// Runs of each size; the best counts.
    public var runs = 3
    /// The shortest time measured.
    public var floor: Duration = .milliseconds(20)

    /// A check with the default slack, runs and floor.
    public init() {}

    /// One step that grew too fast.
    public struct Failure: CustomStringConvertible, Sendable {
        public var from: Int, to: Int
        public var before: Duration, after: Duration?
        public var allowed: Double
        public var description: String {
            let after = self.after.map { "\($0)" } ?? "more than the allowed time (stopped waiting)"
            return "n = \(from) → \(to): \(before) → \(after); n log n allows ×\(String(format: "%.1f", allowed))"
        }
    }

    /// n log₂ n, with log₂ n at least 1 so n = 1 is not zero.
    public static func growth(_ n: Int) -> Double { Double(n) * Swift.max(1, log2(Double(n))) }

    /// Measures `work` at each size (ascending) and returns the first step that grew faster than allowed, or nil.
    /// `prepare` builds the input outside the timing; `measure` says how big an input is (by default its size:
    /// give it when the work's natural n is not the parameter, e.g. the published figures of n departments).
    public func firstFailure<Input: Sendable>(sizes: [Int], prepare: (Int) -> Input, measure: ((Input) -> Int)? = nil,
                                              work: @escaping @Sendable (Input) -> Void)
        -> (failure: Failure?, times: [Int: Duration]) {
        var times: [Int: Duration] = [:]
        var previous: (n: Int, weight: Int, time: Duration)?
        for n in sizes {
            let input = prepare(n)
            let weight = measure?(input) ?? n
            var allowed = Double.infinity
            var deadline: Duration?
            if let previous {
                allowed = slack * Self.growth(weight) / Self.growth(previous.weight)
                deadline = Swift.max(previous.time, floor) * allowed
            }
            var best: Duration?
            for _ in 0..<runs {
                guard let time = Self.timed(input, work: work, deadline: deadline) else {
                    return (Failure(from: previous!.n, to: n, before: previous!.time, after: nil, allowed: allowed), times)
                }
                best = Swift.min(best ?? time, time)
            }
            let time = best!
            times[n] = time
            if let previous, time > Swift.max(previous.time, floor) * allowed {
                return (Failure(from: previous.n, to: n, before: previous.time, after: time, allowed: allowed), times)
            }
            previous = (n, weight, time)
        }
        return (nil, times)
    }

    /// The time of one run, or nil when it ran past `deadline` (the run is left to finish in the background).
    private static func timed<Input: Sendable>(_ input: Input, work: @escaping @Sendable (Input) -> Void,
                                               deadline: Duration?) -> Duration? {
        let done = DispatchSemaphore(value: 0)
        let elapsed = Elapsed()
        DispatchQueue.global().async {
            let start = threadCPUTime()
            work(input)
            elapsed.set(threadCPUTime() - start)
            done.signal()
        }
        guard let deadline else {
            done.wait()
            return elapsed.value
        }
        // The deadline is CPU time, while the thread may get only part of a core: the wait on the clock is
        // `wallSlack` times longer (a run that ends within it is judged by its CPU time, by the caller).
        let seconds = wallSlack * (Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18)
        return done.wait(timeout: .now() + seconds) == .timedOut ? nil : elapsed.value
    }

    /// How many times longer than its allowed CPU time a run may take on the clock before it is given up.
    private static let wallSlack = 5.0

    /// The CPU time the calling thread has used.
    private static func threadCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    /// A duration handed from the worker thread (read after the semaphore).
    private final class Elapsed: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Duration = .zero
        var value: Duration { lock.withLock { stored } }
        func set(_ value: Duration) { lock.withLock { stored = value } }
    }
}
