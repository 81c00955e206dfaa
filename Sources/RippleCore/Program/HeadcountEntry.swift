/// The number of employees eligible for the program in one department (`program.headcount` in ripple.yaml): what
/// the enrolment share divides by.
package struct HeadcountEntry: Hashable, Sendable {
    /// The department, as participants name it.
    package var department: String
    /// Eligible employees, 0 or more.
    package var count: Int
    /// Where it is written, for the "unknown department" error.
    package var location: SourceLocation

    /// Creates an entry.
    package init(department: String, count: Int, location: SourceLocation) {
        self.department = department; self.count = count; self.location = location
    }
}
