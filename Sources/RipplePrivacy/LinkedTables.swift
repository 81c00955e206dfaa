/// The linear system the published tables imply: breakdown rows and their totals, matrix columns
/// and `by_department.pairs`, quarters adding up to all time, quarter-to-date windows inside their quarters,
/// rates times their denominators,
/// `departments_connected`, and reach against pairs started. One instance serves both the audit
/// (the attacker) and complementary suppression (the defence), so the two cannot disagree.
struct LinkedTables: Sendable {
    let figures: PublishedFigures
    /// Relations that hold whatever is published.
    private(set) var relations: [Relation] = []
    /// Rates and what they divide.
    private(set) var ratios: [Ratio] = []
    /// Names of helper quantities that are never published (numbered after the cells).
    private(set) var helperNames: [String] = []
    /// Relations each variable appears in.
    private(set) var relationsOf: [[Int]] = []

    var variableCount: Int { figures.cells.count + helperNames.count }

    /// Counts that add up over quarters to the all-time figure (dated events).
    static let additive = ["pairs_started", "sessions_completed", "goals_achieved", "goals_set", "pairs_completed",
                           "pairs_closed_early", "sessions_led_by_mentor", "sessions_led_by_mentee", "sessions_led_jointly",
                           "sessions_cancelled", "sessions_no_show"]

    init(_ figures: PublishedFigures) {
        self.figures = figures
        for period in figures.periods { addTables(of: period) }
        addQuarterSums()
        addQuarterToDate()
        addReach()
        relationsOf = Array(repeating: [], count: variableCount)
        for (r, relation) in relations.enumerated() {
            for v in Set(relation.variables) { relationsOf[v].append(r) }
        }
    }

    func name(_ variable: Int) -> String {
        variable < figures.cells.count ? figures.cells[variable].name : helperNames[variable - figures.cells.count]
    }

    private mutating func helper(_ name: String) -> Int {
        helperNames.append(name)
        return figures.cells.count + helperNames.count - 1
    }

    private func sumText(_ parts: [Int], _ total: Int) -> String {
        "\(name(total)) = " + parts.map(name).joined(separator: " + ")
    }

    private mutating func addTables(of period: PublishedFigures.Period) {
        let p = period.id
        func cell(_ key: String) -> Int? { figures.cell(p, key) }
        for (table, groups) in [("by_department", period.departments), ("by_level", period.levels)] {
            for (row, totalKey) in [("participants", "participants_active"), ("pairs", "pairs_active"),
                                    ("sessions", "sessions_completed"), ("enrolled", "participants_enrolled")] {
                let parts = groups.compactMap { cell("\(table).\(row)[\($0)]") }
                guard let total = cell(totalKey), !parts.isEmpty else { continue }
                relations.append(.sum(parts, equals: total, text: sumText(parts, total)))
            }
        }
        let (columns, offDiagonal, unordered) = matrixCells(of: period)
        for (column, parts) in zip(period.departments, columns) where period.matrixDepartments.contains(column) {
            guard let total = cell("by_department.pairs[\(column)]") else { continue }
            relations.append(.sum(parts, equals: total, text: sumText(parts, total) + (parts.isEmpty ? "0" : "")))
        }
        if let connected = cell("departments_connected"), !unordered.isEmpty {
            relations.append(Relation(kind: .connected, variables: [connected] + unordered, coefficients: [], lower: 0,
                                      upper: 0, text: "\(name(connected)) = department pairs linked in the matrix"))
            relations.append(Relation(variables: offDiagonal + [connected], coefficients: offDiagonal.map { _ in 1 } + [-1],
                                      lower: 0, upper: .infinity,
                                      text: "off-diagonal cells of \(p) department_matrix ≥ \(name(connected))"))
        }
        func ratio(_ rateKey: String, _ numerator: [Int?], _ denominator: [Int?], constant: Double = 0,
                   half: Double = 0.0005, rule: [Int?]) {
            guard let rate = cell(rateKey) else { return }
            let numerator = numerator.compactMap { $0 }, denominator = denominator.compactMap { $0 }
            let parts = denominator.map(name) + (constant > 0 ? ["headcount \(Int(constant))"] : [])
            let text = "\(name(rate)) ≈ (" + numerator.map(name).joined(separator: " + ") + ") ÷ ("
                + parts.joined(separator: " + ") + ")"
            ratios.append(Ratio(rate: rate, numerator: numerator, denominator: denominator, constant: constant, half: half,
                                ruleCells: rule.compactMap { $0 }.filter { $0 < figures.cells.count }, text: text))
        }
        let pairs = cell("pairs_active"), sessions = cell("sessions_completed")
        // An opaque matrix has no cells: its off-diagonal sum is unknown, not 0.
        let crossPairs = period.matrixDepartments.isEmpty ? [helper("\(p) cross-department pairs")] : offDiagonal
        ratio("cross_department_share", crossPairs, [pairs], rule: [pairs])
        ratio("sessions_per_active_pair", [sessions], [pairs], half: 0.005, rule: [sessions, pairs])
        ratio("completion_rate", [cell("pairs_completed")], [cell("pairs_completed"), cell("pairs_closed_early")],
              rule: [cell("pairs_completed"), cell("pairs_closed_early")])
        let scheduled = [sessions, cell("sessions_cancelled"), cell("sessions_no_show")]
        ratio("cancellation_rate", [cell("sessions_cancelled")], scheduled, rule: scheduled)
        ratio("no_show_rate", [cell("sessions_no_show")], scheduled, rule: scheduled)
        let achieved = cell("goals_achieved")
        ratio("goal_completion_rate", [achieved], [achieved, helper("\(p) goals dropped")], rule: [achieved])
        let people = [("cross_level_share", "pairs_active"), ("survey_response_rate", "participants_enrolled"),
                      ("match_rate", "mentees_enrolled"), ("mentor_training_coverage", "mentors_active"),
                      ("mentee_training_coverage", "mentees_active")]
        for (rateKey, denominator) in people {
            ratio(rateKey, [helper("\(p) numerator of \(rateKey)")], [cell(denominator)], rule: [cell(denominator)])
        }
        // A share of a published headcount is the enrolled count divided by a known number.
        var coveredEnrolled: [Int] = [], coveredHeadcount = 0.0
        for (department, headcount) in figures.headcount.sorted(by: { $0.key < $1.key }) {
            let enrolled = cell("by_department.enrolled[\(department)]") ?? helper("\(p) enrolled in \(department)")
            coveredEnrolled.append(enrolled); coveredHeadcount += headcount
            ratio("enrolment_share_by_department[\(department)]", [enrolled], [], constant: headcount, rule: [enrolled])
        }
        if !figures.headcount.isEmpty {
            // Windows publish no breakdowns: their enrolled people are the total when every department has a headcount.
            if period.departments.isEmpty, Set(figures.headcount.keys) == figures.allDepartments {
                coveredEnrolled = [cell("participants_enrolled") ?? helper("\(p) enrolled")]
            } else if period.departments.isEmpty {
                coveredEnrolled = [helper("\(p) enrolled in departments with a headcount")]
            }
            ratio("enrolment_share", coveredEnrolled, [], constant: coveredHeadcount, rule: coveredEnrolled)
        }
        // Role swaps: pairs with a mentee-led session ≤ mentee-led sessions, and ≤ pairs that met.
        if let share = cell("role_swap_share"), let led = cell("sessions_led_by_mentee"), let pairs, let sessions {
            let swapped = helper("\(p) pairs with a role swap"), met = helper("\(p) pairs that met")
            func atMost(_ a: Int, _ b: Int) {
                relations.append(Relation(variables: [a, b], coefficients: [1, -1], lower: -.infinity, upper: 0,
                                          text: "\(name(a)) ≤ \(name(b))"))
            }
            atMost(swapped, led); atMost(swapped, met); atMost(met, pairs); atMost(met, sessions)
            if figures.cells[share].hidden || figures.cells[share].value != nil {
                relations.append(Relation(variables: [met], coefficients: [1], lower: 1, upper: .infinity,
                                          text: "\(name(met)) ≥ 1 (\(name(share)) has a value)"))
            }
            ratio("role_swap_share", [swapped], [met], rule: [])
        }
    }

    /// The matrix cells of a period by column (in row order), its off-diagonal cells, and the
    /// unordered department pairs as `[a][b], [b][a]` twos. A pair with one cell absent (a published
    /// 0) repeats the other; pairs with both absent are left out: they are known unlinked.
    private func matrixCells(of period: PublishedFigures.Period) -> (columns: [[Int]], offDiagonal: [Int], unordered: [Int]) {
        let departments = period.departments
        let position = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($1, $0) })
        var columns = Array(repeating: [(row: Int, cell: Int)](), count: departments.count)
        var pairs: [Int: (ab: Int?, ba: Int?)] = [:]
        for entry in period.matrix {
            guard let r = position[entry.mentor], let c = position[entry.mentee],
                  let cell = figures.cell(period.id, "department_matrix[\(entry.mentor)][\(entry.mentee)]") else { continue }
            columns[c].append((r, cell))
            guard r != c else { continue }
            let key = min(r, c) * departments.count + max(r, c)
            if r < c { pairs[key, default: (nil, nil)].ab = cell } else { pairs[key, default: (nil, nil)].ba = cell }
        }
        var offDiagonal: [Int] = []
        var unordered: [Int] = []
        for key in pairs.keys.sorted() {
            let (ab, ba) = pairs[key]!
            offDiagonal += [ab, ba].compactMap { $0 }
            unordered += [ab ?? ba!, ba ?? ab!]
        }
        return (columns.map { $0.sorted { $0.row < $1.row }.map(\.cell) }, offDiagonal, unordered)
    }

    private mutating func addQuarterSums() {
        let quarters = figures.periods.filter { $0.kind == "quarter" }.map(\.id)
        guard let all = figures.periods.first(where: { $0.kind == "all" }), !quarters.isEmpty else { return }
        var keys = Self.additive
        keys += all.departments.map { "by_department.sessions[\($0)]" }
        keys += all.levels.map { "by_level.sessions[\($0)]" }
        let trainings = all.modules.map { "trainings_completed[\($0)]" }
        for key in keys + trainings {
            guard let total = figures.cell(all.id, key) else { continue }
            let parts = quarters.compactMap { figures.cell($0, key) }
            guard parts.count == quarters.count else { continue }
            if key.hasPrefix("trainings_completed[") {
                // All time also counts trainings before the first quarter, which nothing publishes.
                relations.append(Relation(variables: [total] + parts, coefficients: [1] + parts.map { _ in -1 },
                                          lower: 0, upper: .infinity, text: "\(name(total)) ≥ " + parts.map(name).joined(separator: " + ")))
            } else {
                relations.append(.sum(parts, equals: total, text: sumText(parts, total)))
            }
        }
    }

    /// A quarter-to-date window lies inside its quarter: its count of people, pairs or dated events is at most the
    /// whole quarter's.
    private mutating func addQuarterToDate() {
        let counts = Self.additive + ["participants_active", "mentors_active", "mentees_active", "pairs_active",
                                      "participants_enrolled", "mentors_enrolled", "mentees_enrolled"]
        for window in figures.periods where window.kind == "quarter_to_date" {
            guard let quarter = window.id.split(separator: ":").first.map(String.init) else { continue }
            for key in counts {
                guard let part = figures.cell(window.id, key), let whole = figures.cell(quarter, key) else { continue }
                relations.append(Relation(variables: [whole, part], coefficients: [1, -1], lower: 0, upper: .infinity,
                                          text: "\(name(part)) ≤ \(name(whole))"))
            }
        }
    }

    private mutating func addReach() {
        var previous: Int?
        var started: [Int] = []
        for quarter in figures.reachQuarters {
            guard let reach = figures.cell(quarter, "participants_reached"),
                  let pairs = figures.cell(quarter, "pairs_started") else { return }
            started.append(pairs)
            // Newly reached people ≤ 2 × pairs started in the quarter, and never negative.
            var variables = [reach, pairs], coefficients = [1.0, -2.0]
            var text = "\(name(reach)) ≤ 2 × \(name(pairs))"
            if let previous {
                variables.append(previous); coefficients.append(-1)
                text = "\(name(reach)) − \(name(previous)) ≤ 2 × \(name(pairs))"
                relations.append(Relation(variables: [reach, previous], coefficients: [1, -1], lower: 0, upper: .infinity,
                                          text: "\(name(reach)) ≥ \(name(previous))"))
            }
            relations.append(Relation(variables: variables, coefficients: coefficients, lower: -.infinity, upper: 0, text: text))
            relations.append(Relation(kind: .minimumPeople, variables: [reach] + started, coefficients: [], lower: 0, upper: 0,
                                      text: "\(name(reach)) ≥ the fewest people who can form the pairs started so far"))
            // Active participants are people in active pairs: all of them had been paired by the quarter's end, and
            // everyone first paired in the quarter is in a pair active in it.
            if let active = figures.cell(quarter, "participants_active") {
                relations.append(Relation(variables: [reach, active], coefficients: [1, -1], lower: 0, upper: .infinity,
                                          text: "\(name(active)) ≤ \(name(reach))"))
                let newcomers = previous.map { [reach, $0, active] } ?? [reach, active]
                relations.append(Relation(variables: newcomers, coefficients: previous == nil ? [1, -1] : [1, -1, -1],
                                          lower: -.infinity, upper: 0,
                                          text: previous.map { "\(name(reach)) − \(name($0)) ≤ \(name(active))" }
                                              ?? "\(name(reach)) ≤ \(name(active))"))
            }
            previous = reach
        }
        // All time runs from the first pair to as_of, where the last quarter ends: its active people are everyone reached.
        if let last = previous, let all = figures.periods.first(where: { $0.kind == "all" }),
           let active = figures.cell(all.id, "participants_active") {
            relations.append(.sum([last], equals: active, text: "\(name(active)) = \(name(last))"))
        }
    }

    /// The static relations plus, for every published rate, `(r − half) × Σ den ≤ Σ num ≤ (r + half) × Σ den`,
    /// with the published figures folded in as constants.
    func relations(hidden: [Bool]) -> [Relation] {
        let cells = figures.cells
        func known(_ v: Int) -> Double? { v < cells.count && !hidden[v] ? cells[v].value : nil }
        return unfolded(hidden: hidden).compactMap { $0.folded(known) }
    }

    private func unfolded(hidden: [Bool]) -> [Relation] {
        var all = relations
        for ratio in ratios where !hidden[ratio.rate] {
            guard let r = figures.cells[ratio.rate].value else { continue }
            var weights: [Int: Double] = [:]
            for v in ratio.numerator { weights[v, default: 0] += 1 }
            for (bound, upper) in [(r + ratio.half, true), (max(0, r - ratio.half), false)] {
                var w = weights
                for v in ratio.denominator { w[v, default: 0] -= bound }
                let variables = w.keys.sorted()
                // Σ numerator − bound × Σ denominator against bound × the known part of the denominator.
                let known = bound * ratio.constant
                all.append(Relation(variables: variables, coefficients: variables.map { w[$0]! },
                                    lower: upper ? -.infinity : known, upper: upper ? known : .infinity,
                                    rate: ratio.rate, text: ratio.text))
            }
        }
        return all
    }
}
