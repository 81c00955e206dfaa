/// The main counts of a period split by one attribute of people (department or level).
///
/// Pairs and sessions are attributed to the mentee's group, so each row adds up to the period's
/// total (`participants_active`, `pairs_active`, `sessions_completed`, `participants_enrolled`). Cells that describe fewer
/// than `privacy.minGroupSize` people are `nil`, and so is at least one more cell of the same row,
/// so a hidden cell can never be worked out from the total.
package struct Breakdown: Sendable, Hashable {
    /// The JSON key: `by_department` or `by_level`.
    package var key: String
    /// Group names (departments or levels), sorted.
    package var groups: [String]
    /// Active participants (people in an active pair) per group.
    package var participants: [Int?]
    /// Active pairs per group of the mentee.
    package var pairs: [Int?]
    /// Completed sessions per group of the mentee.
    package var sessions: [Int?]
    /// Enrolled participants (paired or not) per group.
    package var enrolled: [Int?]

    /// The rows in output order, with their JSON names.
    package var rows: [(name: String, values: [Int?])] {
        [("participants", participants), ("pairs", pairs), ("sessions", sessions), ("enrolled", enrolled)]
    }

    /// The `suppressed` key of one cell, such as `by_department.pairs[Legal]`.
    package func cellKey(row: String, group: String) -> String { "\(key).\(row)[\(group)]" }

    /// Creates a breakdown with every cell zero.
    package init(key: String, groups: [String]) {
        self.key = key
        self.groups = groups
        participants = Array(repeating: 0, count: groups.count)
        pairs = participants
        sessions = participants
        enrolled = participants
    }

    /// Replaces the row at `index` of `rows`.
    package mutating func setRow(_ index: Int, _ values: [Int?]) {
        switch index {
        case 0: participants = values
        case 1: pairs = values
        case 2: sessions = values
        default: enrolled = values
        }
    }
}
