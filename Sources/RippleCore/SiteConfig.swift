/// The site configuration read from `ripple.yaml`. Every field has the default a new site gets.
package struct SiteConfig: Hashable, Sendable {
    /// Site title shown in the header and `<title>`.
    package var title: String = "Mentoring"
    /// The organisation running the program (EPUB publisher, footer).
    package var organisation: String = ""
    /// Content language (BCP 47), for `<html lang>` and the EPUB.
    package var language: String = "en"
    /// Absolute base URL of the published site (`https://intranet.example.com/mentoring/`); empty when unknown.
    package var baseURL: String = ""
    /// Whether search engines are asked not to index the site (the default for an intranet).
    package var noindex: Bool = true
    /// The header logo (`site.logo`): an image path relative to `content/`, published where the file is; nil for
    /// Ripple's own mark.
    package var logo: String?
    /// Markdown rendering options.
    package var markdown = MarkdownSettings()
    /// The downloadable guide.
    package var guide = GuideSettings()
    /// How program data files are read.
    package var data = DataSettings()
    /// Reporting period settings.
    package var program = ProgramSettings()
    /// Metric thresholds.
    package var metrics = MetricSettings()
    /// Privacy rules for published figures.
    package var privacy = PrivacySettings()
    /// Targets for KPIs, by metric key (`match_rate: 0.7`).
    package var targets: [String: Double] = [:]
    /// Targets that differ in one quarter, by quarter id and metric key (`targets_by_quarter: {2026-Q3: {match_rate: 0.75}}`);
    /// they override `targets` in that quarter.
    package var targetsByQuarter: [String: [String: Double]] = [:]
    /// How `ripple match` scores pairs.
    package var matching = MatchingSettings()
    /// What `ripple followup` lists.
    package var followUp = FollowUpSettings()
    /// The opt-in mentor directory.
    package var directory = DirectorySettings()
    /// Folder for the program team's outputs with personal data (`private_dir`), relative to the site folder;
    /// never inside the published output.
    package var privateDir: String = "private"

    /// A configuration with every default.
    package init() {}
}

/// `markdown:` settings.
package struct MarkdownSettings: Hashable, Sendable {
    /// Curly quotes, dashes and ellipses.
    package var smartPunctuation: Bool = true
    /// Pass raw HTML in Markdown through; when false it is made safe (an allowlist of elements and attributes).
    package var unsafeHTML: Bool = false
    /// How headings get their ids.
    package var headingIDs: HeadingIDStyle = .ripple
    /// Defaults.
    package init() {}
}

/// When to produce the guide's PDF.
package enum PDFMode: String, Hashable, Sendable, CaseIterable {
    /// Make it when the PDF engine is installed, otherwise say once that it was skipped.
    case auto
    /// A missing engine is an error.
    case always
    /// Never make it.
    case never
}

/// `guide:` settings.
package struct GuideSettings: Hashable, Sendable {
    /// Title of the downloadable guide.
    package var title: String = "The Ripple Effect"
    /// Author shown on the title page and in the EPUB.
    package var author: String = ""
    /// File name stem for the EPUB and PDF (`the-ripple-effect`).
    package var slug: String = "guide"
    /// Cover image path relative to `content/`, or nil for a generated cover.
    package var cover: String?
    /// PDF production.
    package var pdf: PDFMode = .auto
    /// Seconds WeasyPrint may take for one PDF (the guide's or a report's) before Ripple stops it.
    package var pdfTimeout: Int = 600
    /// Megabytes of memory (address space) WeasyPrint may use for one PDF.
    package var pdfMemory: Int = 4096
    /// Whether the guide is also published as EPUB, print page and PDF (false: only the web chapters).
    package var downloads: Bool = true
    /// Defaults.
    package init() {}
}

/// `data:` settings.
package struct DataSettings: Hashable, Sendable {
    /// Per table, Ripple field name → the header used in the file.
    package var columns: [String: [String: String]] = [:]
    /// Separator of list fields such as `roles` and `topics`.
    package var listSeparator: String = ";"
    /// Per table, the workbook sheet holding it when its name is not the table's (`data.sheets`).
    package var sheets: [String: String] = [:]
    /// Where the program data is read from (`data.source`): `content/data` unless a database is named.
    package var source: DataSource = .files
    /// Per table, the SQL query that reads it from a database (`data.queries`); default `select * from <table>`.
    package var queries: [String: String] = [:]
    /// TLS for PostgreSQL (`data.tls`).
    package var tls: DatabaseTLS = .require
    /// Seconds a database may take to connect and to answer each query (`data.timeout`).
    package var timeout: Int = 60
    /// Defaults.
    package init() {}
}

/// `program:` settings.
package struct ProgramSettings: Hashable, Sendable {
    /// Reporting date; nil means the latest date in pairs and sessions.
    package var asOf: Day?
    /// First month (1–12) of the fiscal year.
    package var fiscalYearStartMonth: Int = 1
    /// How quarters are named everywhere (`program.quarter_labels`): `Q3 2026` or `Q3 '26`.
    package var quarterLabels: QuarterLabelStyle = .long
    /// Eligible employees per department (`program.headcount`), in file order; empty when not set.
    package var headcount: [HeadcountEntry] = []
    /// Defaults.
    package init() {}
}

/// `program.quarter_labels`: the one form every page, chart, report and metrics.json names quarters in.
package enum QuarterLabelStyle: String, Hashable, Sendable, CaseIterable {
    /// `Q3 2026`, `Q1 FY2027` (the default).
    case long
    /// `Q3 '26`, `Q1 FY27`: for programs with many quarters on narrow charts.
    case short
}

/// `metrics:` settings.
package struct MetricSettings: Hashable, Sendable {
    /// Days without a completed session after which an ongoing pair is at risk.
    package var atRiskDays: Int = 60
    /// Defaults.
    package init() {}
}

/// `privacy:` settings.
package struct PrivacySettings: Hashable, Sendable {
    /// Smallest group of people a published figure may describe.
    package var minGroupSize: Int = 5
    /// What the build does when the privacy audit can work out a hidden figure (`privacy.audit`).
    package var audit: PrivacyAuditMode = .error
    /// Defaults.
    package init() {}
}

/// `privacy.audit`: how the build treats a hidden figure the audit can work out.
package enum PrivacyAuditMode: String, Hashable, Sendable, CaseIterable {
    /// Stop the build (the default).
    case error
    /// Report it and publish anyway.
    case warn
    /// Do not run the audit.
    case off
}

/// `data.source`: where the program's tables are read from.
package enum DataSource: Hashable, Sendable {
    /// CSV, JSON and `.xlsx` files under `content/data` (the default).
    case files
    /// A SQLite database file, its path relative to the site folder (`sqlite:data/program.db`).
    case sqlite(path: String)
    /// A PostgreSQL server (or a warehouse speaking its protocol): a `postgres://host:port/db` URL
    /// without password; the credentials come from the environment (PGUSER, PGPASSWORD, ~/.pgpass).
    case postgres(url: String)
}

/// `data.tls`: whether the PostgreSQL connection must be encrypted (libpq's `sslmode`).
package enum DatabaseTLS: String, Hashable, Sendable, CaseIterable {
    /// Never encrypt (a server on the same machine).
    case disable
    /// Encrypt when the server offers it.
    case prefer
    /// Always encrypt, without checking the server's certificate.
    case require
    /// Always encrypt and check the certificate and host name against the system's trusted certificates.
    case verifyFull = "verify-full"
}
