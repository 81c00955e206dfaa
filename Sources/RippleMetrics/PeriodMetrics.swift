import RippleCore

/// Every figure for one reporting period, with privacy suppression applied.
///
/// `nil` means either "suppressed" (the key is then in `suppressed`) or "nothing to measure"
/// (no ratings, no requested dates …). Counts are `Int?`, rates and averages `Double?`.
package struct PeriodMetrics: Sendable, Hashable {
    /// What a period covers.
    package enum Kind: String, Sendable, Hashable {
        /// From the first pair's start to `as_of`.
        case all
        /// One fiscal quarter.
        case quarter
        /// One cohort's pairs, from the cohort's start to its end (or `as_of`).
        case cohort
        /// The first days of an earlier quarter, as many as the running quarter has had: what the running quarter
        /// is compared with (id `<quarter>:to-date`, after the cohorts).
        case quarterToDate = "quarter_to_date"
    }

    /// `all`, `2026-Q3` or `cohort:<id>`.
    package var id: String
    /// Kind of period.
    package var kind: Kind
    /// Reader-facing label: `All time`, `Q3 2026`, the cohort name.
    package var label: String
    /// First day, inclusive.
    package var start: Day
    /// Last day, inclusive.
    package var end: Day
    /// Whether the period is still running and ends at `as_of`.
    package var toDate: Bool
    /// For cohort periods: the cohort's id.
    package var cohortID: String?
    /// For cohort periods: the cohort's name.
    package var cohortName: String?
    /// For cohort periods: the program type.
    package var programType: ProgramType?

    // Core metrics, in the order of metrics.json.
    /// Distinct people in a pair active in the period.
    package var participantsActive: Int? = 0
    /// Distinct mentors of active pairs (both people of a reciprocal cohort's pair).
    package var mentorsActive: Int? = 0
    /// Distinct mentees of active pairs (both people of a reciprocal cohort's pair).
    package var menteesActive: Int? = 0
    /// Pairs whose dates overlap the period.
    package var pairsActive: Int? = 0
    /// Pairs that started in the period.
    package var pairsStarted: Int? = 0
    /// Completed sessions in the period.
    package var sessionsCompleted: Int? = 0
    /// Hours of completed sessions, one decimal.
    package var sessionHours: Double? = 0
    /// Mean of every mentor and mentee rating of those sessions, two decimals.
    package var avgSessionRating: Double?
    /// Share of active pairs across departments, three decimals.
    package var crossDepartmentShare: Double?
    /// Share of active pairs across levels, three decimals.
    package var crossLevelShare: Double?
    /// Share of meeting pairs with a mentee-led session, three decimals.
    package var roleSwapShare: Double?
    /// Ongoing pairs without a recent completed session at the period's end.
    package var atRiskPairs: Int? = 0
    /// Median days from request to start of pairs started in the period.
    package var medianDaysToMatch: Double?
    /// Goals achieved in the period.
    package var goalsAchieved: Int? = 0
    /// Trainings completed in the period per module, modules sorted.
    package var trainingsCompleted: [Keyed<Int>] = []

    // The rest of the catalogue.
    /// Enrolled mentees who are the mentee of an active pair ÷ enrolled mentees.
    package var matchRate: Double?
    /// Active pairs of mentors with a capacity ÷ their summed capacity.
    package var mentorCapacityUse: Double?
    /// Completed sessions ÷ active pairs, two decimals.
    package var sessionsPerActivePair: Double?
    /// Of pairs active on the period's last day, the share with a completed session in its last 30 days.
    package var monthlyMeetingShare: Double?
    /// Goals created in the period.
    package var goalsSet: Int? = 0
    /// Achieved ÷ (achieved + dropped) of goals closed in the period.
    package var goalCompletionRate: Double?
    /// Mean normalised survey score per survey, question and respondent role (`close/overall_satisfaction/mentee`),
    /// keys sorted.
    package var surveyScore: [Keyed<Double>] = []
    /// Distinct survey respondents ÷ enrolled participants.
    package var surveyResponseRate: Double?
    /// Pairs that ended in the period as completed.
    package var pairsCompleted: Int? = 0
    /// Pairs that ended in the period closed early.
    package var pairsClosedEarly: Int? = 0
    /// Completed ÷ (completed + closed early) of pairs that ended in the period.
    package var completionRate: Double?
    /// Share of active (paired) mentors who completed all four foundational modules by the period's end.
    package var mentorTrainingCoverage: Double?
    /// Share of active (paired) mentees who completed all four foundational modules by the period's end.
    package var menteeTrainingCoverage: Double?
    /// Completed sessions led by the mentor.
    package var sessionsLedByMentor: Int? = 0
    /// Completed sessions led by the mentee (role swaps).
    package var sessionsLedByMentee: Int? = 0
    /// Completed sessions led jointly.
    package var sessionsLedJointly: Int? = 0
    /// Distinct unordered department pairs linked by an active pair.
    package var departmentsConnected: Int? = 0
    /// Mentors of pairs started in the period who had been a mentee in an earlier pair.
    package var menteesBecameMentors: Int? = 0
    /// Participants in an active pair who have been in pairs of two or more cohorts by the period's end.
    package var returningParticipants: Int? = 0
    /// Sessions dated in the period with status `cancelled`.
    package var sessionsCancelled: Int? = 0
    /// Sessions dated in the period with status `no_show`.
    package var sessionsNoShow: Int? = 0
    /// Cancelled ÷ scheduled (completed + cancelled + no-show) sessions, three decimals.
    package var cancellationRate: Double?
    /// No-show ÷ scheduled sessions, three decimals.
    package var noShowRate: Double?
    /// Mean of the mentors' ratings of completed sessions, two decimals.
    package var avgRatingByMentors: Double?
    /// Mean of the mentees' ratings of completed sessions, two decimals.
    package var avgRatingByMentees: Double?
    /// Mentees waiting for a mentor on the period's last day (`WaitingRule`); `nil` for cohorts, whose people are
    /// the ones already paired.
    package var menteesWaiting: Int? = 0
    /// Median days those mentees had waited by the period's last day.
    package var medianDaysWaiting: Double?
    /// People enrolled at any time in the period (joined by its last day, not left before its first), paired or not.
    package var participantsEnrolled: Int? = 0
    /// Enrolled people whose roles include mentor.
    package var mentorsEnrolled: Int? = 0
    /// Enrolled people whose roles include mentee.
    package var menteesEnrolled: Int? = 0
    /// Enrolled people of the departments with a headcount ÷ their summed headcount; `nil` without a headcount.
    package var enrolmentShare: Double?
    /// Per department with a headcount (sorted): enrolled ÷ headcount.
    package var enrolmentShareByDepartment: [Keyed<Double>] = []
    /// Counts by department.
    package var byDepartment: Breakdown
    /// Counts by level.
    package var byLevel: Breakdown
    /// Mentor department × mentee department counts of active pairs.
    package var departmentMatrix: DepartmentMatrix

    /// Keys of every figure hidden by the privacy rules, in metrics.json order.
    package var suppressed: [String] = [] { didSet { suppressedIndex = Set(suppressed) } }
    /// `suppressed` as a set, built once when it is set: a period with many departments hides up to one key per
    /// matrix cell, and `isSuppressed` runs for every figure a page shows (O(1) instead of O(hidden keys)).
    private var suppressedIndex: Set<String> = []

    /// Creates an empty period (every count zero) for the engine to fill.
    package init(id: String, kind: Kind, label: String, start: Day, end: Day, toDate: Bool,
                 departments: [String], levels: [String]) {
        self.id = id; self.kind = kind; self.label = label; self.start = start; self.end = end; self.toDate = toDate
        byDepartment = Breakdown(key: "by_department", groups: departments)
        byLevel = Breakdown(key: "by_level", groups: levels)
        departmentMatrix = DepartmentMatrix(departments: departments)
    }

    /// Whether privacy hid the figure with this key.
    package func isSuppressed(_ key: String) -> Bool { suppressedIndex.contains(key) }
}
