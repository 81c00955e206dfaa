import RippleCharts
import RippleMetrics

extension ReportBuilder.Scope {
    /// The report's sections, in reading order: the summary, which the narrative follows on the page, then the details.
    func sections() -> [ReportSection] {
        [summary(), participation(), matching(), engagement(), quality(), goals(), reciprocal(), training(), network()]
    }

    private func section(_ id: String, _ title: String, _ lead: String, _ figures: [ReportFigure],
                         charts: [ReportChart], tables: [ReportTable] = []) -> ReportSection {
        ReportSection(id: id, title: title, lead: lead, figures: figures, charts: charts,
                      tables: [figuresTable(id, figures)] + tables)
    }

    private func figures(_ keys: [String]) -> [ReportFigure] { keys.map { figure($0) } }

    private func summary() -> ReportSection {
        let keys = targetKeys
        guard !keys.isEmpty else {
            return section("summary", "Summary", "No targets are set for the program; these are its main figures.",
                           figures(["participants_active", "pairs_active", "sessions_completed", "match_rate"]), charts: [])
        }
        let shown = figures(keys)
        return section("summary", "Summary: key figures against targets",
                       "The program's key figures against the targets set for it.", shown, charts: [progressChart(shown)])
    }

    /// Each targeted figure as a share of its target (report-specific: only reports set figures against targets).
    private func progressChart(_ figures: [ReportFigure]) -> ReportChart {
        let rows = figures.map { figure -> (label: String, value: MetricValue) in
            guard let target = targets[figure.key] else { return (figure.label, .unavailable) }
            switch figure.value {
            case .number(let value):
                let lowerIsBetter = MetricCatalog.definition(figure.key)?.higherIsBetter == false
                let share = lowerIsBetter ? (value > 0 ? target / value : 1) : (target > 0 ? value / target : 1)
                return (figure.label, .number(share))
            case .suppressed, .unavailable: return (figure.label, figure.value)
            }
        }
        let text = { (value: MetricValue) in ReportFigure.share(value, minGroupSize: minGroupSize) }
        let data = rows.map { row in
            switch row.value {
            case .number(let share): ChartDatum(row.label, (share * 1000).rounded() / 10, display: text(row.value))
            case .suppressed: ChartDatum(row.label, nil)
            case .unavailable: ChartDatum(row.label, 0, display: "—")
            }
        }
        let chart = BarChart(frame: ChartFrame(id: "report-progress", title: "Progress towards each target",
                                               description: "Each figure as a share of its target; 100% or more means the target is met.",
                                               minGroupSize: minGroupSize),
                             data: data, valueHeading: "Share of target")
        let table = ReportTable(id: "summary-progress", title: "Progress towards each target",
                                columns: ["Measure", "Share of target"],
                                rows: rows.map { [.init($0.label), .value($0.value, shown: text($0.value))] })
        return ReportChart(html: charts.output == .html ? chart.html() : chart.text(), data: table)
    }

    private func participation() -> ReportSection {
        section("participation", "Participation and mentor capacity",
                "Who took part, and how much of the mentors' stated capacity the program used.",
                figures(["participants_active", "mentors_active", "mentees_active", "participants_enrolled", "mentors_enrolled",
                         "mentees_enrolled"] + (period.enrolmentShare == nil && !period.isSuppressed("enrolment_share") ? []
                            : ["enrolment_share"]) + ["mentor_capacity_use", "returning_participants"]),
                charts: [ReportChart(html: charts.participantsByQuarter(),
                                     data: trendTable("participation-trend", "Participants per quarter",
                                                      keys: ["participants_active", "mentors_active", "mentees_active"]))],
                tables: [breakdownTable(period.byDepartment, id: "by-department", heading: "Department"),
                         breakdownTable(period.byLevel, id: "by-level", heading: "Level")])
    }

    private func matching() -> ReportSection {
        section("matching", "Matching", "How quickly and how fully mentees were matched with a mentor.",
                figures(["pairs_started", "match_rate", "median_days_to_match"]),
                charts: [ReportChart(html: charts.activePairsByQuarter(),
                                     data: trendTable("matching-trend", "Active pairs per quarter",
                                                      keys: ["pairs_active", "pairs_started"])),
                         trend("match-rate", "Match rate per quarter", "Share of active mentees who have an active mentor, in each quarter.",
                               keys: ["match_rate"])])
    }

    private func engagement() -> ReportSection {
        section("engagement", "Engagement", "Whether pairs are meeting, and which pairs have gone quiet.",
                figures(["pairs_active", "sessions_completed", "session_hours", "sessions_per_active_pair",
                         "monthly_meeting_share", "at_risk_pairs"]),
                charts: [trend("engagement", "Sessions and pairs at risk per quarter",
                               "Completed sessions in each quarter, and ongoing pairs without a recent session at its end.",
                               keys: ["sessions_completed", "at_risk_pairs"])])
    }

    private func quality() -> ReportSection {
        let surveyKeys = period.surveyScore.map { "survey_score[\($0.key)]" }
        return section("quality", "Quality", "How participants rate their sessions and the program.",
                       figures(["avg_session_rating"] + surveyKeys + ["survey_response_rate", "pairs_completed",
                                                                       "pairs_closed_early", "completion_rate"]),
                       charts: [trend("quality", "Survey scores and response rate per quarter",
                                      "Average survey answers as a share of the top of the scale, and the share of participants who answered.",
                                      keys: surveyKeys + ["survey_response_rate"])])
    }

    private func goals() -> ReportSection {
        section("goals", "Goals", "Development goals set, reached and dropped.",
                figures(["goals_set", "goals_achieved", "goal_completion_rate"]),
                charts: [trend("goals", "Goals set and achieved per quarter",
                               "Development goals created and achieved in each quarter.", keys: ["goals_set", "goals_achieved"])])
    }

    private func reciprocal() -> ReportSection {
        section("reciprocal", "Reciprocal and reverse mentoring", "How often mentees lead: role swaps, and who leads the sessions.",
                figures(["role_swap_share", "sessions_led_by_mentor", "sessions_led_by_mentee", "sessions_led_jointly"]),
                charts: [ReportChart(html: charts.roleSwapsByQuarter(),
                                     data: trendTable("reciprocal-trend", "Who led the sessions, per quarter",
                                                      keys: ProgramCharts.leadKeys,
                                                      names: ProgramCharts.leadKeys.map { "Led by: " + (ProgramCharts.leadNames[$0] ?? $0) }))])
    }

    private func training() -> ReportSection {
        let modules = period.trainingsCompleted.map { "trainings_completed[\($0.key)]" }
        var charts = [ReportChart(html: charts.trainingCoverageByQuarter(),
                                  data: trendTable("training-trend", "Foundational skills coverage",
                                                   keys: ["mentor_training_coverage", "mentee_training_coverage"]))]
        if !modules.isEmpty {
            charts.append(ReportChart(html: self.charts.trainingsByModule(period),
                                      data: ReportTable(id: "training-modules", title: "Trainings completed by module",
                                                        columns: ["Module", "Trainings completed"],
                                                        rows: figures(modules).map { [.init($0.label), .value($0.value, shown: $0.text)] })))
        }
        return section("training", "Training in the foundational skills",
                       "Active listening, guiding, challenging and powerful questions: who has been trained.",
                       figures(["mentor_training_coverage", "mentee_training_coverage"] + modules), charts: charts)
    }

    private func network() -> ReportSection {
        let reach = charts.metrics.reach
        let reachTable = ReportTable(id: "network-reach", title: "Participants reached over time",
                                     columns: ["Quarter", "Participants reached"], rows: reach.map { point in
            let value = MetricValue.of(point.participantsReached, suppressed: point.participantsReached == nil)
            return [.init(point.label), .value(value, shown: MetricText.value(value, key: "participants_reached", minGroupSize: minGroupSize))]
        })
        let matrix = matrixTable()
        return section("network", "Network reach", "How far mentoring connects the organisation across departments and levels.",
                       figures(["departments_connected", "cross_department_share", "cross_level_share", "mentees_became_mentors"]),
                       charts: [ReportChart(html: charts.reachByQuarter(), data: reachTable),
                                ReportChart(html: charts.departmentMatrix(period), data: matrix)])
    }

    /// Participants, pairs and sessions per group, as the dashboards publish them. O(groups): each cell is read by
    /// its index, not searched for by key.
    private func breakdownTable(_ breakdown: Breakdown, id: String, heading: String) -> ReportTable {
        let rows: [[ReportTable.Cell]] = breakdown.groups.enumerated().map { g, group in
            [.init(group)] + breakdown.rows.map { row in
                let value = MetricValue.of(g < row.values.count ? row.values[g] : nil,
                                           suppressed: period.isSuppressed(breakdown.cellKey(row: row.name, group: group)))
                return .value(value, shown: MetricText.value(value, key: "participants_active", minGroupSize: minGroupSize))
            }
        }
        let noun = heading.lowercased()
        var columns = [heading, "Active participants", "Active pairs (mentee's \(noun))", "Sessions (mentee's \(noun))",
                       "Enrolled participants"]
        // The share of each department's eligible employees, next to its enrolled count.
        var withShares = rows
        if breakdown.key == "by_department", !period.enrolmentShareByDepartment.isEmpty {
            columns.append("Share of headcount")
            for (g, group) in breakdown.groups.enumerated() {
                let key = "enrolment_share_by_department[\(group)]"
                let value = period.value(for: key) ?? .unavailable
                withShares[g].append(.value(value, shown: MetricText.value(value, key: key, minGroupSize: minGroupSize)))
            }
        }
        return ReportTable(id: id, title: "Participants, pairs and sessions by \(noun)", columns: columns, rows: withShares)
    }

    /// Active pairs by mentor's department (rows) and mentee's department (columns), for the departments the page
    /// shows (see `ShownDepartments`): O(d log d + limit²) in the number of departments d.
    private func matrixTable() -> ReportTable {
        let shown = ShownDepartments(period)
        let rows: [[ReportTable.Cell]] = shown.names.indices.map { r in
            [.init(shown.names[r])] + shown.names.indices.map { c in
                let value = shown.value(period, row: r, column: c)
                return .value(value, shown: MetricText.value(value, key: "pairs_active", minGroupSize: minGroupSize))
            }
        }
        let title = "Active pairs by mentor's department (rows) and mentee's department (columns)"
        return ReportTable(id: "department-matrix", title: shown.note.map { title + ". " + $0 } ?? title,
                           columns: ["Mentor's department"] + shown.names, rows: rows)
    }
}
