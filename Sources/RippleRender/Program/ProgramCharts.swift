import RippleCharts
import RippleCore
import RippleMetrics

/// Builds the program's charts from a `MetricSet`: trends across quarters, the department matrix,
/// who leads sessions, training and reach. Every method returns the finished, accessible `<figure>`
/// HTML (title, description, caption, "Show the data" table); suppressed values show as hatched
/// "fewer than N", values with nothing to measure as "—" without hatching, and no chart ever holds a name.
///
/// Shares are drawn as percentages (0–100). A quarter where every series has nothing to measure
/// is left out of a trend, so "no data" is not drawn as "hidden".
package struct ProgramCharts: Sendable {
    /// The figures.
    package var metrics: MetricSet
    /// Prepended to every chart id, so two charts of the same kind can share a page.
    package var idPrefix: String
    /// Whether the methods return each chart's `<figure>` HTML or its visible text (for the search index).
    package var output: Output = .html

    /// What the methods return.
    package enum Output: Sendable { case html, text }

    /// Creates a builder.
    package init(metrics: MetricSet, idPrefix: String = "", output: Output = .html) {
        self.metrics = metrics
        self.idPrefix = idPrefix
        self.output = output
    }

    /// The chart as `output` asks.
    private func finish(_ chart: some FigureChart) -> String {
        output == .html ? chart.html() : chart.text()
    }

    private func frame(_ name: String, _ title: String, _ description: String) -> ChartFrame {
        ChartFrame(id: idPrefix + name, title: title, description: description, minGroupSize: metrics.minGroupSize)
    }

    // MARK: Values

    /// The figure of `key` for every quarter, oldest first.
    package func quarterValues(_ key: String) -> [MetricValue] {
        metrics.quarters.map { $0.value(for: key) ?? .unavailable }
    }

    /// A chart number: shares as percentages; suppressed and missing figures as nil.
    static func plotted(_ value: MetricValue, key: String) -> Double? {
        guard let number = value.number else { return nil }
        return MetricCatalog.definition(key)?.unit == .share ? (number * 1000).rounded() / 10 : number
    }

    /// A series name with `(%)` for shares.
    static func seriesName(_ key: String) -> String {
        let label = MetricTile.label(for: key)
        return MetricCatalog.definition(key)?.unit == .share ? label + " (%)" : label
    }

    /// Indices of `values` with nothing to measure, which charts draw as "—" rather than hidden.
    static func unmeasured(_ values: [MetricValue]) -> Set<Int> {
        Set(values.indices.filter { values[$0] == .unavailable })
    }

    /// A quarter on a chart's axis: its label, or `Q4 2026 to 20 Nov` while it is still running.
    static func axisLabel(_ quarter: PeriodMetrics) -> String {
        quarter.toDate ? MetricsEngine.quarterToDateLabel(quarter.label, end: quarter.end) : quarter.label
    }

    /// A bar of one figure: the number, hidden, or nothing to measure.
    static func datum(_ label: String, _ value: MetricValue, display: (Double) -> String) -> ChartDatum {
        switch value {
        case .number(let number): ChartDatum(label, number, display: display(number))
        case .suppressed: ChartDatum(label, nil)
        case .unavailable: ChartDatum.unmeasured(label)
        }
    }

    /// A tile sparkline of `key` over the last `count` quarters; nil with fewer than two quarters.
    package func sparkline(key: String, count: Int = 8, idSuffix: String = "") -> Sparkline? {
        let quarters = metrics.quarters.suffix(count)
        guard quarters.count >= 2 else { return nil }
        let values = quarters.map { $0.value(for: key) ?? .unavailable }
        let spoken = zip(quarters, values).map { "\(Self.axisLabel($0)) \(MetricText.value($1, key: key, minGroupSize: metrics.minGroupSize))" }
        return Sparkline(id: "\(idPrefix)spark-\(key)\(idSuffix)", label: "\(MetricTile.label(for: key)) by quarter: "
                            + spoken.joined(separator: ", "),
                         values: values.map { Self.plotted($0, key: key) }, lastIsToDate: quarters.last?.toDate == true)
    }

    // MARK: Trends across quarters

    /// A line chart of metric `keys` across quarters, one line per key; `names` (short, for the legend)
    /// default to the catalogue labels.
    package func quarterTrend(name: String, title: String, description: String, keys: [String],
                              names: [String]? = nil) -> String {
        let quarters = metrics.quarters
        let values = keys.map { quarterValues($0) }
        let shown = quarters.indices.filter { q in values.contains { $0[q] != .unavailable } }
        let series = keys.indices.map { k in
            ChartSeries(names?[k] ?? Self.seriesName(keys[k]), shown.map { Self.plotted(values[k][$0], key: keys[k]) },
                        unmeasured: Self.unmeasured(shown.map { values[k][$0] }))
        }
        return finish(LineChart(frame: frame(name, title, description), categories: shown.map { Self.axisLabel(quarters[$0]) },
                         series: series, toDate: shown.lastIndex { quarters[$0].toDate }))
    }

    /// Completed sessions per quarter.
    package func sessionsByQuarter() -> String {
        quarterTrend(name: "sessions_by_quarter", title: "Sessions completed per quarter",
                     description: "Mentoring sessions that took place in each quarter.", keys: ["sessions_completed"])
    }

    /// Active pairs and pairs started per quarter.
    package func activePairsByQuarter() -> String {
        quarterTrend(name: "active_pairs_by_quarter", title: "Active pairs per quarter",
                     description: "Mentoring pairs running at any time in each quarter, and pairs that began in it.",
                     keys: ["pairs_active", "pairs_started"], names: ["Active pairs", "Pairs started"])
    }

    /// Active participants, mentors and mentees per quarter.
    package func participantsByQuarter() -> String {
        quarterTrend(name: "participants_by_quarter", title: "Participants per quarter",
                     description: "People taking part in each quarter, and how many of them mentor and are mentored.",
                     keys: ["participants_active", "mentors_active", "mentees_active"],
                     names: ["Participants", "Mentors", "Mentees"])
    }

    /// Match rate, cross-department and cross-level shares, role swaps per quarter (percentages).
    package func sharesByQuarter() -> String {
        quarterTrend(name: "shares_by_quarter", title: "Program health per quarter",
                     description: "Match rate, pairs meeting monthly, and pairs across departments and levels, as percentages.",
                     keys: ["match_rate", "monthly_meeting_share", "cross_department_share", "cross_level_share"],
                     names: ["Match rate %", "Meet monthly %", "Cross-dept %", "Cross-level %"])
    }

    /// Cross-department and cross-level shares of active pairs per quarter.
    package func crossBoundaryByQuarter() -> String {
        quarterTrend(name: "cross_boundary_by_quarter", title: "Pairs across departments and levels",
                     description: "Share of active pairs whose mentor and mentee work in different departments or at different levels.",
                     keys: ["cross_department_share", "cross_level_share"],
                     names: ["Cross-dept %", "Cross-level %"])
    }

    /// Departments connected and mentees who became mentors per quarter.
    package func networkGrowthByQuarter() -> String {
        quarterTrend(name: "network_growth_by_quarter", title: "Connections and new mentors per quarter",
                     description: "Distinct pairs of departments linked by a mentoring pair, and people who became mentors after being mentored.",
                     keys: ["departments_connected", "mentees_became_mentors"],
                     names: ["Dept. links", "New mentors"])
    }

    /// Distinct participants ever paired, by the end of each quarter.
    package func reachByQuarter() -> String {
        finish(LineChart(frame: frame("reach_by_quarter", "Participants reached over time",
                               "Distinct people who have been in a mentoring pair, counted at the end of each quarter."),
                  categories: metrics.reach.map(\.label),
                  series: [ChartSeries("Participants reached", metrics.reach.map { $0.participantsReached.map(Double.init) })]))
    }

    /// Share of active mentors and mentees trained in all four foundational modules, per quarter.
    package func trainingCoverageByQuarter() -> String {
        quarterTrend(name: "training_coverage", title: "Foundational skills coverage",
                     description: "Share of active mentors and of active mentees who completed all four foundational skills modules, by the end of each quarter.",
                     keys: ["mentor_training_coverage", "mentee_training_coverage"],
                     names: ["Mentors %", "Mentees %"])
    }

    /// Trainings completed per module, one line per module, across quarters.
    package func trainingsByModuleByQuarter() -> String {
        let modules = Self.modules(in: metrics)
        return quarterTrend(name: "trainings_by_module_by_quarter", title: "Trainings completed per module",
                            description: "Training modules completed in each quarter, one line per module.",
                            keys: modules.map { "trainings_completed[\($0)]" },
                            names: modules.map { $0.replacingOccurrences(of: "_", with: " ") })
    }

    /// Every training module in the data, sorted.
    static func modules(in metrics: MetricSet) -> [String] {
        Set(metrics.periods.flatMap { $0.trainingsCompleted.map(\.key) }).sorted()
    }

    /// Who led completed sessions in each quarter: mentor, mentee (role swap) or both.
    package func roleSwapsByQuarter() -> String {
        let quarters = metrics.quarters
        let keys = Self.leadKeys
        let series = keys.map { key in
            let values = quarters.map { $0.value(for: key) ?? .unavailable }
            return ChartSeries(Self.leadNames[key] ?? key, values.map(\.number), unmeasured: Self.unmeasured(values))
        }
        return finish(StackedBarChart(frame: frame("role_swaps_by_quarter", "Who led the sessions, per quarter",
                                            "Completed sessions led by the mentor, by the mentee (a role swap) or jointly, in each quarter."),
                               categories: quarters.map(Self.axisLabel), series: series))
    }

    static let leadKeys = ["sessions_led_by_mentor", "sessions_led_by_mentee", "sessions_led_jointly"]
    static let leadNames = ["sessions_led_by_mentor": "Mentor", "sessions_led_by_mentee": "Mentee",
                            "sessions_led_jointly": "Joint"]

    /// Who led completed sessions, by program type (cohorts added up; a type with any hidden cohort figure is
    /// hidden, one whose cohorts have nothing to measure shows "—").
    package func sessionLeadsByProgramType() -> String {
        let groups = ProgramType.allCases.compactMap { type -> (String, [PeriodMetrics])? in
            let cohorts = metrics.cohorts.filter { $0.programType == type }
            return cohorts.isEmpty ? nil : (MetricText.programType(type), cohorts)
        }
        let series = Self.leadKeys.map { key in
            let values = groups.map { _, cohorts -> MetricValue in
                var total: Double?
                for cohort in cohorts {
                    switch cohort.value(for: key) ?? .unavailable {
                    case .number(let number): total = (total ?? 0) + number
                    case .suppressed: return .suppressed
                    case .unavailable: continue
                    }
                }
                return total.map { .number($0) } ?? .unavailable
            }
            return ChartSeries(Self.leadNames[key] ?? key, values.map(\.number), unmeasured: Self.unmeasured(values))
        }
        return finish(StackedBarChart(frame: frame("session_leads_by_program_type", "Who led the sessions, by program type",
                                            "Completed sessions of all cohorts of each program type, by who led them."),
                               categories: groups.map(\.0), series: series))
    }

    // MARK: One period

    /// Active pairs by mentor's department (rows) and mentee's department (columns) in `period`, for the
    /// departments a page shows (see `ShownDepartments`: at most 20, with a caption saying how many are left out).
    package func departmentMatrix(_ period: PeriodMetrics) -> String {
        let shown = ShownDepartments(period)
        var frame = frame("department_matrix", "Who mentors whom across departments",
                          "Active pairs in \(period.label), by the mentor's department (rows) and the mentee's department (columns). Cells off the diagonal are cross-department pairs."
                              + (shown.note.map { " " + $0 } ?? ""))
        if let note = shown.note { frame.caption = frame.title + ". " + note }
        let values = shown.names.indices.map { r in shown.names.indices.map { c in shown.value(period, row: r, column: c).number } }
        return finish(HeatMap(frame: frame, rows: shown.names, columns: shown.names, values: values,
                       rowHeading: "Mentor's department", columnHeading: "Mentee's department"))
    }

    /// Which attribute a breakdown splits by.
    package enum Group: String, Sendable {
        case department, level
    }

    /// One row of a breakdown (`participants`, `pairs` or `sessions`) of `period` as a bar chart.
    package func breakdown(_ period: PeriodMetrics, by group: Group, row: String) -> String {
        let breakdown = group == .department ? period.byDepartment : period.byLevel
        let values = breakdown.rows.first { $0.name == row }?.values ?? []
        let what = ["participants": "Active participants", "pairs": "Active pairs", "sessions": "Sessions completed",
                    "enrolled": "Enrolled participants"][row] ?? row
        let note = ["participants", "enrolled"].contains(row) ? "" : " Pairs and sessions count under the mentee's \(group.rawValue)."
        let data = zip(breakdown.groups, values).map { label, value in
            ChartDatum(label, value.map(Double.init), display: value.map { MetricUnit.count.format(Double($0)) })
        }
        return finish(BarChart(frame: frame("\(row)_by_\(group.rawValue)", "\(what) by \(group.rawValue)",
                                     "\(what) in \(period.label), by \(group.rawValue).\(note)"),
                        data: data, valueHeading: what))
    }

    /// Enrolled participants of each department with a headcount, as a share of it (`enrolment_share_by_department`).
    package func enrolmentShareByDepartment(_ period: PeriodMetrics) -> String {
        let data = period.enrolmentShareByDepartment.map { entry in
            Self.datum(entry.key, period.value(for: "enrolment_share_by_department[\(entry.key)]") ?? .unavailable) {
                MetricUnit.share.format($0)
            }
        }
        return finish(BarChart(frame: frame("enrolment_share_by_department", "Eligible employees enrolled, by department",
                                     "Enrolled participants in \(period.label) as a share of each department's headcount."),
                        data: data, valueHeading: "Share of headcount"))
    }

    /// Trainings completed per module in `period`.
    package func trainingsByModule(_ period: PeriodMetrics) -> String {
        let data = period.trainingsCompleted.map { entry in
            ChartDatum(entry.key.replacingOccurrences(of: "_", with: " "),
                       period.isSuppressed("trainings_completed[\(entry.key)]") ? nil : entry.value.map(Double.init) ?? 0)
        }
        return finish(BarChart(frame: frame("trainings_by_module", "Trainings completed by module",
                                     "Training modules completed in \(period.label)."),
                        data: data, valueHeading: "Trainings completed"))
    }

    /// Who led the completed sessions of `period` (mentor, mentee, joint) as bars.
    package func sessionLeads(_ period: PeriodMetrics) -> String {
        let data = Self.leadKeys.map { key in
            Self.datum(Self.leadNames[key] ?? key, period.value(for: key) ?? .unavailable) { MetricUnit.count.format($0) }
        }
        return finish(BarChart(frame: frame("session_leads", "Who led the sessions",
                                     "Completed sessions in \(period.label) by who led them: the mentor, the mentee (a role swap) or both."),
                        data: data, valueHeading: "Sessions"))
    }
}
