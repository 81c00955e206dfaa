/// A reusable set of participant indices, cleared in O(1) by bumping a generation stamp.
///
/// The engine counts distinct people per period many times over; allocating a `Set` each
/// time would dominate the run time on large programs.
struct Marks {
    private var stamp: [Int32]
    private var generation: Int32 = 1
    /// Distinct indices inserted since the last `reset()`.
    private(set) var count = 0

    init(size: Int) { stamp = Array(repeating: 0, count: size) }

    /// Empties the set.
    mutating func reset() { generation += 1; count = 0 }

    /// Inserts an index; `true` when it was new.
    @discardableResult
    mutating func insert(_ index: Int) -> Bool {
        if stamp[index] == generation { return false }
        stamp[index] = generation
        count += 1
        return true
    }

    /// Whether an index was inserted since the last `reset()`.
    func contains(_ index: Int) -> Bool { stamp[index] == generation }
}
