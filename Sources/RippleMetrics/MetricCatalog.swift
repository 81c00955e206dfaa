/// Every published metric: label, meaning, unit and direction, for renderers and shortcodes
/// (`{{< metric sessions_completed period=2026-Q3 >}}`).
package enum MetricCatalog {
    /// All definitions, in metrics.json order.
    package static let all: [MetricDefinition] = [
        .init("participants_active", "Active participants", .count, higherIsBetter: true,
              "People in a mentoring pair at any time in the period."),
        .init("mentors_active", "Active mentors", .count, higherIsBetter: true,
              "People mentoring in a pair active in the period (both people of a reciprocal pair)."),
        .init("mentees_active", "Active mentees", .count, higherIsBetter: true,
              "People mentored in a pair active in the period (both people of a reciprocal pair)."),
        .init("pairs_active", "Active pairs", .count, higherIsBetter: true,
              "Mentoring pairs running at any time in the period."),
        .init("pairs_started", "Pairs started", .count, higherIsBetter: true,
              "Pairs that began in the period."),
        .init("sessions_completed", "Sessions completed", .count, higherIsBetter: true,
              "Mentoring sessions that took place in the period."),
        .init("session_hours", "Session hours", .hours, higherIsBetter: true,
              "Time spent in completed sessions."),
        .init("avg_session_rating", "Average session rating", .rating, higherIsBetter: true,
              "Mean of the mentors' and mentees' session ratings (1–5)."),
        .init("cross_department_share", "Cross-department pairs", .share, higherIsBetter: true,
              "Share of active pairs whose mentor and mentee work in different departments."),
        .init("cross_level_share", "Cross-level pairs", .share, higherIsBetter: true,
              "Share of active pairs whose mentor and mentee are at different levels."),
        .init("role_swap_share", "Pairs with a role swap", .share, higherIsBetter: true,
              "Of pairs that met in the period, the share where the mentee led at least one session."),
        .init("at_risk_pairs", "Pairs at risk", .count, higherIsBetter: false,
              "Ongoing pairs with no completed session for longer than the at-risk limit."),
        .init("median_days_to_match", "Median days to match", .days, higherIsBetter: false,
              "Typical wait between asking for a mentor and the pair starting."),
        .init("goals_achieved", "Goals achieved", .count, higherIsBetter: true,
              "Development goals reached in the period."),
        .init("trainings_completed", "Trainings completed", .count, higherIsBetter: true,
              "Training modules completed in the period, per module."),
        .init("match_rate", "Match rate", .share, higherIsBetter: true,
              "Share of enrolled mentees who have an active mentor."),
        .init("mentor_capacity_use", "Mentor capacity used", .share, higherIsBetter: nil,
              "Active pairs of mentors who set a capacity, as a share of that capacity."),
        .init("sessions_per_active_pair", "Sessions per active pair", .ratio, higherIsBetter: true,
              "Completed sessions divided by active pairs."),
        .init("monthly_meeting_share", "Pairs meeting monthly", .share, higherIsBetter: true,
              "Of pairs running on the period's last day, the share that met in its last 30 days."),
        .init("goals_set", "Goals set", .count, higherIsBetter: true,
              "Development goals created in the period."),
        .init("goal_completion_rate", "Goal completion rate", .share, higherIsBetter: true,
              "Of goals closed in the period, the share achieved rather than dropped."),
        .init("survey_score", "Survey score", .share, higherIsBetter: true,
              "Average answer to one survey question as a share of the top of the scale, mentors' and mentees' apart."),
        .init("survey_response_rate", "Survey response rate", .share, higherIsBetter: true,
              "People who answered any survey in the period, as a share of enrolled participants."),
        .init("pairs_completed", "Pairs completed", .count, higherIsBetter: true,
              "Pairs that finished as planned in the period."),
        .init("pairs_closed_early", "Pairs closed early", .count, higherIsBetter: false,
              "Pairs that ended early in the period."),
        .init("completion_rate", "Completion rate", .share, higherIsBetter: true,
              "Of pairs that ended in the period, the share that finished as planned."),
        .init("mentor_training_coverage", "Mentors fully trained", .share, higherIsBetter: true,
              "Share of people mentoring in an active pair who completed all four foundational skills modules."),
        .init("mentee_training_coverage", "Mentees fully trained", .share, higherIsBetter: true,
              "Share of people mentored in an active pair who completed all four foundational skills modules."),
        .init("sessions_led_by_mentor", "Sessions led by the mentor", .count, higherIsBetter: nil,
              "Completed sessions the mentor led."),
        .init("sessions_led_by_mentee", "Sessions led by the mentee", .count, higherIsBetter: true,
              "Completed sessions the mentee led (role swaps)."),
        .init("sessions_led_jointly", "Sessions led jointly", .count, higherIsBetter: nil,
              "Completed sessions led by both together."),
        .init("departments_connected", "Departments connected", .count, higherIsBetter: true,
              "Distinct pairs of departments linked by at least one active mentoring pair."),
        .init("mentees_became_mentors", "Mentees who became mentors", .count, higherIsBetter: true,
              "People mentoring in a pair started in the period after being mentored in an earlier pair."),
        .init("returning_participants", "Returning participants", .count, higherIsBetter: true,
              "People in an active pair who have taken part in two or more cohorts."),
        .init("sessions_cancelled", "Sessions cancelled", .count, higherIsBetter: false,
              "Scheduled sessions that were cancelled."),
        .init("sessions_no_show", "Sessions missed (no-show)", .count, higherIsBetter: false,
              "Scheduled sessions one of the pair did not attend."),
        .init("cancellation_rate", "Cancellation rate", .share, higherIsBetter: false,
              "Of scheduled sessions (completed, cancelled or no-show), the share cancelled."),
        .init("no_show_rate", "No-show rate", .share, higherIsBetter: false,
              "Of scheduled sessions, the share someone did not attend."),
        .init("avg_rating_by_mentors", "Session rating by mentors", .rating, higherIsBetter: true,
              "Mean of the mentors' session ratings (1–5)."),
        .init("avg_rating_by_mentees", "Session rating by mentees", .rating, higherIsBetter: true,
              "Mean of the mentees' session ratings (1–5)."),
        .init("mentees_waiting", "Mentees waiting for a mentor", .count, higherIsBetter: false,
              "Mentees who asked for a mentor and had none on the period's last day."),
        .init("median_days_waiting", "Median days waiting", .days, higherIsBetter: false,
              "How long those mentees had waited by the period's last day (median)."),
        .init("participants_enrolled", "Enrolled participants", .count, higherIsBetter: true,
              "People enrolled in the program at any time in the period, paired or not."),
        .init("mentors_enrolled", "Enrolled mentors", .count, higherIsBetter: true,
              "Enrolled people who signed up to mentor."),
        .init("mentees_enrolled", "Enrolled mentees", .count, higherIsBetter: true,
              "Enrolled people who signed up to be mentored."),
        .init("enrolment_share", "Eligible employees enrolled", .share, higherIsBetter: true,
              "Enrolled participants as a share of the eligible employees (the headcount of their departments)."),
        .init("enrolment_share_by_department", "Eligible employees enrolled", .share, higherIsBetter: true,
              "Enrolled participants of a department as a share of its headcount."),
        .init("participants_reached", "Participants reached", .count, higherIsBetter: true,
              "Distinct people who have ever been in a mentoring pair, by the end of each quarter."),
    ]

    /// The definition of a key; `survey_score[pulse/progress/mentee]` and `trainings_completed.guiding` resolve to
    /// their list.
    package static func definition(_ key: String) -> MetricDefinition? {
        if let found = byKey[key] { return found }
        guard let cut = key.firstIndex(where: { $0 == "[" || $0 == "." }) else { return nil }
        return byKey[String(key[..<cut])]
    }

    /// A figure as readers see it: formatted number, "fewer than N" when suppressed, "—" when unavailable.
    package static func format(_ value: MetricValue, key: String, minGroupSize: Int) -> String {
        switch value {
        case .number(let number): return (definition(key)?.unit ?? .ratio).format(number)
        case .suppressed: return "fewer than \(minGroupSize)"
        case .unavailable: return "—"
        }
    }

    private static let byKey: [String: MetricDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
}
