import Foundation
import RippleMetrics

/// Every figure a built `metrics.json` publishes, one cell per figure: what an analyst holding
/// only the public site knows. Cells are ordered by period (file order), then key.
///
/// Two kinds of department matrix cell are not cells, because at 300 departments they are nearly
/// all of the file's 90,000 matrix cells a period and modelling them made the privacy stage
/// quadratic in departments:
/// - published zeros: an absent cell of a matrix is a published 0;
/// - every cell of an *opaque* matrix, one whose cells and column totals (`by_department.pairs`)
///   are all hidden (a period hidden as a whole). Such a matrix links to nothing published except
///   through its hidden column totals, and a cell (≥ 0, ≤ its column total) can only be pinned to
///   fewer than N values when its column total is, which the audit reports and the disclosure
///   control mends on the total itself.
package struct PublishedFigures: Sendable {
    /// One figure of one period.
    package struct Cell: Sendable, Hashable {
        /// Period id (`all`, `2026-Q3`, `cohort:x`); for reach points, their quarter.
        package var period: String
        /// The key as `suppressed` names it; reach points are `participants_reached`.
        package var key: String
        /// The published value; `nil` when hidden or when there was nothing to measure.
        package var value: Double?
        /// Listed in `suppressed` (reach points: `null`).
        package var hidden: Bool
        /// `period key`, as reports name it.
        package var name: String { "\(period) \(key)" }
    }

    /// The structure of one period's tables.
    package struct Period: Sendable {
        package var id: String
        package var kind: String
        /// Departments (rows and columns of the matrix, groups of `by_department`).
        package var departments: [String]
        /// Groups of `by_level`.
        package var levels: [String]
        /// Keys of `trainings_completed`.
        package var modules: [String]
        /// The departments the matrix has rows and columns for (none when it is opaque).
        package var matrixDepartments: Set<String>
        /// The matrix cells that are cells (hidden, or published and not 0), as (mentor, mentee).
        package var matrix: [MatrixEntry]
    }

    /// A department matrix cell's row (mentor's department) and column (mentee's).
    package struct MatrixEntry: Sendable, Hashable {
        package var mentor: String
        package var mentee: String
    }

    /// `privacy.min_group_size` the file was built with.
    package var minGroupSize: Int
    package var cells: [Cell] = []
    package var periods: [Period] = []
    /// Quarters of the `reach` list, ascending.
    package var reachQuarters: [String] = []
    /// The published headcount per department (eligible employees): enrolment shares divide by it.
    package var headcount: [String: Double] = [:]
    private var index: [String: Int] = [:]

    /// Why a text is not a metrics.json file.
    package struct Unreadable: Error, Sendable { package var reason: String }

    /// Reads the figures of a metrics.json text.
    package init(json text: String) throws(Unreadable) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
            throw Unreadable(reason: "it is not valid JSON")
        }
        guard let root = object as? [String: Any], let k = root["min_group_size"] as? Int,
              let periods = root["periods"] as? [[String: Any]]
        else { throw Unreadable(reason: "it has no 'min_group_size' and 'periods'") }
        minGroupSize = k
        for (department, value) in root["headcount"] as? [String: Any] ?? [:] {
            if let count = Self.number(value) { headcount[department] = count }
        }
        for period in periods { read(period) }
        for point in root["reach"] as? [[String: Any]] ?? [] {
            guard let quarter = point["quarter"] as? String else { continue }
            addReach(quarter, Self.number(point["participants_reached"]))
        }
        finish()
    }

    /// The figures of a metric set, exactly as `MetricsJSON` writes them (without the round trip
    /// through JSON text, which costs more than the audit on a large program).
    package init(_ set: MetricSet) {
        minGroupSize = set.minGroupSize
        for entry in set.headcount { headcount[entry.key] = entry.value.map(Double.init) }
        for period in set.periods {
            let suppressed = Set(period.suppressed)
            period.forEachFigure(includingMatrix: false) { key, value in
                add(Cell(period: period.id, key: key, value: value, hidden: suppressed.contains(key)))
            }
            let matrix = period.departmentMatrix
            let opaque = matrix.cells.allSatisfy { $0.allSatisfy { $0 == nil } }
                && period.byDepartment.pairs.allSatisfy { $0 == nil }
            var entries: [MatrixEntry] = []
            for (r, mentor) in matrix.departments.enumerated() where !opaque {
                for (c, mentee) in matrix.departments.enumerated() where matrix.cells[r][c] != 0 {
                    let key = DepartmentMatrix.cellKey(mentor: mentor, mentee: mentee)
                    add(Cell(period: period.id, key: key, value: matrix.cells[r][c].map(Double.init),
                             hidden: suppressed.contains(key)))
                    entries.append(MatrixEntry(mentor: mentor, mentee: mentee))
                }
            }
            periods.append(Period(id: period.id, kind: period.kind.rawValue,
                                  departments: Array(Set(period.byDepartment.groups + matrix.departments)).sorted(),
                                  levels: period.byLevel.groups.sorted(), modules: period.trainingsCompleted.map(\.key).sorted(),
                                  matrixDepartments: opaque ? [] : Set(matrix.departments), matrix: entries))
        }
        for point in set.reach { addReach(point.quarter, point.participantsReached.map(Double.init)) }
        finish()
    }

    private mutating func addReach(_ quarter: String, _ value: Double?) {
        reachQuarters.append(quarter)
        add(Cell(period: quarter, key: "participants_reached", value: value, hidden: value == nil))
    }

    /// One canonical order whatever the source: periods in file order, reach points last, keys sorted.
    private mutating func finish() {
        var group: [String: Int] = [:]
        for (i, period) in periods.enumerated() { group[period.id] = i }
        let rank = cells.map { $0.key == "participants_reached" ? periods.count : group[$0.period] ?? periods.count }
        let order = cells.indices.sorted { (rank[$0], cells[$0].key, $0) < (rank[$1], cells[$1].key, $1) }
        cells = order.map { cells[$0] }
        index = [:]
        for (i, cell) in cells.enumerated() { index[cell.name] = i }
    }

    private static let notFigures: Set<String> = ["id", "kind", "label", "start", "end", "to_date", "cohort_id",
                                                  "cohort_name", "program_type", "suppressed"]

    private mutating func read(_ period: [String: Any]) {
        let id = period["id"] as? String ?? ""
        let suppressed = Set(period["suppressed"] as? [String] ?? [])
        var entries: [MatrixEntry] = []
        func figure(_ key: String, _ raw: Any?) {
            let value = Self.number(raw)
            add(Cell(period: id, key: key, value: value, hidden: suppressed.contains(key)))
        }
        func groups(_ raw: Any?) -> [String: Any] { raw as? [String: Any] ?? [:] }
        let matrixCells = groups(period["department_matrix"]).values.flatMap { groups($0).values }
        let opaque = matrixCells.allSatisfy { $0 is NSNull }
            && groups(groups(period["by_department"])["pairs"]).values.allSatisfy { $0 is NSNull }
        for (key, raw) in period.sorted(by: { $0.key < $1.key }) where !Self.notFigures.contains(key) {
            switch key {
            case "trainings_completed", "survey_score", "enrolment_share_by_department":
                for (inner, value) in groups(raw).sorted(by: { $0.key < $1.key }) { figure("\(key)[\(inner)]", value) }
            case "by_department", "by_level":
                for (row, cells) in groups(raw).sorted(by: { $0.key < $1.key }) {
                    for (group, value) in groups(cells).sorted(by: { $0.key < $1.key }) { figure("\(key).\(row)[\(group)]", value) }
                }
            case "department_matrix" where !opaque:
                for (mentor, cells) in groups(raw).sorted(by: { $0.key < $1.key }) {
                    for (mentee, value) in groups(cells).sorted(by: { $0.key < $1.key }) {
                        let key = "department_matrix[\(mentor)][\(mentee)]"
                        if Self.number(value) == 0 && !suppressed.contains(key) { continue }
                        figure(key, value)
                        entries.append(MatrixEntry(mentor: mentor, mentee: mentee))
                    }
                }
            case "department_matrix": break
            default:
                if raw is NSNull || raw is NSNumber { figure(key, raw) }
            }
        }
        func names(_ table: String) -> [String] {
            Set(groups(period[table]).values.flatMap { groups($0).keys }).sorted()
        }
        periods.append(Period(id: id, kind: period["kind"] as? String ?? "",
                              departments: Array(Set(names("by_department") + names("department_matrix"))).sorted(),
                              levels: names("by_level"), modules: groups(period["trainings_completed"]).keys.sorted(),
                              matrixDepartments: opaque ? [] : Set(names("department_matrix")), matrix: entries))
    }

    private mutating func add(_ cell: Cell) { cells.append(cell) }

    private static func number(_ raw: Any?) -> Double? {
        guard let number = raw as? NSNumber, !(raw is NSNull) else { return nil }
        return number.doubleValue
    }

    /// The departments of the whole-program period.
    package var allDepartments: Set<String> { Set(periods.first { $0.kind == "all" }?.departments ?? []) }

    /// The cell of a figure, if the file has it.
    package func cell(_ period: String, _ key: String) -> Int? { index["\(period) \(key)"] }
}
