import RippleCore

/// What the package document says about the book.
package struct EPUBMetadata: Sendable, Hashable {
    /// `urn:uuid:…`, stable across builds.
    package var identifier: String
    /// The guide's title.
    package var title: String
    /// BCP 47 language.
    package var language: String
    /// The author (else the organisation, else the site title).
    package var creator: String
    /// The organisation; empty when unknown.
    package var publisher: String
    /// `dcterms:modified`, `YYYY-MM-DDThh:mm:ssZ`.
    package var modified: String
    /// The same instant in seconds since 1970.
    package var modifiedSeconds: Int

    /// When no chapter has a `date`: a fixed instant, so that unchanged content gives identical bytes.
    package static let fallbackModified = Day(year: 2000, month: 1, day: 1)!

    /// Metadata for a site's guide; `modified` is the latest chapter `date`, else `fallbackModified`.
    package init(config: SiteConfig, chapters: [Page]) {
        let guide = config.guide
        identifier = BookIdentifier.urn(baseURL: config.baseURL, slug: guide.slug, title: guide.title)
        title = guide.title
        language = config.language.isEmpty ? "en" : config.language
        creator = !guide.author.isEmpty ? guide.author : !config.organisation.isEmpty ? config.organisation : config.title
        publisher = config.organisation
        let day = chapters.compactMap(\.date).max() ?? Self.fallbackModified
        modified = day.iso + "T00:00:00Z"
        modifiedSeconds = Int(day.ordinal) * 86_400
    }
}
