/// Who mentors whom across the organisation: active pairs in a period counted by the mentor's
/// department (rows) and the mentee's department (columns).
///
/// Column sums are `by_department.pairs`. Cells about fewer than `privacy.minGroupSize` people are
/// `nil`, with complementary cells hidden so no cell can be derived from a column total.
package struct DepartmentMatrix: Sendable, Hashable {
    /// Departments, sorted; the same list labels rows and columns.
    package var departments: [String]
    /// `cells[mentorDepartment][menteeDepartment]`.
    package var cells: [[Int?]]

    /// The `suppressed` key of one cell: `department_matrix[Mentor dept][Mentee dept]`.
    package static func cellKey(mentor: String, mentee: String) -> String { "department_matrix[\(mentor)][\(mentee)]" }

    /// Creates a matrix with every cell zero.
    package init(departments: [String]) {
        self.departments = departments
        cells = Array(repeating: Array(repeating: 0, count: departments.count), count: departments.count)
    }
}
