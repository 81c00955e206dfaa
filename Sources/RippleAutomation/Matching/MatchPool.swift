import RippleCore

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
        var paired = Array(repeating: false, count: people.count)
        var latestStart = Array(repeating: Day?.none, count: people.count)
        for pair in program.pairs {
            latestStart[pair.mentee] = max(latestStart[pair.mentee] ?? pair.start, pair.start)
            guard pair.holds(on: asOf) else { continue }
            load[pair.mentor] += 1
            paired[pair.mentee] = true
        }
        func present(_ p: Participant) -> Bool { p.left.map { $0 > asOf } ?? true }
        mentees = []; waitingSince = []
        for (index, person) in people.enumerated() where person.roles.contains(.mentee) && present(person) && !paired[index] {
            // Waiting: asked after the last pair began, or never paired at all.
            if let requested = person.requested {
                guard latestStart[index].map({ $0 < requested }) ?? true else { continue }
            } else if latestStart[index] != nil { continue }
            mentees.append(index)
            waitingSince.append(person.requested ?? person.joined)
        }
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
