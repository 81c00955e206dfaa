import RippleCore
import RippleMetrics
import RippleTemplate

/// The one immutable model every renderer reads: configuration, content, program metrics and theme. The
/// build's options (PDF or not, downloads) are settled before it is made, so no stage changes it afterwards.
package struct SiteModel: Sendable {
    /// `ripple.yaml`.
    package let config: SiteConfig
    /// Pages, chapters, narratives and static files.
    package let content: SiteContent
    /// Computed metrics, when the site has program data.
    package let metrics: MetricSet?
    /// The compiled templates (default theme overlaid with the site's own).
    package let templates: TemplateLibrary
    /// Theme files that are copied as they are (`assets/…`), by theme path.
    package let themeAssets: [String: [UInt8]]
    /// Downloads of the guide that this build produces (EPUB, PDF, print).
    package let guideDownloads: [GuideDownload]
    /// The opt-in mentor directory, when `directory.enabled` and the site has program data.
    package let directory: MentorDirectory?

    /// Creates a model.
    package init(config: SiteConfig, content: SiteContent, metrics: MetricSet? = nil, templates: TemplateLibrary,
                 themeAssets: [String: [UInt8]] = [:], guideDownloads: [GuideDownload] = [], directory: MentorDirectory? = nil) {
        self.config = config; self.content = content; self.metrics = metrics; self.templates = templates
        self.themeAssets = themeAssets; self.guideDownloads = guideDownloads; self.directory = directory
    }
}

/// A downloadable form of the guide linked from the guide's pages.
package struct GuideDownload: Sendable, Hashable {
    /// "EPUB", "PDF" or "Print version".
    package var label: String
    /// Output path (`guide/the-ripple-effect.epub`).
    package var path: String
    /// `epub`, `pdf` or `html`.
    package var format: String

    /// Creates a download entry.
    package init(label: String, path: String, format: String) {
        self.label = label; self.path = path; self.format = format
    }
}
