import RippleCore

/// Completed-session facts about one pair in one period, gathered in the single session pass.
struct PairSlot {
    /// Completed sessions in the period.
    var completed: Int32 = 0
    /// Of those, led by the mentee.
    var menteeLed: Int32 = 0
    /// Ordinal of the last completed session on or before the period's end (`Int32.min` when none).
    var last: Int32 = .min
    /// Bit 1: the mentor rated a session; bit 2: the mentee did.
    var raters: UInt8 = 0
    /// Cancelled or no-show sessions in the period.
    var missed: Int32 = 0
}

/// Completed-session totals of one period.
struct SessionTotals {
    var completed = 0
    var minutes = 0
    var ratingSum = 0
    var ratingCount = 0
    var ledByMentor = 0
    var ledByMentee = 0
    var ledJointly = 0
    var mentorRatingSum = 0
    var mentorRatingCount = 0
    var cancelled = 0
    var noShow = 0
}

/// The few fields of a completed session the tallies need, read once.
struct SessionFact {
    var minutes: Int
    var ratingMentor: Int8?
    var ratingMentee: Int8?
    var ledBy: SessionLead

    init(_ session: Session) {
        minutes = session.durationMinutes
        ratingMentor = session.ratingMentor
        ratingMentee = session.ratingMentee
        ledBy = session.ledBy
    }

    func add(to totals: inout SessionTotals) {
        totals.completed += 1
        totals.minutes += minutes
        if let rating = ratingMentor {
            totals.ratingSum += Int(rating); totals.ratingCount += 1
            totals.mentorRatingSum += Int(rating); totals.mentorRatingCount += 1
        }
        if let rating = ratingMentee { totals.ratingSum += Int(rating); totals.ratingCount += 1 }
        switch ledBy {
        case .mentor: totals.ledByMentor += 1
        case .mentee: totals.ledByMentee += 1
        case .joint: totals.ledJointly += 1
        }
    }

    func record(in slot: inout PairSlot) {
        slot.completed += 1
        if ledBy == .mentee { slot.menteeLed += 1 }
        if ratingMentor != nil { slot.raters |= 1 }
        if ratingMentee != nil { slot.raters |= 2 }
    }
}
