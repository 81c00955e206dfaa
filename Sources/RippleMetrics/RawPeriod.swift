/// A period's figures before privacy, with the number of people behind each figure.
struct RawPeriod {
    var metrics: PeriodMetrics
    /// People the whole period describes (active participants; for cohorts, also its member count).
    var population: Int
    /// Active pairs: with fewer than N, only counts are published.
    var pairs = 0
    /// Distinct people (or pairs, for pair-level figures) behind figures that describe a sub-group.
    var populations: [String: Int] = [:]
    /// Distinct respondents per survey score key, aligned with `metrics.surveyScore`.
    var surveyPopulations: [Int] = []
    /// Enrolled people per department with a headcount, aligned with `metrics.enrolmentShareByDepartment`.
    var enrolmentPopulations: [Int] = []
    /// Distinct people per breakdown cell, rows aligned with `Breakdown.rows`.
    var departmentPopulations: [[Int]] = []
    var levelPopulations: [[Int]] = []
    /// Distinct people per matrix cell.
    var matrixPopulations: [[Int]] = []
}
