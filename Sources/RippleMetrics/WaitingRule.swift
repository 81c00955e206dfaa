import RippleCore

/// The one definition of a mentee waiting for a mentor: metrics.json's `mentees_waiting` counts with it, and
/// `ripple match` and `ripple followup` list with it, so the lists always hold exactly the people the figure counts.
package enum WaitingRule {
    /// A waiting mentee: participant index, and the day they have waited since.
    package struct Waiting: Hashable, Sendable {
        package var mentee: Int
        package var since: Day
    }

    /// The mentees waiting on `day`, in participant order: a mentee who has joined and not left by then, holds no
    /// pair then, and either asked for a mentor (`requested_date`, on or before `day`) after their last pair began,
    /// or gave no date and has never been paired. They wait since `requested_date`, else since they joined.
    /// With `upcoming`, a pair that starts after `day` already takes its mentee (`ripple match` must not suggest a
    /// second mentor); metrics leave it out, as they leave out everything dated after `as_of`.
    package static func waiting(in program: Program, on day: Day, upcoming: Bool = false) -> [Waiting] {
        let people = program.participants
        var paired = Array(repeating: false, count: people.count)
        var latestStart = Array(repeating: Day?.none, count: people.count)
        for pair in program.pairs where pair.start <= day || upcoming {
            if pair.holds(on: day) { paired[pair.mentee] = true }
            guard pair.start <= day else { continue }
            latestStart[pair.mentee] = max(latestStart[pair.mentee] ?? pair.start, pair.start)
        }
        return people.indices.compactMap { index in
            let person = people[index]
            guard person.roles.contains(.mentee), person.joined <= day, person.left.map({ $0 > day }) ?? true,
                  !paired[index] else { return nil }
            if let requested = person.requested {
                guard requested <= day, latestStart[index].map({ $0 < requested }) ?? true else { return nil }
            } else if latestStart[index] != nil {
                return nil
            }
            return Waiting(mentee: index, since: person.requested ?? person.joined)
        }
    }
}
