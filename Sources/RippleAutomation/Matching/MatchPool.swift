import RippleCore
import RippleMetrics

/// Who `ripple match` works with on the reporting date: the mentees waiting for a mentor and the mentors with
/// room for another mentee, read from the program as it is.
package struct MatchPool: Sendable {
    /// Participant indices of the waiting mentees, in participant order.
    package var mentees: [Int]
    /// The day each waiting mentee has waited since (`requested_date`, else the joined date), by position in `mentees`.
    package var waitingSince: [Day]
    /// Participant indices of mentors with room, in participant order.
    package var mentors: [Int]
    /// Mentees each of `mentors` can still take.
    package var capacityLeft: [Int]
    /// Ongoing or upcoming pairs each participant mentors, by participant index.
    package var mentorLoad: [Int]

    /// Reads the pool from `program` on `asOf` (`Pair.holds(on:)` says which pairs take their people).
    package init(program: Program, asOf: Day, defaultCapacity: Int) {
        let people = program.participants
        var load = Array(repeating: 0, count: people.count)
        for pair in program.pairs where pair.holds(on: asOf) { load[pair.mentor] += 1 }
        let waiting = WaitingRule.waiting(in: program, on: asOf, upcoming: true)
        mentees = waiting.map(\.mentee)
        waitingSince = waiting.map(\.since)
        func present(_ p: Participant) -> Bool { p.left.map { $0 > asOf } ?? true }
        mentors = []; capacityLeft = []
        for (index, person) in people.enumerated() where person.roles.contains(.mentor) && present(person) {
            let left = (person.mentorCapacity ?? defaultCapacity) - load[index]
            guard left > 0 else { continue }
            mentors.append(index)
            capacityLeft.append(left)
        }
        mentorLoad = load
    }
}
