import RippleCore

/// One run of the metrics engine: the periods, per-person facts and single-pass tallies that
/// every period's figures are read from.
struct MetricsComputation {
    let program: Program
    let calendar: FiscalCalendar
    let atRiskRule: AtRiskRule
    let asOf: Day
    let allStart: Day
    let firstQuarter: Int
    /// First-day ordinals of the quarters, ascending.
    let quarterStarts: [Int32]
    var specs: [PeriodSpec] = []
    /// Period index of each cohort, or -1 when the cohort starts after `as_of`.
    var cohortPeriod: [Int]
    let departments: [String]
    let levels: [String]
    let departmentOf: [Int]
    let levelOf: [Int]
    let modules: [String]
    /// Survey score keys, `survey/question/role`, sorted (see `surveyKey(of:)`).
    let surveyKeys: [String]
    /// Index into `surveyKeys` of each feedback row.
    let responseKey: [Int]
    let departmentIndex: [String: Int]
    /// Eligible employees per department (`program.headcount`), departments sorted.
    let headcount: [Keyed<Int>]
    /// Whether each pair belongs to a reciprocal cohort (both people mentor and are mentored).
    let pairIsReciprocal: [Bool]
    var cohortPairs: [[Int]]
    var cohortMembers: [[Int]]
    /// Cohort period indices each participant is a member of.
    var memberPeriods: [[Int]]
    /// Ordinal by which the participant completed all four foundational modules (`Int32.max`: not yet).
    var foundationalDone: [Int32]
    /// Ordinal of the participant's earliest pair as mentee (`Int32.max`: never).
    var earliestMenteeStart: [Int32]
    /// Ordinal of the start of the participant's first pair in a second cohort (`Int32.max`: never).
    var secondCohortDay: [Int32]
    /// Ordinal of the participant's first pair start (`Int32.max`: never paired).
    var firstPaired: [Int32]

    // Flat copies of hot fields, so the per-period loops read small arrays instead of whole records.
    var periodStart: [Int32] = []
    var periodEnd: [Int32] = []
    var pairCohortPeriod: [Int] = []
    var pairStart: [Int32] = []
    /// `Int32.max` for pairs without an end date.
    var pairEnd: [Int32] = []
    var joinedDay: [Int32] = []
    /// `Int32.max` for people who have not left.
    var leftDay: [Int32] = []
    /// Pair indices sorted by mentor, and by mentee (for distinct people per matrix cell).
    var pairsByMentor: [Int] = []
    var pairsByMentee: [Int] = []

    var quarterCount: Int { quarterStarts.count }
    /// Pair slots per pair: one per quarter, then `all`, then the pair's cohort.
    var slotsPerPair: Int { quarterCount + 2 }

    init(program: Program, settings: SiteConfig) {
        self.program = program
        let calendar = FiscalCalendar(startMonth: settings.program.fiscalYearStartMonth, labels: settings.program.quarterLabels)
        self.calendar = calendar
        atRiskRule = AtRiskRule(days: settings.metrics.atRiskDays)
        let asOf = settings.program.asOf ?? program.latestActivity
            ?? program.participants.map(\.joined).max() ?? Day(ordinal: 0)
        self.asOf = asOf
        let allStart = min(program.pairs.map(\.start).min() ?? asOf, asOf)
        self.allStart = allStart
        firstQuarter = calendar.quarterIndex(of: allStart)
        let lastQuarter = calendar.quarterIndex(of: asOf)
        quarterStarts = (firstQuarter...lastQuarter).map { calendar.start(ofQuarter: $0).ordinal }

        departments = Array(Set(program.participants.map(\.department))).sorted()
        levels = Array(Set(program.participants.map(\.level))).sorted()
        let departmentIndex = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($1, $0) })
        self.departmentIndex = departmentIndex
        headcount = program.headcount.keys.sorted().map { Keyed($0, program.headcount[$0]) }
        pairIsReciprocal = program.pairs.map { program.cohorts[$0.cohort].programType == .reciprocal }
        let levelIndex = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        departmentOf = program.participants.map { departmentIndex[$0.department]! }
        levelOf = program.participants.map { levelIndex[$0.level]! }
        modules = Array(Set(program.trainings.map(\.module))).sorted()
        let keyOfResponse = program.feedback.map { Self.surveyKey(of: $0, in: program) }
        surveyKeys = Array(Set(keyOfResponse)).sorted()
        let surveyIndex = Dictionary(uniqueKeysWithValues: surveyKeys.enumerated().map { ($1, $0) })
        responseKey = keyOfResponse.map { surveyIndex[$0]! }

        let people = program.participants.count
        cohortPeriod = Array(repeating: -1, count: program.cohorts.count)
        cohortPairs = Array(repeating: [], count: program.cohorts.count)
        // A pair starting after as_of is ignored, so its people are not cohort members (yet).
        for (index, pair) in program.pairs.enumerated() where pair.start <= asOf { cohortPairs[pair.cohort].append(index) }
        cohortMembers = cohortPairs.map { pairs in
            Array(Set(pairs.flatMap { [program.pairs[$0].mentor, program.pairs[$0].mentee] })).sorted()
        }
        memberPeriods = Array(repeating: [], count: people)
        foundationalDone = Array(repeating: .max, count: people)
        earliestMenteeStart = Array(repeating: .max, count: people)
        secondCohortDay = Array(repeating: .max, count: people)
        firstPaired = Array(repeating: .max, count: people)

        makePeriods()
        learnPeople()
        periodStart = specs.map(\.start.ordinal)
        periodEnd = specs.map(\.end.ordinal)
        pairCohortPeriod = program.pairs.map { cohortPeriod[$0.cohort] }
        pairStart = program.pairs.map(\.start.ordinal)
        pairEnd = program.pairs.map { $0.end?.ordinal ?? .max }
        joinedDay = program.participants.map(\.joined.ordinal)
        leftDay = program.participants.map { $0.left?.ordinal ?? .max }
        pairsByMentor = program.pairs.indices.sorted { (program.pairs[$0].mentor, $0) < (program.pairs[$1].mentor, $1) }
        pairsByMentee = program.pairs.indices.sorted { (program.pairs[$0].mentee, $0) < (program.pairs[$1].mentee, $1) }
    }

    private mutating func makePeriods() {
        specs.append(PeriodSpec(id: "all", kind: .all, label: "All time", start: allStart, end: asOf, toDate: false))
        for offset in 0..<quarterCount {
            let index = firstQuarter + offset
            let naturalEnd = calendar.end(ofQuarter: index)
            specs.append(PeriodSpec(
                id: calendar.quarterID(index), kind: .quarter, label: calendar.quarterLabel(index),
                start: calendar.start(ofQuarter: index), end: min(naturalEnd, asOf), toDate: asOf < naturalEnd,
                quarterOffset: offset))
        }
        let order = program.cohorts.indices
            .filter { program.cohorts[$0].start <= asOf }
            .sorted { (program.cohorts[$0].start, program.cohorts[$0].id) < (program.cohorts[$1].start, program.cohorts[$1].id) }
        for c in order {
            let cohort = program.cohorts[c]
            cohortPeriod[c] = specs.count
            specs.append(PeriodSpec(
                id: "cohort:\(cohort.id)", kind: .cohort, label: cohort.name, start: cohort.start,
                end: min(cohort.end ?? asOf, asOf), toDate: cohort.end.map { $0 > asOf } ?? true, cohort: c))
            for member in cohortMembers[c] { memberPeriods[member].append(specs.count - 1) }
        }
    }

    private mutating func learnPeople() {
        var firstCohort = Array(repeating: -1, count: program.participants.count)
        let byStart = program.pairs.indices.sorted {
            (program.pairs[$0].start, $0) < (program.pairs[$1].start, $1)
        }
        for p in byStart {
            let pair = program.pairs[p]
            let start = pair.start.ordinal
            earliestMenteeStart[pair.mentee] = min(earliestMenteeStart[pair.mentee], start)
            for person in [pair.mentor, pair.mentee] {
                firstPaired[person] = min(firstPaired[person], start)
                if firstCohort[person] < 0 {
                    firstCohort[person] = pair.cohort
                } else if firstCohort[person] != pair.cohort, secondCohortDay[person] == .max {
                    secondCohortDay[person] = start
                }
            }
        }
        // The earliest completion of each foundational module; all four done at the latest of those.
        let foundational = Training.foundationalModules
        var firstDone = Array(repeating: Int32.max, count: program.participants.count * foundational.count)
        for training in program.trainings {
            guard let m = foundational.firstIndex(of: training.module) else { continue }
            let slot = training.participant * foundational.count + m
            firstDone[slot] = min(firstDone[slot], training.completed.ordinal)
        }
        for person in program.participants.indices {
            let base = person * foundational.count
            foundationalDone[person] = firstDone[base..<(base + foundational.count)].max() ?? .max
        }
    }

    /// A response's survey score key, `survey/question/role`: scores are only averaged over one question of one
    /// survey, and mentors' and mentees' answers apart. The role is the respondent's in the pair the survey is
    /// about (`mentor`, `mentee`); `participant` when the survey is not about a pair of theirs.
    static func surveyKey(of response: Feedback, in program: Program) -> String {
        var role = "participant"
        if let p = response.pair {
            if program.pairs[p].mentor == response.respondent { role = "mentor" }
            else if program.pairs[p].mentee == response.respondent { role = "mentee" }
        }
        return "\(response.survey.rawValue)/\(response.question)/\(role)"
    }

    /// Position of the quarter holding an ordinal within `[allStart, asOf]`.
    func quarterOffset(of ordinal: Int32) -> Int {
        var low = 0, high = quarterStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if quarterStarts[mid] <= ordinal { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Whether period `k` covers a day.
    func covers(_ k: Int, _ ordinal: Int32) -> Bool {
        k >= 0 && periodStart[k] <= ordinal && ordinal <= periodEnd[k]
    }

    /// Calls `body` with every all-program period holding a day: its quarter, and `all` from the first pair's start.
    func forEachProgramPeriod(holding day: Day, _ body: (Int) -> Void) {
        let ordinal = day.ordinal
        guard ordinal <= asOf.ordinal, let first = quarterStarts.first, ordinal >= first else { return }
        if ordinal >= allStart.ordinal { body(0) }
        body(1 + quarterOffset(of: ordinal))
    }
}
