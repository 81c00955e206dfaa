/// Hiding more figures after the metrics are computed: the disclosure-control stage's output.
extension MetricSet {
    /// Hides figures by period id and key (as `suppressed` names them), and the reach points of
    /// the given quarters; each period's `suppressed` stays in metrics.json order. A department
    /// matrix cell that is published as 0 stays published: its absence is the figure.
    package mutating func hide(_ keys: [String: Set<String>], reach quarters: Set<String>) {
        for i in periods.indices {
            if let hidden = keys[periods[i].id], !hidden.isEmpty { periods[i].hide(hidden) }
        }
        for i in reach.indices where quarters.contains(reach[i].quarter) { reach[i].participantsReached = nil }
    }
}

extension PeriodMetrics {
    /// Hides these figures and lists them in `suppressed`.
    mutating func hide(_ keys: Set<String>) {
        for (key, field) in Self.coreFields + Self.extraFields where keys.contains(key) { clear(field) }
        for i in trainingsCompleted.indices where keys.contains("trainings_completed[\(trainingsCompleted[i].key)]") {
            trainingsCompleted[i].value = nil
        }
        for i in surveyScore.indices where keys.contains("survey_score[\(surveyScore[i].key)]") { surveyScore[i].value = nil }
        for i in enrolmentShareByDepartment.indices
        where keys.contains("enrolment_share_by_department[\(enrolmentShareByDepartment[i].key)]") {
            enrolmentShareByDepartment[i].value = nil
        }
        func hideCells(_ breakdown: inout Breakdown) {
            for (r, row) in breakdown.rows.enumerated() {
                var values = row.values
                for g in breakdown.groups.indices where keys.contains(breakdown.cellKey(row: row.name, group: breakdown.groups[g])) {
                    values[g] = nil
                }
                breakdown.setRow(r, values)
            }
        }
        hideCells(&byDepartment)
        hideCells(&byLevel)
        let departments = departmentMatrix.departments
        // Zeros are not named at all: they are 99 % of a many-department matrix.
        for (r, mentor) in departments.enumerated() {
            for (c, mentee) in departments.enumerated() where departmentMatrix.cells[r][c] ?? 0 != 0
                && keys.contains(DepartmentMatrix.cellKey(mentor: mentor, mentee: mentee)) {
                departmentMatrix.cells[r][c] = nil
            }
        }
        let all = keys.union(suppressed)
        suppressed = PrivacyFilter.orderedKeys(of: self).filter(all.contains)
    }
}
