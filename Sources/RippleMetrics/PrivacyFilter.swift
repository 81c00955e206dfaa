/// Applies `privacy.minGroupSize`: hides figures about fewer than N people, and hides enough
/// neighbouring figures that a hidden one can never be worked out by subtraction.
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
        for (s, people) in raw.surveyPopulations.enumerated()
        where (countsOnly || tooSmall(people)) && m.surveyScore[s].value != nil {
            m.surveyScore[s].value = nil
            hidden.insert("survey_score[\(m.surveyScore[s].key)]")
        }
        let totals: [ScalarField] = [.count(\.participantsActive), .count(\.pairsActive), .count(\.sessionsCompleted)]
        m.byDepartment = protect(m.byDepartment, populations: raw.departmentPopulations, totals: totals, in: &m, hidden: &hidden)
        m.byLevel = protect(m.byLevel, populations: raw.levelPopulations, totals: totals, in: &m, hidden: &hidden)
        protectMatrix(&m, populations: raw.matrixPopulations, hidden: &hidden)
        m.suppressed = Self.orderedKeys(of: m).filter(hidden.contains)
        return m
    }

    /// A breakdown with small cells hidden, row by row, plus complementary cells.
    private func protect(_ breakdown: Breakdown, populations: [[Int]], totals: [ScalarField],
                         in m: inout PeriodMetrics, hidden: inout Set<String>) -> Breakdown {
        var result = breakdown
        for (r, row) in breakdown.rows.enumerated() {
            var values = row.values
            let counts = values.map { $0 ?? 0 }
            var hide = populations[r].map(tooSmall)
            let totalHidden = Self.complement(counts, hiding: &hide)
            for (g, isHidden) in hide.enumerated() where isHidden {
                values[g] = nil
                hidden.insert(breakdown.cellKey(row: row.name, group: breakdown.groups[g]))
            }
            if totalHidden {
                m.clear(totals[r])
                hidden.insert(PeriodMetrics.coreFields.first { $0.field.sameField(totals[r]) }!.key)
            }
            switch r {
            case 0: result.participants = values
            case 1: result.pairs = values
            default: result.sessions = values
            }
        }
        return result
    }

    /// Hides small matrix cells; a column whose total (`by_department.pairs`) is hidden is hidden
    /// whole; a column with a published total never has exactly one hidden cell.
    private func protectMatrix(_ m: inout PeriodMetrics, populations: [[Int]], hidden: inout Set<String>) {
        let matrix = m.departmentMatrix
        let n = matrix.departments.count
        for c in 0..<n {
            let column = (0..<n).map { matrix.cells[$0][c] ?? 0 }
            var hide = (0..<n).map { tooSmall(populations[$0][c]) }
            if m.byDepartment.pairs[c] == nil && m.pairsActive != nil || m.pairsActive == nil {
                hide = Array(repeating: true, count: n)
            } else {
                _ = Self.complement(column, hiding: &hide)
            }
            for r in 0..<n where hide[r] {
                m.departmentMatrix.cells[r][c] = nil
                hidden.insert(DepartmentMatrix.cellKey(mentor: matrix.departments[r], mentee: matrix.departments[c]))
            }
        }
    }

    /// Complementary suppression for one line of cells whose total is published: when exactly one
    /// cell is hidden, also hide the smallest other non-zero cell (else the smallest other cell).
    /// Returns whether the total itself must be hidden (there is no other cell to hide).
    static func complement(_ values: [Int], hiding hide: inout [Bool]) -> Bool {
        guard hide.filter({ $0 }).count == 1 else { return false }
        let candidates = values.indices.filter { !hide[$0] }
        let pick = candidates.filter { values[$0] > 0 }.min { (values[$0], $0) < (values[$1], $1) }
            ?? candidates.first
        guard let pick else { return true }
        hide[pick] = true
        return false
    }

    /// A period with every figure hidden (too few people in the whole period or cohort).
    static func suppressEverything(_ metrics: PeriodMetrics) -> PeriodMetrics {
        var m = metrics
        for (_, field) in PeriodMetrics.coreFields + PeriodMetrics.extraFields { m.clear(field) }
        for i in m.trainingsCompleted.indices { m.trainingsCompleted[i].value = nil }
        for i in m.surveyScore.indices { m.surveyScore[i].value = nil }
        let blank = m.byDepartment.groups.map { _ in Int?.none }
        m.byDepartment.participants = blank; m.byDepartment.pairs = blank; m.byDepartment.sessions = blank
        let blankLevels = m.byLevel.groups.map { _ in Int?.none }
        m.byLevel.participants = blankLevels; m.byLevel.pairs = blankLevels; m.byLevel.sessions = blankLevels
        m.departmentMatrix.cells = m.departmentMatrix.cells.map { $0.map { _ in nil } }
        m.suppressed = orderedKeys(of: m)
        return m
    }

    /// Every figure's key in metrics.json order.
    static func orderedKeys(of m: PeriodMetrics) -> [String] {
        var keys = PeriodMetrics.coreFields.map(\.key)
        keys += m.trainingsCompleted.map { "trainings_completed[\($0.key)]" }
        for (key, _) in PeriodMetrics.extraFields {
            keys.append(key)
            if key == "goal_completion_rate" { keys += m.surveyScore.map { "survey_score[\($0.key)]" } }
        }
        for breakdown in [m.byDepartment, m.byLevel] {
            for row in breakdown.rows {
                keys += breakdown.groups.map { breakdown.cellKey(row: row.name, group: $0) }
            }
        }
        let departments = m.departmentMatrix.departments
        for mentor in departments {
            keys += departments.map { DepartmentMatrix.cellKey(mentor: mentor, mentee: $0) }
        }
        return keys
    }
}

extension ScalarField {
    /// Whether two fields point at the same property.
    func sameField(_ other: ScalarField) -> Bool {
        switch (self, other) {
        case let (.count(a), .count(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        default: return false
        }
    }
}
