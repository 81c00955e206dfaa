import RippleCore
import RippleMarkdown
import RippleMetrics

/// Renders `{{< metric … >}}` and `{{< chart … >}}` shortcodes in Markdown from the computed metrics.
package struct ShortcodeRenderer: Sendable {
    /// The metrics shortcodes read.
    package var metrics: MetricSet

    /// Creates a renderer.
    package init(metrics: MetricSet) { self.metrics = metrics }

    /// The HTML for one shortcode, or a located error for an unknown name.
    package func render(_ embed: Embed, on page: Page) -> EmbedResult {
        .fail(.error("unknown shortcode '\(embed.name)'", at: embed.location, hint: "use 'metric' or 'chart'"))
    }
}
