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
    }

    mutating func reset() {
        menteesPaired.reset(); menteesWithSessions.reset(); raters.reset(); mentorRaters.reset(); menteeRaters.reset()
        matchedMentees.reset(); returning.reset(); becameMentors.reset(); activePairs.reset()
    }
}
