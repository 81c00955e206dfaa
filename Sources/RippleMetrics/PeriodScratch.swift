/// Reusable distinct-people sets for counting one period at a time.
struct PeriodScratch {
    var activePairPeople: Marks
    var menteesPaired: Marks
    var menteesWithSessions: Marks
    var raters: Marks
    var swapPeople: Marks
    var matchedMentees: Marks
    var monthlyPeople: Marks
    var endedPeople: Marks
    var returning: Marks
    var becameMentors: Marks
    /// Pairs active in the period.
    var activePairs: Marks

    init(people: Int, pairs: Int) {
        activePairs = Marks(size: pairs)
        activePairPeople = Marks(size: people)
        menteesPaired = activePairPeople
        menteesWithSessions = activePairPeople
        raters = activePairPeople
        swapPeople = activePairPeople
        matchedMentees = activePairPeople
        monthlyPeople = activePairPeople
        endedPeople = activePairPeople
        returning = activePairPeople
        becameMentors = activePairPeople
    }

    mutating func reset() {
        activePairPeople.reset(); menteesPaired.reset(); menteesWithSessions.reset(); raters.reset()
        swapPeople.reset(); matchedMentees.reset(); monthlyPeople.reset(); endedPeople.reset()
        returning.reset(); becameMentors.reset(); activePairs.reset()
    }
}
