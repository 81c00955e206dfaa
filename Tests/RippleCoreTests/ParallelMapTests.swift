import RippleCore
import Synchronization
import Testing

@Suite struct ParallelMapTests {
    /// Counts live instances, to see that `parallelMapReleasing` lets go of each item.
    final class Tracked: Sendable {
        static let live = Mutex(0)
        let value: Int
        init(_ value: Int) { self.value = value; Self.live.withLock { $0 += 1 } }
        deinit { Self.live.withLock { $0 -= 1 } }
    }

    @Test func keepsTheOrder() {
        let numbers = Array(0..<5_000)
        #expect(numbers.parallelMap { $0 * 2 } == numbers.map { $0 * 2 })
        #expect(numbers.parallelMapReleasing { $0 * 3 } == numbers.map { $0 * 3 })
        #expect([Int]().parallelMapReleasing { $0 }.isEmpty)
    }

    @Test func transformsEveryItemOnceAndKeepsNone() {
        let before = Tracked.live.withLock { $0 }
        let taken = Mutex(0)
        let values = (0..<1_000).map(Tracked.init).parallelMapReleasing { item in
            taken.withLock { $0 += 1 }
            return item.value
        }
        #expect(values == Array(0..<1_000))
        #expect(taken.withLock { $0 } == 1_000)
        #expect(Tracked.live.withLock { $0 } == before)
    }
}
