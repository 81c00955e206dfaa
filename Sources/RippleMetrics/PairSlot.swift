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
}
