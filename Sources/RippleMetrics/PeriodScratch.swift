/// Reusable distinct-people sets for counting one period at a time.
struct PeriodScratch {
    var menteesPaired: Marks
    var menteesWithSessions: Marks
    var raters: Marks
    /// Mentors (`mentorRaters`) and mentees (`menteeRaters`) who rated a session, each in that role.
    var mentorRaters: Marks
    var menteeRaters: Marks
    var matchedMentees: Marks
    var returning: Marks
    var becameMentors: Marks
    /// Pairs active in the period.
    var activePairs: Marks
    /// People in an active pair; in the mentor role, in the mentee role (both roles in a reciprocal cohort's pair).
    var paired: Marks
    var pairedMentors: Marks
    var pairedMentees: Marks

    init(people: Int, pairs: Int) {
        activePairs = Marks(size: pairs)
        menteesPaired = Marks(size: people)
        menteesWithSessions = menteesPaired
        raters = menteesPaired
        mentorRaters = menteesPaired
        menteeRaters = menteesPaired
        matchedMentees = menteesPaired
        returning = menteesPaired
        becameMentors = menteesPaired
        paired = menteesPaired
        pairedMentors = menteesPaired
        pairedMentees = menteesPaired
    }

    mutating func reset() {
        menteesPaired.reset(); menteesWithSessions.reset(); raters.reset(); mentorRaters.reset(); menteeRaters.reset()
        matchedMentees.reset(); returning.reset(); becameMentors.reset(); activePairs.reset()
        paired.reset(); pairedMentors.reset(); pairedMentees.reset()
    }
}
