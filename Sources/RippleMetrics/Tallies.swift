/// Per-period totals gathered in one pass over each event table (sessions, goals, trainings, feedback).
struct Tallies {
    var slots: [PairSlot]
    var sessions: [SessionTotals]
    var goalsSet: [Int]
    var goalsAchieved: [Int]
    var goalsDropped: [Int]
    /// Distinct owners of goals closed (achieved or dropped) in the period.
    var goalClosers: [Int]
    /// `[period * modules.count + module]`.
    var trainings: [Int]
    /// `[period * surveys.count + survey]`.
    var surveyScoreSum: [Double]
    var surveyResponses: [Int]
    var surveyRespondents: [Int]
    /// Distinct respondents to any survey.
    var respondents: [Int]

    init(periods: Int, pairSlots: Int, modules: Int, surveys: Int) {
        slots = Array(repeating: PairSlot(), count: pairSlots)
        sessions = Array(repeating: SessionTotals(), count: periods)
        goalsSet = Array(repeating: 0, count: periods)
        goalsAchieved = goalsSet
        goalsDropped = goalsSet
        goalClosers = goalsSet
        respondents = goalsSet
        trainings = Array(repeating: 0, count: periods * modules)
        surveyScoreSum = Array(repeating: 0, count: periods * surveys)
        surveyResponses = Array(repeating: 0, count: periods * surveys)
        surveyRespondents = surveyResponses
    }
}
