import RippleMetrics

/// The departments a page shows of a period's department matrix (the report's table, the heat maps).
///
/// The matrix has one cell per pair of departments: 300 departments (a column-mapping slip, or a very large
/// organisation) would be a 90,000-cell table that no reader can use. Up to `limit` departments are all shown;
/// above it, the `limit` departments with the most active participants (as published: a hidden count ranks
/// last), in the matrix's alphabetical order, with a note saying how many were left out. Every cell stays in
/// `data/metrics.json`. Showing part of the published figures reveals nothing more than the whole.
///
/// Choosing is O(d log d) in the number of departments d, and reading the shown cells O(limit²), so a page
/// stays near-linear in d however many departments the data has.
package struct ShownDepartments: Sendable, Hashable {
    /// The most departments shown.
    package static let limit = 20

    /// The shown departments, in the matrix's order.
    package var names: [String]
    /// Their indices in `DepartmentMatrix.departments`.
    package var indices: [Int]
    /// How many departments the matrix has.
    package var total: Int

    /// Chooses the departments of `period`'s matrix to show.
    package init(_ period: PeriodMetrics, limit: Int = ShownDepartments.limit) {
        let departments = period.departmentMatrix.departments
        total = departments.count
        if departments.count <= limit {
            indices = Array(departments.indices)
        } else {
            // `by_department` lists the same departments; looked up by name once, not searched per department.
            let breakdown = period.byDepartment
            var participants: [String: Int] = [:]
            for (g, group) in breakdown.groups.enumerated() where g < breakdown.participants.count {
                participants[group] = breakdown.participants[g] ?? -1
            }
            let ranked = departments.indices.sorted { a, b in
                let (pa, pb) = (participants[departments[a]] ?? -1, participants[departments[b]] ?? -1)
                return pa != pb ? pa > pb : a < b
            }
            indices = ranked.prefix(limit).sorted()
        }
        names = indices.map { departments[$0] }
    }

    /// How many departments are left out.
    package var leftOut: Int { total - names.count }

    /// A sentence for the caption when departments are left out, nil when all are shown.
    package var note: String? {
        guard leftOut > 0 else { return nil }
        return "Showing the \(names.count) of \(total) departments with the most active participants; "
            + "the other \(leftOut) are left out here, and every cell is in data/metrics.json."
    }

    /// A shown cell (`row`, `column` index into `names`) as a published figure: hidden cells are `.suppressed`.
    package func value(_ period: PeriodMetrics, row: Int, column: Int) -> MetricValue {
        let (r, c) = (indices[row], indices[column])
        let matrix = period.departmentMatrix
        let key = DepartmentMatrix.cellKey(mentor: matrix.departments[r], mentee: matrix.departments[c])
        return .of(matrix.cells[r][c], suppressed: period.isSuppressed(key))
    }
}
