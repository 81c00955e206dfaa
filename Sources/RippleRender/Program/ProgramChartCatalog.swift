import RippleMetrics

/// The charts that pages can name: `{{< chart sessions_by_quarter >}}`, dashboards and reports.
/// Trend charts cover every quarter; the others show one period (`all` unless one is given).
package enum ProgramChartCatalog {
    /// One named chart.
    package struct Entry: Sendable, Hashable {
        /// Name used in shortcodes.
        package var name: String
        /// What it shows, for docs and hints.
        package var summary: String
        /// Whether it shows one period (and so reads `period=`); trends cover every quarter.
        package var usesPeriod: Bool
    }

    /// Every named chart, in documentation order.
    package static let all: [Entry] = [
        .init(name: "sessions_by_quarter", summary: "Completed sessions per quarter (line).", usesPeriod: false),
        .init(name: "active_pairs_by_quarter", summary: "Active pairs and pairs started per quarter (lines).", usesPeriod: false),
        .init(name: "participants_by_quarter", summary: "Active participants, mentors and mentees per quarter (lines).", usesPeriod: false),
        .init(name: "shares_by_quarter", summary: "Match rate, monthly meetings, cross-department and cross-level shares per quarter (%).", usesPeriod: false),
        .init(name: "cross_boundary_by_quarter", summary: "Cross-department and cross-level shares of active pairs per quarter (%).", usesPeriod: false),
        .init(name: "network_growth_by_quarter", summary: "Departments connected and mentees who became mentors per quarter.", usesPeriod: false),
        .init(name: "reach_by_quarter", summary: "Distinct participants ever paired, at the end of each quarter.", usesPeriod: false),
        .init(name: "role_swaps_by_quarter", summary: "Sessions led by the mentor, the mentee or jointly, per quarter (stacked bars).", usesPeriod: false),
        .init(name: "session_leads_by_program_type", summary: "Who led the sessions, by program type, over all cohorts (stacked bars).", usesPeriod: false),
        .init(name: "training_coverage", summary: "Share of active mentors and mentees trained in all four foundational modules, per quarter (%).", usesPeriod: false),
        .init(name: "trainings_by_module_by_quarter", summary: "Trainings completed per module, per quarter (lines).", usesPeriod: false),
        .init(name: "department_matrix", summary: "Active pairs by mentor's × mentee's department (heat map).", usesPeriod: true),
        .init(name: "participants_by_department", summary: "Active participants by department (bars).", usesPeriod: true),
        .init(name: "pairs_by_department", summary: "Active pairs by the mentee's department (bars).", usesPeriod: true),
        .init(name: "sessions_by_department", summary: "Completed sessions by the mentee's department (bars).", usesPeriod: true),
        .init(name: "participants_by_level", summary: "Active participants by level (bars).", usesPeriod: true),
        .init(name: "pairs_by_level", summary: "Active pairs by the mentee's level (bars).", usesPeriod: true),
        .init(name: "sessions_by_level", summary: "Completed sessions by the mentee's level (bars).", usesPeriod: true),
        .init(name: "trainings_by_module", summary: "Trainings completed per module (bars).", usesPeriod: true),
        .init(name: "session_leads", summary: "Sessions led by the mentor, the mentee or jointly (bars).", usesPeriod: true),
    ]

    /// Every chart name.
    package static var names: [String] { all.map(\.name) }

    /// The entry named `name`, if any.
    package static func entry(_ name: String) -> Entry? { all.first { $0.name == name } }

    /// The chart's `<figure>` HTML for `period` (ignored by trends); nil for an unknown name.
    package static func html(_ name: String, period: PeriodMetrics, charts: ProgramCharts) -> String? {
        switch name {
        case "sessions_by_quarter": return charts.sessionsByQuarter()
        case "active_pairs_by_quarter": return charts.activePairsByQuarter()
        case "participants_by_quarter": return charts.participantsByQuarter()
        case "shares_by_quarter": return charts.sharesByQuarter()
        case "cross_boundary_by_quarter": return charts.crossBoundaryByQuarter()
        case "network_growth_by_quarter": return charts.networkGrowthByQuarter()
        case "reach_by_quarter": return charts.reachByQuarter()
        case "role_swaps_by_quarter": return charts.roleSwapsByQuarter()
        case "session_leads_by_program_type": return charts.sessionLeadsByProgramType()
        case "training_coverage": return charts.trainingCoverageByQuarter()
        case "trainings_by_module_by_quarter": return charts.trainingsByModuleByQuarter()
        case "department_matrix": return charts.departmentMatrix(period)
        case "trainings_by_module": return charts.trainingsByModule(period)
        case "session_leads": return charts.sessionLeads(period)
        default:
            for group in [ProgramCharts.Group.department, .level] {
                for row in ["participants", "pairs", "sessions"] where name == "\(row)_by_\(group.rawValue)" {
                    return charts.breakdown(period, by: group, row: row)
                }
            }
            return nil
        }
    }
}
