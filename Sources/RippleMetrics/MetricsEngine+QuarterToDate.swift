import RippleCore

extension MetricsEngine {
    /// Counts of people and pairs whose quarter-to-date figure is hidden when it differs from the whole quarter's
    /// by fewer than `min_group_size`: the difference would count the few who took part only later in the quarter.
    static let quarterToDateDifferenced = ["participants_active", "mentors_active", "mentees_active", "pairs_active",
                                           "pairs_started", "pairs_completed", "pairs_closed_early",
                                           "participants_enrolled", "mentors_enrolled", "mentees_enrolled"]

    /// What a running quarter is compared with: the first days of the previous quarter and of the same quarter a
    /// year earlier, as many days as the running quarter has had (capped at that quarter's length). Each window is
    /// measured as the program stood on its last day: the engine run again with `as_of` set to it, so a
    /// cumulative count of the running quarter meets the same count of an earlier quarter at the same point.
    /// Empty when the last quarter is complete. `whole` are the quarters as measured before privacy, by id.
    func quarterToDateWindows(_ program: Program, quarters: [PeriodMetrics], whole: [String: RawPeriod]) -> [PeriodMetrics] {
        guard let current = quarters.last, current.toDate else { return [] }
        let days = current.start.days(to: current.end) + 1
        let compared = [quarters.dropLast().last, quarters.count > 4 ? quarters[quarters.count - 5] : nil].compactMap { $0 }
        let filter = PrivacyFilter(minGroupSize: settings.privacy.minGroupSize)
        return compared.compactMap { quarter in
            var earlier = settings
            earlier.program.asOf = min(quarter.start.adding(days: days - 1), quarter.end)
            let computation = MetricsComputation(program: program, settings: earlier)
            guard let k = computation.specs.firstIndex(where: { $0.id == quarter.id }) else { return nil }
            var scratch = PeriodScratch(people: program.participants.count, pairs: program.pairs.count)
            let raw = computation.measure(k, tallies: computation.tally(), scratch: &scratch)
            var window = filter.apply(raw)
            window.id = Self.quarterToDateID(quarter.id)
            window.kind = .quarterToDate
            window.label = Self.quarterToDateLabel(quarter.label, end: window.end)
            // Only the headline figures are compared: no breakdowns or matrix, which would double what disclosure
            // control has to solve (300 departments: 90,000 more matrix cells a window) for nothing shown.
            window.byDepartment = Breakdown(key: "by_department", groups: [])
            window.byLevel = Breakdown(key: "by_level", groups: [])
            window.departmentMatrix = DepartmentMatrix(departments: [])
            // Enrolment shares are the enrolled counts by department in disguise: left out with the breakdowns.
            window.enrolmentShareByDepartment = []
            window.enrolmentShare = nil
            window.suppressed.removeAll { $0.hasPrefix("enrolment_share_by_department[") || $0 == "enrolment_share" }
            window.suppressed.removeAll { $0.hasPrefix("by_department.") || $0.hasPrefix("by_level.") || $0.hasPrefix("department_matrix[") }
            if let whole = whole[quarter.id] {
                window.hide(Set(Self.quarterToDateDifferenced.filter { key in
                    guard let part = raw.metrics.value(for: key)?.number, let total = whole.metrics.value(for: key)?.number
                    else { return false }
                    return filter.tooSmall(Int(total - part))
                }))
            }
            return window
        }
    }

    /// `2026-Q3` → `2026-Q3:to-date`.
    package static func quarterToDateID(_ quarter: String) -> String { quarter + ":to-date" }

    /// `Q3 2026` ending 20 August → `Q3 2026 to 20 Aug`.
    package static func quarterToDateLabel(_ label: String, end: Day) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(label) to \(end.components.day) \(months[end.month - 1])"
    }
}
