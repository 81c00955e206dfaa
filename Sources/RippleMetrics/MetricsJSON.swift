import RippleCore

/// Writes `metrics.json`: stable key order, 2-space indentation, suppressed values as `null`
/// (format documented in docs/metrics.md).
package enum MetricsJSON {
    /// The JSON text, ending with a newline.
    package static func encode(_ set: MetricSet) -> String {
        var w = JSONWriter()
        w.object(nil) { w in
            w.string("as_of", set.asOf.iso)
            w.int("min_group_size", set.minGroupSize)
            w.int("fiscal_year_start_month", set.fiscalYearStartMonth)
            w.object("targets") { w in
                for key in set.targets.keys.sorted() { w.double(key, set.targets[key]) }
            }
            if !set.headcount.isEmpty {
                w.object("headcount") { w in
                    for entry in set.headcount { w.int(entry.key, entry.value) }
                }
            }
            w.array("periods") { w in
                for period in set.periods { write(period, to: &w) }
            }
            w.array("reach") { w in
                for point in set.reach {
                    w.object(nil) { w in
                        w.string("quarter", point.quarter)
                        w.string("label", point.label)
                        w.string("end", point.end.iso)
                        w.int("participants_reached", point.participantsReached)
                    }
                }
            }
        }
        return w.text + "\n"
    }

    private static func write(_ p: PeriodMetrics, to w: inout JSONWriter) {
        w.object(nil) { w in
            w.string("id", p.id)
            w.string("kind", p.kind.rawValue)
            w.string("label", p.label)
            w.string("start", p.start.iso)
            w.string("end", p.end.iso)
            w.bool("to_date", p.toDate)
            if p.kind == .cohort {
                w.string("cohort_id", p.cohortID ?? "")
                w.string("cohort_name", p.cohortName ?? "")
                w.string("program_type", p.programType?.rawValue ?? "")
            }
            for (key, field) in PeriodMetrics.coreFields { w.double(key, p.number(field)) }
            w.object("trainings_completed") { w in
                for entry in p.trainingsCompleted { w.int(entry.key, entry.value) }
            }
            for (key, field) in PeriodMetrics.extraFields {
                w.double(key, p.number(field))
                if key == "goal_completion_rate" {
                    w.object("survey_score") { w in
                        for entry in p.surveyScore { w.double(entry.key, entry.value) }
                    }
                }
                if key == "enrolment_share" {
                    w.object("enrolment_share_by_department") { w in
                        for entry in p.enrolmentShareByDepartment { w.double(entry.key, entry.value) }
                    }
                }
            }
            for breakdown in [p.byDepartment, p.byLevel] {
                w.object(breakdown.key) { w in
                    for row in breakdown.rows {
                        w.object(row.name) { w in
                            for (group, value) in zip(breakdown.groups, row.values) { w.int(group, value) }
                        }
                    }
                }
            }
            let matrix = p.departmentMatrix
            w.object("department_matrix") { w in
                for (r, mentor) in matrix.departments.enumerated() {
                    w.object(mentor) { w in
                        for (c, mentee) in matrix.departments.enumerated() { w.int(mentee, matrix.cells[r][c]) }
                    }
                }
            }
            w.array("suppressed") { w in
                for key in p.suppressed { w.string(nil, key) }
            }
        }
    }
}

extension PeriodMetrics {
    /// Every figure of the period as metrics.json publishes it, in file order: its key as
    /// `suppressed` names it, and its value (`nil`: hidden or nothing to measure).
    /// `includingMatrix: false` leaves out the department matrix's cells.
    package func forEachFigure(includingMatrix: Bool = true, _ body: (_ key: String, _ value: Double?) -> Void) {
        for (key, field) in Self.coreFields { body(key, number(field)) }
        for entry in trainingsCompleted { body("trainings_completed[\(entry.key)]", entry.value.map(Double.init)) }
        for (key, field) in Self.extraFields { body(key, number(field)) }
        for entry in surveyScore { body("survey_score[\(entry.key)]", entry.value) }
        for entry in enrolmentShareByDepartment { body("enrolment_share_by_department[\(entry.key)]", entry.value) }
        for breakdown in [byDepartment, byLevel] {
            for row in breakdown.rows {
                for (group, value) in zip(breakdown.groups, row.values) {
                    body(breakdown.cellKey(row: row.name, group: group), value.map(Double.init))
                }
            }
        }
        guard includingMatrix else { return }
        let departments = departmentMatrix.departments
        for (r, mentor) in departments.enumerated() {
            for (c, mentee) in departments.enumerated() {
                body(DepartmentMatrix.cellKey(mentor: mentor, mentee: mentee), departmentMatrix.cells[r][c].map(Double.init))
            }
        }
    }
}
