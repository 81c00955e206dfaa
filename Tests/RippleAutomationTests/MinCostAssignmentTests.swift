import Testing
@testable import RippleAutomation

/// The solver against brute force: on every small case its total is the best any assignment reaches.
@Suite struct MinCostAssignmentTests {
    typealias Arc = MinCostAssignment.Arc

    /// The best total over every assignment that respects the capacities, by trying them all.
    static func bruteForce(_ candidates: [[Arc]], capacity: [Int]) -> Int {
        var left = capacity
        func go(_ i: Int) -> Int {
            guard i < candidates.count else { return 0 }
            var best = go(i + 1)
            for arc in candidates[i] where left[Int(arc.mentor)] > 0 {
                left[Int(arc.mentor)] -= 1
                best = max(best, Int(arc.score) + go(i + 1))
                left[Int(arc.mentor)] += 1
            }
            return best
        }
        return go(0)
    }

    /// Each mentee in turn takes its best free mentor.
    static func greedy(_ candidates: [[Arc]], capacity: [Int]) -> Int {
        var left = capacity
        var total = 0
        for arcs in candidates {
            guard let arc = arcs.filter({ left[Int($0.mentor)] > 0 }).max(by: { $0.score < $1.score }) else { continue }
            left[Int(arc.mentor)] -= 1
            total += Int(arc.score)
        }
        return total
    }

    @Test func beatsGreedyWhereTheFirstMenteeTakesTheOnlyMentorOfTheSecond() {
        // Mentee 0 slightly prefers mentor 0, which is mentee 1's only possible mentor.
        let candidates: [[Arc]] = [[Arc(mentor: 0, score: 10), Arc(mentor: 1, score: 9)], [Arc(mentor: 0, score: 9)]]
        let solved = MinCostAssignment(candidates: candidates, capacity: [1, 1])
        #expect(solved.assignment == [1, 0])
        #expect(MinCostAssignment.total(solved.assignment, candidates: candidates) == 18)
        #expect(Self.greedy(candidates, capacity: [1, 1]) == 10)
    }

    @Test func matchesBruteForceOnSmallRandomCases() {
        var random = SplitMix(seed: 42)
        var differsFromGreedy = 0
        for _ in 0..<600 {
            let n = random.next(1...7), m = random.next(1...4)
            let capacity = (0..<m).map { _ in random.next(0...2) }
            let candidates: [[Arc]] = (0..<n).map { _ in
                (0..<m).compactMap { j in random.next(0...3) == 0 ? nil : Arc(mentor: Int32(j), score: Int32(random.next(1...30))) }
            }
            let solved = MinCostAssignment(candidates: candidates, capacity: capacity)
            let best = Self.bruteForce(candidates, capacity: capacity)
            #expect(MinCostAssignment.total(solved.assignment, candidates: candidates) == best)
            var used = Array(repeating: 0, count: m)
            for case let mentor? in solved.assignment { used[Int(mentor)] += 1 }
            #expect(zip(used, capacity).allSatisfy { $0 <= $1 })
            // Every pair not taken prices as unable to raise the total: the potentials prove optimality.
            for (i, arcs) in candidates.enumerated() {
                for arc in arcs where solved.assignment[i] != arc.mentor {
                    #expect(!solved.improves(mentee: i, mentor: Int(arc.mentor), score: Int(arc.score)))
                }
            }
            if Self.greedy(candidates, capacity: capacity) < best { differsFromGreedy += 1 }
        }
        // The cases are hard enough that greedy often misses the best total.
        #expect(differsFromGreedy > 50)
    }

    @Test func sameInputSameAssignment() {
        let candidates: [[Arc]] = (0..<6).map { _ in (0..<3).map { Arc(mentor: Int32($0), score: 5) } }
        let a = MinCostAssignment(candidates: candidates, capacity: [1, 2, 1])
        let b = MinCostAssignment(candidates: candidates, capacity: [1, 2, 1])
        #expect(a.assignment == b.assignment)
        #expect(a.assignment.compactMap { $0 }.count == 4)
    }
}

/// A small deterministic generator for test cases.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
    }
}
