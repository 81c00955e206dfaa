import RippleCharts
import RippleMetrics

extension ReportBuilder.Scope {
    /// The report's sections, in reading order; the narrative follows them on the page.
    func sections() -> [ReportSection] {
        [summary(), participation(), matching(), engagement(), quality(), goals(), reciprocal(), training(), network()]
    }

    private func section(_ id: String, _ title: String, _ lead: String, _ keys: [String], extra: [ReportFigure] = [],
                         charts: [ReportChart], tables: [ReportTable] = []) -> ReportSection {
        let figures = keys.map { figure($0) } + extra
        return ReportSection(id: id, title: title, lead: lead, figures: figures, charts: charts,
                             tables: [figuresTable(id, figures)] + tables)
    }

    private func summary() -> ReportSection {
        let keys = MetricCatalog.all.map(\.key).filter { metrics.targets[$0] != nil }
        let figures = keys.map { figure($0) }
        var charts: [ReportChart] = []
        if !figures.isEmpty {
            let progress = figures.map { figure -> ReportFigure in
                var share = figure
                share.unit = .share
                share.target = nil
                if let value = figure.value.number, let target = figure.target, target > 0, value > 0 {
                    share.value = .number(figure.higherIsBetter == false ? target / value : value / target)
                }
                return share
            }
            charts.append(barChart("summary", "Progress towards each target",
                                   "Each figure as a share of its target; 100% or more means the target is met.",
                                   figures: progress, valueHeading: "Share of target"))
        }
        let lead = figures.isEmpty
            ? "No targets are set for the program; these are its main figures."
            : "The program's key figures against the targets set for it."
        let shown = figures.isEmpty ? ["participants_active", "pairs_active", "sessions_completed"].map { figure($0) } : figures
        return ReportSection(id: "summary", title: "Summary: key figures against targets", lead: lead, figures: shown,
                             charts: charts, tables: [figuresTable("summary", shown)])
    }

    private func participation() -> ReportSection {
        section("participation", "Participation and mentor capacity",
                "Who took part, and how much of the mentors' stated capacity the program used.",
                ["participants_active", "mentors_active", "mentees_active", "mentor_capacity_use", "returning_participants"],
                charts: [trendChart("participation", "Active participants by quarter",
                                    "Active participants, mentors and mentees in each of the recent quarters.",
                                    series: [("Participants", "participants_active"), ("Mentors", "mentors_active"),
                                             ("Mentees", "mentees_active")])],
                tables: [breakdownTable(period.byDepartment, id: "by-department", heading: "Department"),
                         breakdownTable(period.byLevel, id: "by-level", heading: "Level")])
    }

    private func matching() -> ReportSection {
        section("matching", "Matching", "How quickly and how fully mentees were matched with a mentor.",
                ["pairs_started", "match_rate", "median_days_to_match"],
                charts: [trendChart("matching", "Pairs started and active by quarter",
                                    "New pairs and pairs running in each of the recent quarters.",
                                    series: [("Pairs started", "pairs_started"), ("Active pairs", "pairs_active")])])
    }

    private func engagement() -> ReportSection {
        section("engagement", "Engagement", "Whether pairs are meeting, and which pairs have gone quiet.",
                ["pairs_active", "sessions_completed", "session_hours", "sessions_per_active_pair", "monthly_meeting_share",
                 "at_risk_pairs"],
                charts: [trendChart("engagement", "Sessions and pairs at risk by quarter",
                                    "Completed sessions and pairs at risk at the end of each of the recent quarters.",
                                    series: [("Sessions completed", "sessions_completed"), ("Pairs at risk", "at_risk_pairs")])])
    }

    private func quality() -> ReportSection {
        let surveys = period.surveyScore.map { figure("survey_score[\($0.key)]", label: "Survey score: \(Self.humanize($0.key))") }
        var charts: [ReportChart] = []
        if !surveys.isEmpty {
            charts.append(barChart("quality", "Survey scores", "Average answer to each survey as a share of the top of its scale.",
                                   figures: surveys, valueHeading: "Score"))
        }
        return section("quality", "Quality", "How participants rate their sessions and the program.",
                       ["avg_session_rating"], extra: surveys + ["survey_response_rate", "pairs_completed", "pairs_closed_early",
                                                                  "completion_rate"].map { figure($0) },
                       charts: charts)
    }

    private func goals() -> ReportSection {
        section("goals", "Goals", "Development goals set, reached and dropped.",
                ["goals_set", "goals_achieved", "goal_completion_rate"],
                charts: [trendChart("goals", "Goals set and achieved by quarter",
                                    "Development goals created and achieved in each of the recent quarters.",
                                    series: [("Goals set", "goals_set"), ("Goals achieved", "goals_achieved")])])
    }

    private func reciprocal() -> ReportSection {
        let series = [("Mentor", "sessions_led_by_mentor"), ("Mentee", "sessions_led_by_mentee"), ("Jointly", "sessions_led_jointly")]
        let chart = StackedBarChart(
            frame: frame("reciprocal", "Who led the sessions", "Completed sessions by who led them, in each of the recent quarters."),
            categories: trend.map(\.label),
            series: series.map { name, key in ChartSeries(name, trend.map { $0.value(for: key)?.number }) })
        let rows: [[ReportTable.Cell]] = trend.map { quarter in
            [.init(quarter.label)] + series.map { _, key in
                let value = quarter.value(for: key) ?? .unavailable
                return .value(value, shown: ReportFigure.format(value, unit: .count, minGroupSize: minGroupSize))
            }
        }
        let data = ReportTable(id: "reciprocal-trend", title: "Who led the sessions",
                               columns: ["Quarter"] + series.map { "Led by: \($0.0.lowercased())" }, rows: rows)
        return section("reciprocal", "Reciprocal and reverse mentoring",
                       "How often mentees lead: role swaps, and who leads the sessions.",
                       ["role_swap_share", "sessions_led_by_mentor", "sessions_led_by_mentee", "sessions_led_jointly"],
                       charts: [ReportChart(html: chart.html(), data: data)])
    }

    private func training() -> ReportSection {
        let modules = period.trainingsCompleted.map {
            figure("trainings_completed[\($0.key)]", label: "Trainings completed: \(Self.humanize($0.key))")
        }
        var charts: [ReportChart] = []
        if !modules.isEmpty {
            charts.append(barChart("training", "Trainings completed by module",
                                   "Foundational skills training modules completed in the quarter.",
                                   figures: modules.map { var f = $0; f.label = String($0.label.dropFirst("Trainings completed: ".count)); return f },
                                   valueHeading: "Completed"))
        }
        return section("training", "Training in the foundational skills",
                       "Active listening, guiding, challenging and powerful questions: who has been trained.",
                       ["mentor_training_coverage", "mentee_training_coverage"], extra: modules, charts: charts)
    }

    private func network() -> ReportSection {
        let reach = metrics.reach.filter { point in trend.contains { $0.id == point.quarter } }
        let here = metrics.reach.first { $0.quarter == period.id }
        var reached = figure("participants_reached")
        reached.value = here.map { .of($0.participantsReached, suppressed: $0.participantsReached == nil) } ?? .unavailable
        reached.previous = previous.map { p in metrics.reach.first { $0.quarter == p.id }.map { .of($0.participantsReached, suppressed: $0.participantsReached == nil) } ?? .unavailable }
        reached.yearAgo = yearAgo.map { p in metrics.reach.first { $0.quarter == p.id }.map { .of($0.participantsReached, suppressed: $0.participantsReached == nil) } ?? .unavailable }
        let chart = LineChart(frame: frame("network", "Participants reached", "Distinct people who have ever been in a mentoring pair, by the end of each quarter."),
                              categories: reach.map(\.label),
                              series: [ChartSeries("Participants reached", reach.map { $0.participantsReached.map(Double.init) })])
        let data = ReportTable(id: "network-trend", title: "Participants reached", columns: ["Quarter", "Participants reached"],
                               rows: reach.map { point in
                                   let value = MetricValue.of(point.participantsReached, suppressed: point.participantsReached == nil)
                                   return [.init(point.label), .value(value, shown: ReportFigure.format(value, unit: .count, minGroupSize: minGroupSize))]
                               })
        return section("network", "Network reach",
                       "How far mentoring connects the organisation across departments and levels.",
                       ["departments_connected", "cross_department_share", "cross_level_share", "mentees_became_mentors"],
                       extra: [reached], charts: [ReportChart(html: chart.html(), data: data)],
                       tables: [matrixTable()])
    }

    /// Participants, pairs and sessions per group, as the dashboards publish them.
    private func breakdownTable(_ breakdown: Breakdown, id: String, heading: String) -> ReportTable {
        let rows: [[ReportTable.Cell]] = breakdown.groups.map { group in
            [.init(group)] + ["participants", "pairs", "sessions"].map { row in
                let value = period.value(for: "\(breakdown.key).\(row)[\(group)]") ?? .unavailable
                return .value(value, shown: ReportFigure.format(value, unit: .count, minGroupSize: minGroupSize))
            }
        }
        return ReportTable(id: id, title: "Participants, pairs and sessions by \(heading.lowercased())",
                           columns: [heading, "Active participants", "Active pairs (mentee's \(heading.lowercased()))",
                                     "Sessions (mentee's \(heading.lowercased()))"], rows: rows)
    }

    /// Active pairs by mentor's department (rows) and mentee's department (columns).
    private func matrixTable() -> ReportTable {
        let matrix = period.departmentMatrix
        let rows: [[ReportTable.Cell]] = matrix.departments.map { mentor in
            [.init(mentor)] + matrix.departments.map { mentee in
                let value = period.value(for: DepartmentMatrix.cellKey(mentor: mentor, mentee: mentee)) ?? .unavailable
                return .value(value, shown: ReportFigure.format(value, unit: .count, minGroupSize: minGroupSize))
            }
        }
        return ReportTable(id: "department-matrix", title: "Active pairs by mentor's department (rows) and mentee's department (columns)",
                           columns: ["Mentor's department"] + matrix.departments, rows: rows)
    }

    /// `active_listening` → `Active listening`.
    static func humanize(_ key: String) -> String {
        let words = key.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
