/// Whether a session took place.
package enum SessionStatus: String, CaseIterable, Hashable, Sendable {
    case completed, cancelled
    case noShow = "no_show"
}

/// Who led a session; `mentee` is a role swap.
package enum SessionLead: String, CaseIterable, Hashable, Sendable {
    case mentor, mentee, joint
}

/// How a session was held.
package enum SessionFormat: String, CaseIterable, Hashable, Sendable {
    case inPerson = "in_person"
    case video, phone
}

/// One meeting of a pair.
package struct Session: Hashable, Sendable {
    /// Unique id.
    package var id: String
    /// Index of the pair in `Program.pairs`.
    package var pair: Int
    /// Date of the meeting.
    package var date: Day
    /// Length in minutes.
    package var durationMinutes: Int
    /// Status (default `completed`).
    package var status: SessionStatus
    /// Who led it (default `mentor`).
    package var ledBy: SessionLead
    /// How it was held.
    package var format: SessionFormat?
    /// The mentor's rating, 1–5.
    package var ratingMentor: Int8?
    /// The mentee's rating, 1–5.
    package var ratingMentee: Int8?
    /// Topics discussed.
    package var topics: [String]

    /// Creates a session.
    package init(id: String, pair: Int, date: Day, durationMinutes: Int, status: SessionStatus = .completed,
                 ledBy: SessionLead = .mentor, format: SessionFormat? = nil, ratingMentor: Int8? = nil,
                 ratingMentee: Int8? = nil, topics: [String] = []) {
        self.id = id; self.pair = pair; self.date = date; self.durationMinutes = durationMinutes
        self.status = status; self.ledBy = ledBy; self.format = format
        self.ratingMentor = ratingMentor; self.ratingMentee = ratingMentee; self.topics = topics
    }
}
