/// Where a goal stands.
package enum GoalStatus: String, CaseIterable, Hashable, Sendable {
    case open, achieved, dropped
}

/// A development goal a pair works on. Goal text is never published.
package struct Goal: Hashable, Sendable {
    /// Unique id.
    package var id: String
    /// Index of the pair in `Program.pairs`.
    package var pair: Int
    /// Index of the owner (one of the pair's two people) in `Program.participants`.
    package var owner: Int
    /// The competency worked on.
    package var competency: String?
    /// When the goal was set.
    package var created: Day
    /// When it should be reached.
    package var target: Day?
    /// When it was reached.
    package var completed: Day?
    /// Status.
    package var status: GoalStatus

    /// Creates a goal.
    package init(id: String, pair: Int, owner: Int, competency: String? = nil, created: Day, target: Day? = nil,
                 completed: Day? = nil, status: GoalStatus) {
        self.id = id; self.pair = pair; self.owner = owner; self.competency = competency; self.created = created
        self.target = target; self.completed = completed; self.status = status
    }
}
