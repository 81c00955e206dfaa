import Foundation
import RippleCore
import RippleData
import RippleMetrics
import RippleRender

/// Parses `ripple.yaml` into a `SiteConfig`, reporting every unknown key and bad value with its line.
package enum ConfigParser {
    /// The config file's name inside the site folder.
    package static let fileName = "ripple.yaml"

    /// Parses the text of `ripple.yaml`; throws every problem found at once. With `contentPaths` (the site's
    /// files under `content/`, as `content/…`), files the settings name (`guide.cover`) must be among them.
    package static func parse(_ text: String, file: String = fileName,
                              contentPaths: Set<String>? = nil) throws(DiagnosticError) -> SiteConfig {
        var reader = YAMLReader(file: file)
        var config = SiteConfig()
        if let root = reader.parse(text) {
            read(root, into: &config, with: &reader)
            if let cover = config.guide.cover, let node = valueNode(["guide", "cover"], in: root) {
                config.guide.cover = checkImage(cover, .cover, at: node, contentPaths: contentPaths, with: &reader)
            }
            if let logo = config.logo, let node = valueNode(["site", "logo"], in: root) {
                config.logo = checkImage(logo, .logo, at: node, contentPaths: contentPaths, with: &reader)
            }
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        return config
    }

    private static let topKeys = ["title", "organisation", "language", "base_url", "site", "markdown", "guide",
                                  "data", "program", "metrics", "privacy", "targets", "targets_by_quarter", "matching",
                                  "followup", "private_dir", "directory"]

    private static func read(_ root: YAMLNode, into config: inout SiteConfig, with reader: inout YAMLReader) {
        reader.mapping(root, in: "ripple.yaml", keys: topKeys) { reader, key, value in
            switch key {
            case "title": config.title = reader.string(value, key: key) ?? config.title
            case "organisation": config.organisation = reader.string(value, key: key) ?? ""
            case "language":
                guard let tag = reader.string(value, key: key) else { return }
                if let problem = LanguageTag.problem(tag) { reader.report(problem.message, at: value, hint: problem.hint) }
                else { config.language = tag }
            case "base_url": config.baseURL = readBaseURL(value, with: &reader)
            case "site":
                reader.mapping(value, in: "site", keys: ["noindex", "logo"]) { reader, key, value in
                    if key == "logo" { config.logo = reader.string(value, key: key) }
                    else { config.noindex = reader.bool(value, key: key) ?? config.noindex }
                }
            case "markdown": readMarkdown(value, into: &config.markdown, with: &reader)
            case "guide": readGuide(value, into: &config.guide, with: &reader)
            case "data": readData(value, into: &config.data, with: &reader)
            case "program":
                reader.mapping(value, in: "program", keys: ["as_of", "fiscal_year_start_month", "quarter_labels", "headcount"]) { reader, key, value in
                    switch key {
                    case "as_of": config.program.asOf = reader.day(value, key: key, in: Day.earliest...Day.latestAsOf)
                    case "headcount": config.program.headcount = readHeadcount(value, with: &reader)
                    case "quarter_labels": config.program.quarterLabels = reader.choice(value, key: key, as: QuarterLabelStyle.self) ?? .long
                    default: config.program.fiscalYearStartMonth = reader.int(value, key: key, in: 1...12) ?? 1
                    }
                }
            case "metrics":
                reader.mapping(value, in: "metrics", keys: ["at_risk_days"]) { reader, key, value in
                    config.metrics.atRiskDays = reader.int(value, key: key, in: 1...3650) ?? config.metrics.atRiskDays
                }
            case "privacy":
                reader.mapping(value, in: "privacy", keys: ["min_group_size", "audit"]) { reader, key, value in
                    if key == "audit" { config.privacy.audit = reader.choice(value, key: key, as: PrivacyAuditMode.self) ?? .error }
                    else { config.privacy.minGroupSize = reader.int(value, key: key, in: 1...1000) ?? config.privacy.minGroupSize }
                }
            case "matching": readMatching(value, into: &config.matching, with: &reader)
            case "followup":
                reader.mapping(value, in: "followup", keys: ["waiting_days"]) { reader, key, value in
                    config.followUp.waitingDays = reader.int(value, key: key, in: 0...3650) ?? config.followUp.waitingDays
                }
            case "directory": readDirectory(value, into: &config.directory, with: &reader)
            case "private_dir": config.privateDir = readPrivateDir(value, with: &reader) ?? config.privateDir
            case "targets_by_quarter": readTargetsByQuarter(value, into: &config.targetsByQuarter, with: &reader)
            default: readTargets(value, into: &config.targets, with: &reader)
            }
        }
    }

    private static func readBaseURL(_ node: YAMLNode, with reader: inout YAMLReader) -> String {
        guard var url = reader.string(node, key: "base_url"), !url.isEmpty else { return "" }
        if let problem = baseURLProblem(url, name: "'base_url'") {
            reader.report(problem, at: node, hint: baseURLHint)
            return ""
        }
        if !url.hasSuffix("/") { url += "/" }
        return url
    }

    /// What is wrong with a published site's address (`base_url`, `--base-url`), nil when it is usable:
    /// http(s), a host, and no spaces, quotes, angle brackets or control characters (it goes into
    /// attributes, the sitemap and feeds as it is). `name` says where it came from.
    package static func baseURLProblem(_ url: String, name: String) -> String? {
        let shown = url.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "" : ", not '\(url)'"
        guard let scheme = ["https://", "http://"].first(where: url.hasPrefix) else {
            return "\(name) must start with http:// or https://\(shown)"
        }
        let rest = url.dropFirst(scheme.count)
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>`\\".unicodeScalars.contains($0) })
        else { return "\(name) must be a web address with a host name and no spaces or quotes\(shown)" }
        return nil
    }

    /// The hint of every `baseURLProblem`.
    package static let baseURLHint = "write the full address of the published site, e.g. https://intranet.example.com/mentoring/"

    /// The value node at `path` (`["guide", "cover"]`), for locating problems with the file it names.
    private static func valueNode(_ path: [String], in root: YAMLNode) -> YAMLNode? {
        path.reduce(Optional(root)) { node, key in
            guard case let .mapping(pairs, _, _)? = node else { return nil }
            return pairs.last { $0.key.string == key }?.value
        }
    }

    /// A setting that names an image under `content/`.
    private enum ImageSetting {
        case cover, logo

        var name: String { self == .cover ? "cover image" : "logo" }
        var example: String { self == .cover ? "images/cover.png" : "images/logo.svg" }
        var unsupported: (message: String, hint: String) {
            switch self {
            case .cover: ("cannot go into the EPUB: e-book readers only show PNG, JPEG, GIF and SVG images",
                          "save the cover as PNG or JPEG and point `cover:` at that file")
            case .logo: ("is not an image every browser shows: use PNG, JPEG, GIF or SVG",
                         "save the logo as SVG or PNG and point `logo:` at that file")
            }
        }
        var fallback: String { self == .cover ? "remove `cover:` to get a generated cover" : "remove `logo:` to show Ripple's mark" }
    }

    /// The image path normalised, or nil after reporting why it cannot be used: it must stay inside `content/`,
    /// be an image e-book readers and browsers show, and (when the files are known) exist.
    private static func checkImage(_ image: String, _ setting: ImageSetting, at node: YAMLNode, contentPaths: Set<String>?,
                                   with reader: inout YAMLReader) -> String? {
        let placement = "put the image under content/ and give its path relative to content/, like '\(setting.example)'"
        guard !image.hasPrefix("/"), let path = OutputPath.normalize(image), !path.isEmpty else {
            reader.report("the \(setting.name) '\(image)' is outside content/", at: node, hint: placement)
            return nil
        }
        guard !path.hasPrefix("data/") else {
            reader.report("the \(setting.name) '\(image)' is in content/data/, which is never published", at: node, hint: placement)
            return nil
        }
        guard EPUBMedia.imageType(of: path) != nil else {
            reader.report("the \(setting.name) '\(image)' \(setting.unsupported.message)", at: node, hint: setting.unsupported.hint)
            return nil
        }
        if let contentPaths, !contentPaths.contains("content/" + path) {
            reader.report("the \(setting.name) '\(image)' does not exist", at: node, hint: placement + "; or \(setting.fallback)")
            return nil
        }
        return path
    }

    private static func readMarkdown(_ node: YAMLNode, into settings: inout MarkdownSettings, with reader: inout YAMLReader) {
        reader.mapping(node, in: "markdown", keys: ["smart_punctuation", "unsafe_html", "heading_ids"]) { reader, key, value in
            switch key {
            case "smart_punctuation": settings.smartPunctuation = reader.bool(value, key: key) ?? true
            case "unsafe_html": settings.unsafeHTML = reader.bool(value, key: key) ?? false
            default: settings.headingIDs = reader.choice(value, key: key, as: HeadingIDStyle.self) ?? .ripple
            }
        }
    }

    private static func readGuide(_ node: YAMLNode, into guide: inout GuideSettings, with reader: inout YAMLReader) {
        reader.mapping(node, in: "guide", keys: ["title", "author", "slug", "cover", "pdf", "downloads", "pdf_timeout", "pdf_memory"]) { reader, key, value in
            switch key {
            case "title": guide.title = reader.string(value, key: key) ?? guide.title
            case "author": guide.author = reader.string(value, key: key) ?? ""
            case "slug":
                guard let slug = reader.string(value, key: key) else { return }
                if OutputPath.isSafeSegment(slug) { guide.slug = slug } else {
                    reader.report("'slug' must be a plain file name such as 'the-ripple-effect', not '\(slug)'", at: value,
                                  hint: "use letters, digits and dashes only")
                }
            case "cover": guide.cover = reader.string(value, key: key)
            case "downloads": guide.downloads = reader.bool(value, key: key) ?? true
            case "pdf_timeout": guide.pdfTimeout = reader.int(value, key: key, in: 10...86_400) ?? guide.pdfTimeout
            case "pdf_memory": guide.pdfMemory = reader.int(value, key: key, in: 256...1_048_576) ?? guide.pdfMemory
            default: guide.pdf = reader.choice(value, key: key, as: PDFMode.self) ?? .auto
            }
        }
    }

    private static func readData(_ node: YAMLNode, into data: inout DataSettings, with reader: inout YAMLReader) {
        reader.mapping(node, in: "data", keys: ["columns", "list_separator", "sheets", "source", "queries", "tls", "timeout"]) { reader, key, value in
            if key == "list_separator" {
                let separator = reader.string(value, key: key) ?? ";"
                if separator.utf8.count == 1, separator != "\"", separator != "," { data.listSeparator = separator } else {
                    reader.report("'list_separator' must be one character other than a comma or quote, not '\(separator)'", at: value)
                }
                return
            }
            switch key {
            case "source":
                if let text = reader.string(value, key: key) { data.source = readSource(text, at: value, with: &reader) }
                return
            case "queries":
                reader.mapping(value, in: "data.queries", keys: ProgramSchema.tables) { reader, table, query in
                    if let query = reader.string(query, key: table) { data.queries[table] = query }
                }
                return
            case "tls":
                data.tls = reader.choice(value, key: key, as: DatabaseTLS.self) ?? data.tls
                return
            case "timeout":
                data.timeout = reader.int(value, key: key, in: 1...86_400) ?? data.timeout
                return
            case "sheets":
                reader.mapping(value, in: "data.sheets", keys: ProgramSchema.tables) { reader, table, sheet in
                    if let sheet = reader.string(sheet, key: table) { data.sheets[table] = sheet }
                }
                return
            default: break
            }
            reader.mapping(value, in: "data.columns", keys: ProgramSchema.tables) { reader, table, fields in
                var mapping: [String: String] = [:]
                reader.mapping(fields, in: "data.columns.\(table)", keys: ProgramSchema.fields(of: table) ?? []) { reader, field, header in
                    if let header = reader.string(header, key: field) { mapping[field] = header }
                }
                data.columns[table] = mapping
            }
        }
    }

    /// `data.source`: `files`, `sqlite:<path>` or a `postgres://` URL that holds no password.
    private static func readSource(_ text: String, at node: YAMLNode, with reader: inout YAMLReader) -> DataSource {
        if text == "files" { return .files }
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                reader.report("'sqlite:' must be followed by the database file's path", at: node,
                              hint: "write e.g. sqlite:data/program.db (relative to the site folder)")
                return .files
            }
            return .sqlite(path: path)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            let components = URLComponents(string: text)
            guard let components, components.host != nil || components.path.count > 1 else {
                reader.report("'\(text)' is not a PostgreSQL URL", at: node, hint: "write postgres://host:5432/database")
                return .files
            }
            let inQuery = components.queryItems?.contains { $0.name.lowercased() == "password" } ?? false
            if components.password != nil || inQuery {
                reader.report("data.source holds a password; ripple.yaml must not", at: node,
                              hint: "remove it from the URL and set PGPASSWORD in the environment, or use ~/.pgpass")
                return .files
            }
            return .postgres(url: text)
        }
        reader.report("data.source must be files, sqlite:<path> or postgres://host:port/database, not '\(text)'", at: node)
        return .files
    }

    private static func readTargets(_ node: YAMLNode, into targets: inout [String: Double], with reader: inout YAMLReader) {
        guard case let .mapping(pairs, _, _) = node else {
            reader.report("targets must map metric names to numbers, e.g. `match_rate: 0.7`", at: node)
            return
        }
        for (keyNode, value) in pairs {
            guard let key = keyNode.string else {
                reader.report("keys in targets must be metric names such as match_rate", at: keyNode)
                continue
            }
            guard targetKeys.contains(key) else {
                var hint = "targets can be set for: \(targetKeys.joined(separator: ", "))"
                if let guess = YAMLReader.closest(to: key, in: targetKeys) { hint = "did you mean '\(guess)'? " + hint }
                reader.report("unknown metric '\(key)' in targets", at: keyNode, hint: hint)
                continue
            }
            guard let number = reader.double(value, key: key) else { continue }
            targets[key] = number
        }
    }

    /// `targets_by_quarter`: quarter ids (`2026-Q3`) mapping to targets, read as `targets` are.
    private static func readTargetsByQuarter(_ node: YAMLNode, into quarters: inout [String: [String: Double]],
                                             with reader: inout YAMLReader) {
        guard case let .mapping(pairs, _, _) = node else {
            reader.report("targets_by_quarter must map quarters to targets, e.g. `2026-Q3: {match_rate: 0.75}`", at: node)
            return
        }
        for (keyNode, value) in pairs {
            guard let quarter = keyNode.string, isQuarterID(quarter) else {
                reader.report("keys in targets_by_quarter must be quarters such as 2026-Q3, not '\(keyNode.string ?? "")'", at: keyNode,
                              hint: "write the quarter as its id on the reports index: the year, a dash, Q and 1 to 4")
                continue
            }
            var targets: [String: Double] = [:]
            readTargets(value, into: &targets, with: &reader)
            quarters[quarter] = targets
        }
    }

    /// `program.headcount`: departments mapping to their eligible employees. Whether each department exists is
    /// checked against the participants when the data is loaded.
    private static func readHeadcount(_ node: YAMLNode, with reader: inout YAMLReader) -> [HeadcountEntry] {
        guard case let .mapping(pairs, _, _) = node else {
            reader.report("program.headcount must map departments to their number of eligible employees, e.g. `Sales: 120`",
                          at: node)
            return []
        }
        var entries: [HeadcountEntry] = []
        for (keyNode, value) in pairs {
            guard let department = keyNode.string, !department.isEmpty else {
                reader.report("keys in program.headcount must be department names", at: keyNode)
                continue
            }
            guard let text = reader.string(value, key: department) else { continue }
            guard let count = Int(text), count >= 0 else {
                reader.report("the headcount of '\(department)' must be a whole number of employees, 0 or more, not '\(text)'",
                              at: value, hint: "write how many employees of \(department) may join the program, e.g. 120")
                continue
            }
            entries.append(HeadcountEntry(department: department, count: count, location: reader.location(of: value)))
        }
        return entries
    }

    /// `2026-Q3`: four digits, `-Q`, 1 to 4.
    static func isQuarterID(_ text: String) -> Bool {
        let parts = text.split(separator: "-Q", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 4 && parts[0].allSatisfy(\.isASCII) && Int(parts[0]) != nil
            && ["1", "2", "3", "4"].contains(parts[1])
    }

    /// Metrics a target may be set for: every single-number metric of the catalogue (not the per-survey or
    /// per-module lists, whose names come from the data).
    static let targetKeys: [String] = MetricCatalog.all.map(\.key)
        .filter { !["trainings_completed", "survey_score", "participants_reached", "enrolment_share_by_department"].contains($0) }
}
