import RippleCore
import RippleMetrics
import RippleTemplate

/// Renders the program dashboards (`dashboards/…`) and `data/metrics.json` from the metrics.
///
/// Pages: the overview, the cohorts list and one page per cohort, reciprocal mentoring, network
/// and training. Each uses `layouts/dashboard` with the view model under `dashboard`.
package struct DashboardRenderer: Sendable {
    /// Where the build writes the metrics for other tools.
    package static let metricsJSONPath = "data/metrics.json"

    /// The figures.
    package var metrics: MetricSet

    /// Creates a renderer.
    package init(metrics: MetricSet) { self.metrics = metrics }

    /// One job per dashboard page (built in parallel), using `context` for the site-wide keys. The overview and
    /// the four topic pages go into the search index (their figures are the published, suppressed ones); the
    /// page of each cohort does not, or a search for "reciprocal mentoring" would list every reciprocal cohort
    /// before the guide's chapter.
    package func jobs(context: PageContext) -> [SiteRenderer.PageJob] {
        let builder = DashboardBuilder(metrics: metrics)
        let asOf = MetricText.date(metrics.asOf)
        let textBuilder = DashboardBuilder(metrics: metrics, chartOutput: .text)
        return builder.kinds.parallelMap { kind in
            let page = builder.page(kind)
            let subnav = DashboardBuilder.subnav.map { item in
                (id: item.id, title: item.title, path: OutputPath.relativeHref(from: page.path, to: item.path))
            }
            let dashboard = page.templateValue(
                subnav: subnav, asOf: asOf, minGroupSize: metrics.minGroupSize,
                metricsJSON: OutputPath.relativeHref(from: page.path, to: Self.metricsJSONPath))
            return SiteRenderer.PageJob(
                path: page.path, template: "layouts/dashboard",
                search: kind.isSearched ? .document(SearchIndex.analyse(textBuilder.page(kind).searchDocument)) : .none,
                context: context.context(path: page.path, kind: "dashboard", title: page.title, summary: page.summary,
                                         extra: ["dashboard": dashboard]))
        }
    }

    /// `metrics.json` text.
    package func metricsJSON() -> String { MetricsJSON.encode(metrics) }
}
