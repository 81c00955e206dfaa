/// Applies `privacy.minGroupSize` to one period: hides figures about fewer than N people (or
/// pairs). This is primary suppression only; RipplePrivacy's `DisclosureControl` then hides
/// what else is needed so that no hidden figure can be worked out from the published ones.
struct PrivacyFilter {
    let minGroupSize: Int

    /// Whether a figure about `people` people must be hidden (zero people: nothing to hide).
    func tooSmall(_ people: Int) -> Bool { people > 0 && people < minGroupSize }

    /// The period with every rule applied.
    func apply(_ raw: RawPeriod) -> PeriodMetrics {
        var m = raw.metrics
        if tooSmall(raw.population) {
            return Self.suppressEverything(m)
        }
        var hidden = Set<String>()
        // With fewer than N pairs every rate, average or hours figure describes those few pairs.
        let countsOnly = tooSmall(raw.pairs)
        for (key, field) in PeriodMetrics.coreFields + PeriodMetrics.extraFields where m.number(field) != nil {
            let isMeasure = if case .number = field { true } else { false }
            if countsOnly && isMeasure || raw.populations[key].map(tooSmall) == true {
                m.clear(field); hidden.insert(key)
            }
        }
        // The overall rating lies between the mentors' and the mentees': with one hidden, the other
        // and the overall would bound it.
        let roleRatings: [(String, WritableKeyPath<PeriodMetrics, Double?>)] =
            [("avg_rating_by_mentors", \.avgRatingByMentors), ("avg_rating_by_mentees", \.avgRatingByMentees)]
        if roleRatings.contains(where: { hidden.contains($0.0) }) {
            for (key, path) in roleRatings where m[keyPath: path] != nil { m[keyPath: path] = nil; hidden.insert(key) }
        }
        for (s, people) in raw.surveyPopulations.enumerated()
        where (countsOnly || tooSmall(people)) && m.surveyScore[s].value != nil {
            m.surveyScore[s].value = nil
            hidden.insert("survey_score[\(m.surveyScore[s].key)]")
        }
        // A share of a published headcount is the enrolled count in disguise: hidden like the count.
        for (d, people) in raw.enrolmentPopulations.enumerated()
        where (countsOnly || tooSmall(people)) && m.enrolmentShareByDepartment[d].value != nil {
            m.enrolmentShareByDepartment[d].value = nil
            hidden.insert("enrolment_share_by_department[\(m.enrolmentShareByDepartment[d].key)]")
        }
        m.byDepartment = primary(m.byDepartment, populations: raw.departmentPopulations, hidden: &hidden)
        m.byLevel = primary(m.byLevel, populations: raw.levelPopulations, hidden: &hidden)
        let departments = m.departmentMatrix.departments
        for r in departments.indices {
            for c in departments.indices where tooSmall(raw.matrixPopulations[r][c]) {
                m.departmentMatrix.cells[r][c] = nil
                hidden.insert(DepartmentMatrix.cellKey(mentor: departments[r], mentee: departments[c]))
            }
        }
        m.suppressed = Self.orderedKeys(of: m).filter(hidden.contains)
        return m
    }

    /// A breakdown with the cells about fewer than N people hidden. Complementary cells (so a
    /// hidden cell cannot be worked out from its total) are the disclosure-control stage's job.
    private func primary(_ breakdown: Breakdown, populations: [[Int]], hidden: inout Set<String>) -> Breakdown {
        var result = breakdown
        for (r, row) in breakdown.rows.enumerated() {
            var values = row.values
            for g in values.indices where tooSmall(populations[r][g]) {
                values[g] = nil
                hidden.insert(breakdown.cellKey(row: row.name, group: breakdown.groups[g]))
            }
            result.setRow(r, values)
        }
        return result
    }

    /// A period with every figure hidden (too few people in the whole period or cohort).
    static func suppressEverything(_ metrics: PeriodMetrics) -> PeriodMetrics {
        var m = metrics
        for (_, field) in PeriodMetrics.coreFields + PeriodMetrics.extraFields { m.clear(field) }
        for i in m.trainingsCompleted.indices { m.trainingsCompleted[i].value = nil }
        for i in m.surveyScore.indices { m.surveyScore[i].value = nil }
        let blank = m.byDepartment.groups.map { _ in Int?.none }
        for r in 0..<4 { m.byDepartment.setRow(r, blank) }
        let blankLevels = m.byLevel.groups.map { _ in Int?.none }
        for r in 0..<4 { m.byLevel.setRow(r, blankLevels) }
        for i in m.enrolmentShareByDepartment.indices { m.enrolmentShareByDepartment[i].value = nil }
        m.departmentMatrix.cells = m.departmentMatrix.cells.map { $0.map { _ in nil } }
        m.suppressed = orderedKeys(of: m)
        return m
    }

    /// Every key `suppressed` can list, in metrics.json order: every figure's, except that of the
    /// department matrix only its hidden (nil) cells are named — at 300 departments naming all
    /// 90,000 cells of every period cost more than the rest of the metrics.
    static func orderedKeys(of m: PeriodMetrics) -> [String] {
        var keys = PeriodMetrics.coreFields.map(\.key)
        keys += m.trainingsCompleted.map { "trainings_completed[\($0.key)]" }
        for (key, _) in PeriodMetrics.extraFields {
            keys.append(key)
            if key == "goal_completion_rate" { keys += m.surveyScore.map { "survey_score[\($0.key)]" } }
            if key == "enrolment_share" {
                keys += m.enrolmentShareByDepartment.map { "enrolment_share_by_department[\($0.key)]" }
            }
        }
        for breakdown in [m.byDepartment, m.byLevel] {
            for row in breakdown.rows {
                keys += breakdown.groups.map { breakdown.cellKey(row: row.name, group: $0) }
            }
        }
        let departments = m.departmentMatrix.departments
        for (r, mentor) in departments.enumerated() {
            for (c, mentee) in departments.enumerated() where m.departmentMatrix.cells[r][c] == nil {
                keys.append(DepartmentMatrix.cellKey(mentor: mentor, mentee: mentee))
            }
        }
        return keys
    }
}
