/// How long each stage of a build took, in the order they ran (`ripple build --verbose`, the benchmark).
package struct StageTimings: Sendable {
    /// (stage name, duration) pairs.
    package private(set) var entries: [(stage: String, duration: Duration)] = []

    /// No timings yet.
    package init() {}

    /// Runs `body`, recording its duration under `stage`.
    package mutating func measure<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = ContinuousClock.now
        defer { entries.append((stage, ContinuousClock.now - start)) }
        return try body()
    }

    /// Records a stage measured elsewhere (work that ran beside other stages).
    package mutating func record(_ stage: String, _ duration: Duration) { entries.append((stage, duration)) }

    /// Appends the entries of another set.
    package mutating func append(_ other: StageTimings) { entries += other.entries }

    /// `load 12 ms, data 840 ms, …`.
    package var summary: String {
        entries.map { "\($0.stage) \(Self.milliseconds($0.duration)) ms" }.joined(separator: ", ")
    }

    /// A duration in whole milliseconds.
    package static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
