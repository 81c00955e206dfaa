import RippleCore
import RippleMetrics

extension DashboardBuilder {
    // MARK: Cohorts

    func cohortList() -> DashboardPage {
        let path = "dashboards/cohorts/index.html"
        let rows = metrics.cohorts.map { period -> [DashboardTable.Cell] in
            [.init(text: period.cohortName ?? period.label, url: OutputPath.relativeHref(from: path, to: Self.cohortPath(period))),
             .init(text: period.programType.map(MetricText.programType) ?? ""),
             .init(text: MetricText.shortDate(period.start)),
             .init(text: period.toDate ? "Running" : MetricText.shortDate(period.end)),
             cell(period, "participants_active"), cell(period, "pairs_active"), cell(period, "sessions_completed"),
             cell(period, "completion_rate")]
        }
        let table = DashboardTable(
            caption: "Every cohort, by start date",
            headers: ["Cohort", "Program type", "Started", "Ended", "Participants", "Pairs", "Sessions", "Completion rate"],
            rows: rows)
        let charts = ProgramCharts(metrics: metrics, output: chartOutput)
        var sections = [DashboardSection(id: "cohorts", title: "Cohorts",
                                         intro: metrics.cohorts.isEmpty ? "The program data has no cohorts yet." :
                                            "Open a cohort for its own figures. Cohorts of fewer than \(metrics.minGroupSize) people show no figures.",
                                         table: metrics.cohorts.isEmpty ? nil : table)]
        if !metrics.cohorts.isEmpty {
            sections.append(DashboardSection(id: "by-type", title: "By program type",
                                             charts: [charts.sessionLeadsByProgramType()]))
        }
        return DashboardPage(path: path, section: "cohorts", title: "Cohorts",
                             summary: "Every cohort of the program with its main figures.",
                             periodNote: "Each cohort from its start to its end, or to \(MetricText.date(metrics.asOf)) while it runs.",
                             sections: sections)
    }

    func cohort(_ period: PeriodMetrics) -> DashboardPage {
        let charts = ProgramCharts(metrics: metrics, output: chartOutput)
        let name = period.cohortName ?? period.label
        var dates = "From \(MetricText.date(period.start))"
        dates += period.toDate ? ", still running on \(MetricText.date(period.end))." : " to \(MetricText.date(period.end))."
        var sections = [figures(DashboardSection(
            id: "figures", title: "Figures",
            tiles: tiles(["participants_active", "mentors_active", "mentees_active", "pairs_active", "sessions_completed",
                          "session_hours", "avg_session_rating", "role_swap_share", "cross_department_share",
                          "goal_completion_rate", "completion_rate", "at_risk_pairs"], period: period)),
            of: period, what: "This cohort")]
        if sections[0].notice == nil {
            sections.append(DashboardSection(id: "activity", title: "Who leads and where pairs come from",
                                             charts: [charts.sessionLeads(period),
                                                      charts.breakdown(period, by: .department, row: "pairs")]))
        }
        // The dates go in the period note only: the lead above it names the kind of cohort.
        let summary = period.programType.map { MetricText.programType($0) + " mentoring cohort." } ?? "A cohort of the program."
        return DashboardPage(path: Self.cohortPath(period), section: "cohorts", title: name,
                             summary: summary, periodNote: dates, sections: sections)
    }

    // MARK: Reciprocal mentoring

    func reciprocal() -> DashboardPage {
        let charts = ProgramCharts(metrics: metrics, output: chartOutput)
        var sections = [DashboardSection(
            id: "headline", title: "Role swaps this quarter",
            intro: "In reciprocal mentoring both people lead; a role swap is a session the mentee led.",
            tiles: headlineTiles(["role_swap_share", "sessions_led_by_mentee", "sessions_led_jointly", "sessions_led_by_mentor"],
                                 charts: charts))]
        if !metrics.quarters.isEmpty {
            sections.append(DashboardSection(
                id: "trends", title: "Who leads the sessions",
                charts: [charts.roleSwapsByQuarter(),
                         charts.quarterTrend(name: "role_swap_share_by_quarter", title: "Pairs with a role swap per quarter",
                                             description: "Of pairs that met in each quarter, the share where the mentee led at least one session.",
                                             keys: ["role_swap_share"])]))
        }
        if !metrics.cohorts.isEmpty {
            let rows = metrics.cohorts.map { period -> [DashboardTable.Cell] in
                [.init(text: period.cohortName ?? period.label,
                       url: OutputPath.relativeHref(from: "dashboards/reciprocal/index.html", to: Self.cohortPath(period))),
                 .init(text: period.programType.map(MetricText.programType) ?? ""),
                 cell(period, "role_swap_share"), cell(period, "sessions_led_by_mentor"),
                 cell(period, "sessions_led_by_mentee"), cell(period, "sessions_led_jointly")]
            }
            sections.append(DashboardSection(
                id: "by-program-type", title: "By program type and cohort",
                charts: [charts.sessionLeadsByProgramType()],
                table: DashboardTable(caption: "Who led the sessions, per cohort",
                                      headers: ["Cohort", "Program type", "Pairs with a role swap", "Led by the mentor",
                                                "Led by the mentee", "Led jointly"], rows: rows)))
        }
        return DashboardPage(path: "dashboards/reciprocal/index.html", section: "reciprocal", title: "Reciprocal mentoring",
                             summary: "Role swaps and who leads the sessions — mentor, mentee or both — by quarter and program type.",
                             periodNote: headlineNote, sections: sections)
    }

    // MARK: Network

    func network() -> DashboardPage {
        let charts = ProgramCharts(metrics: metrics, output: chartOutput)
        var sections = [DashboardSection(
            id: "headline", title: "Connections this quarter",
            intro: "Mentoring builds links across the organisation: between departments, across levels, and from mentee to mentor.",
            tiles: headlineTiles(["departments_connected", "cross_department_share", "cross_level_share",
                                  "mentees_became_mentors", "returning_participants"]
                                 + (metrics.headcount.isEmpty ? [] : ["participants_enrolled", "enrolment_share"]), charts: charts))]
        if let period = headline {
            sections.append(DashboardSection(
                id: "matrix", title: "Who mentors whom",
                intro: "Each cell counts active pairs in \(period.label): the mentor's department on the left, the mentee's along the top. Darker cells hold more pairs.",
                charts: [charts.departmentMatrix(period)]))
            sections.append(DashboardSection(
                id: "departments", title: "Departments taking part",
                intro: "Pairs count under the mentee's department.",
                charts: [charts.breakdown(period, by: .department, row: "participants"),
                         charts.breakdown(period, by: .department, row: "pairs")]
                    + (period.enrolmentShareByDepartment.isEmpty ? [] : [charts.enrolmentShareByDepartment(period)])))
        }
        if !metrics.quarters.isEmpty {
            sections.append(DashboardSection(
                id: "over-time", title: "Reach over time",
                charts: [charts.reachByQuarter(), charts.crossBoundaryByQuarter(), charts.networkGrowthByQuarter()]))
        }
        return DashboardPage(path: "dashboards/network/index.html", section: "network", title: "Network",
                             summary: "How the program connects departments and levels, and how far it has reached.",
                             periodNote: headlineNote, sections: sections)
    }

    // MARK: Training

    func training() -> DashboardPage {
        let charts = ProgramCharts(metrics: metrics, output: chartOutput)
        let modules = ProgramCharts.modules(in: metrics)
        var sections = [DashboardSection(
            id: "headline", title: "Foundational skills",
            intro: "Everyone in the program is asked to complete four foundational modules: active listening, guiding, challenging and powerful questions.",
            tiles: headlineTiles(["mentor_training_coverage", "mentee_training_coverage"]
                                 + modules.map { "trainings_completed[\($0)]" }, charts: charts))]
        if !metrics.quarters.isEmpty {
            sections.append(DashboardSection(
                id: "coverage", title: "Coverage per quarter",
                charts: [charts.trainingCoverageByQuarter(), charts.trainingsByModuleByQuarter()]))
        }
        if let all = metrics.all {
            sections.append(DashboardSection(id: "all-time", title: "All time, since the program began",
                                             charts: [charts.trainingsByModule(all)]))
        }
        return DashboardPage(path: "dashboards/training/index.html", section: "training", title: "Training",
                             summary: "Foundational skills training of mentors and mentees, per module and per quarter.",
                             periodNote: headlineNote, sections: sections)
    }
}
