/// A scalar figure of a period, reached by key.
enum ScalarField {
    case count(WritableKeyPath<PeriodMetrics, Int?>)
    case number(WritableKeyPath<PeriodMetrics, Double?>)
}

extension PeriodMetrics {
    /// The core metrics before `trainings_completed`, in metrics.json order.
    // nonisolated(unsafe): key paths are immutable values, but WritableKeyPath is not declared Sendable.
    nonisolated(unsafe) static let coreFields: [(key: String, field: ScalarField)] = [
        ("participants_active", .count(\.participantsActive)),
        ("mentors_active", .count(\.mentorsActive)),
        ("mentees_active", .count(\.menteesActive)),
        ("pairs_active", .count(\.pairsActive)),
        ("pairs_started", .count(\.pairsStarted)),
        ("sessions_completed", .count(\.sessionsCompleted)),
        ("session_hours", .number(\.sessionHours)),
        ("avg_session_rating", .number(\.avgSessionRating)),
        ("cross_department_share", .number(\.crossDepartmentShare)),
        ("cross_level_share", .number(\.crossLevelShare)),
        ("role_swap_share", .number(\.roleSwapShare)),
        ("at_risk_pairs", .count(\.atRiskPairs)),
        ("median_days_to_match", .number(\.medianDaysToMatch)),
        ("goals_achieved", .count(\.goalsAchieved)),
    ]

    /// The scalar extras, in metrics.json order (`survey_score` is written after `goal_completion_rate`,
    /// `enrolment_share_by_department` after `enrolment_share`).
    nonisolated(unsafe) static let extraFields: [(key: String, field: ScalarField)] = [
        ("match_rate", .number(\.matchRate)),
        ("mentor_capacity_use", .number(\.mentorCapacityUse)),
        ("sessions_per_active_pair", .number(\.sessionsPerActivePair)),
        ("monthly_meeting_share", .number(\.monthlyMeetingShare)),
        ("goals_set", .count(\.goalsSet)),
        ("goal_completion_rate", .number(\.goalCompletionRate)),
        ("survey_response_rate", .number(\.surveyResponseRate)),
        ("pairs_completed", .count(\.pairsCompleted)),
        ("pairs_closed_early", .count(\.pairsClosedEarly)),
        ("completion_rate", .number(\.completionRate)),
        ("mentor_training_coverage", .number(\.mentorTrainingCoverage)),
        ("mentee_training_coverage", .number(\.menteeTrainingCoverage)),
        ("sessions_led_by_mentor", .count(\.sessionsLedByMentor)),
        ("sessions_led_by_mentee", .count(\.sessionsLedByMentee)),
        ("sessions_led_jointly", .count(\.sessionsLedJointly)),
        ("departments_connected", .count(\.departmentsConnected)),
        ("mentees_became_mentors", .count(\.menteesBecameMentors)),
        ("returning_participants", .count(\.returningParticipants)),
        ("sessions_cancelled", .count(\.sessionsCancelled)),
        ("sessions_no_show", .count(\.sessionsNoShow)),
        ("cancellation_rate", .number(\.cancellationRate)),
        ("no_show_rate", .number(\.noShowRate)),
        ("avg_rating_by_mentors", .number(\.avgRatingByMentors)),
        ("avg_rating_by_mentees", .number(\.avgRatingByMentees)),
        ("mentees_waiting", .count(\.menteesWaiting)),
        ("median_days_waiting", .number(\.medianDaysWaiting)),
        ("participants_enrolled", .count(\.participantsEnrolled)),
        ("mentors_enrolled", .count(\.mentorsEnrolled)),
        ("mentees_enrolled", .count(\.menteesEnrolled)),
        ("enrolment_share", .number(\.enrolmentShare)),
    ]

    /// Every scalar field by key (`value(for:)` runs for every tile, chart point and report cell).
    nonisolated(unsafe) static let fieldsByKey: [String: ScalarField] = Dictionary(uniqueKeysWithValues: (coreFields + extraFields).map { ($0.key, $0.field) })

    /// Sets a scalar field to `nil`.
    mutating func clear(_ field: ScalarField) {
        switch field {
        case .count(let path): self[keyPath: path] = nil
        case .number(let path): self[keyPath: path] = nil
        }
    }

    /// A scalar field's value as a number.
    func number(_ field: ScalarField) -> Double? {
        switch field {
        case .count(let path): return self[keyPath: path].map(Double.init)
        case .number(let path): return self[keyPath: path]
        }
    }

    /// Looks a figure up by key, as shortcodes name it: `sessions_completed`,
    /// `survey_score[pulse]` (or `survey_score.pulse`), `trainings_completed[guiding]`,
    /// `by_department.pairs[Legal]`, `department_matrix[Sales][Legal]`. `nil` for an unknown key.
    package func value(for key: String) -> MetricValue? {
        let isHidden = isSuppressed(key)
        if let field = Self.fieldsByKey[key] {
            return isHidden ? .suppressed : number(field).map { .number($0) } ?? .unavailable
        }
        if let (list, inner) = Self.split(key) {
            switch list {
            case "survey_score":
                guard let entry = surveyScore.first(where: { $0.key == inner }) else { return nil }
                return .of(entry.value, suppressed: isSuppressed("survey_score[\(inner)]"))
            case "trainings_completed":
                guard let entry = trainingsCompleted.first(where: { $0.key == inner }) else { return nil }
                return .of(entry.value, suppressed: isSuppressed("trainings_completed[\(inner)]"))
            case "enrolment_share_by_department":
                guard let entry = enrolmentShareByDepartment.first(where: { $0.key == inner }) else { return nil }
                return .of(entry.value, suppressed: isSuppressed("enrolment_share_by_department[\(inner)]"))
            default: break
            }
        }
        for breakdown in [byDepartment, byLevel] {
            for (row, values) in breakdown.rows {
                let prefix = "\(breakdown.key).\(row)["
                guard key.hasPrefix(prefix), key.hasSuffix("]") else { continue }
                let group = String(key.dropFirst(prefix.count).dropLast())
                guard let index = breakdown.groups.firstIndex(of: group) else { return nil }
                return .of(values[index], suppressed: isSuppressed(breakdown.cellKey(row: row, group: group)))
            }
        }
        let matrix = departmentMatrix
        for (r, mentor) in matrix.departments.enumerated() {
            for (c, mentee) in matrix.departments.enumerated()
            where DepartmentMatrix.cellKey(mentor: mentor, mentee: mentee) == key {
                return .of(matrix.cells[r][c], suppressed: isHidden)
            }
        }
        return nil
    }

    /// Splits `list[inner]` or `list.inner` into its parts.
    private static func split(_ key: String) -> (String, String)? {
        if key.hasSuffix("]"), let open = key.firstIndex(of: "[") {
            return (String(key[..<open]), String(key[key.index(after: open)..<key.index(before: key.endIndex)]))
        }
        if let dot = key.firstIndex(of: ".") {
            return (String(key[..<dot]), String(key[key.index(after: dot)...]))
        }
        return nil
    }
}
