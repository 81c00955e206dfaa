import RippleCore
import RippleData
import RippleMetrics

/// Parses `ripple.yaml` into a `SiteConfig`, reporting every unknown key and bad value with its line.
package enum ConfigParser {
    /// The config file's name inside the site folder.
    package static let fileName = "ripple.yaml"

    /// Parses the text of `ripple.yaml`; throws every problem found at once.
    package static func parse(_ text: String, file: String = fileName) throws(DiagnosticError) -> SiteConfig {
        var reader = YAMLReader(file: file)
        var config = SiteConfig()
        if let root = reader.parse(text) {
            read(root, into: &config, with: &reader)
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        return config
    }

    private static let topKeys = ["title", "organisation", "language", "base_url", "site", "markdown", "guide",
                                  "data", "program", "metrics", "privacy", "targets"]

    private static func read(_ root: YAMLNode, into config: inout SiteConfig, with reader: inout YAMLReader) {
        reader.mapping(root, in: "ripple.yaml", keys: topKeys) { reader, key, value in
            switch key {
            case "title": config.title = reader.string(value, key: key) ?? config.title
            case "organisation": config.organisation = reader.string(value, key: key) ?? ""
            case "language": config.language = reader.string(value, key: key) ?? config.language
            case "base_url": config.baseURL = readBaseURL(value, with: &reader)
            case "site":
                reader.mapping(value, in: "site", keys: ["noindex"]) { reader, key, value in
                    config.noindex = reader.bool(value, key: key) ?? config.noindex
                }
            case "markdown": readMarkdown(value, into: &config.markdown, with: &reader)
            case "guide": readGuide(value, into: &config.guide, with: &reader)
            case "data": readData(value, into: &config.data, with: &reader)
            case "program":
                reader.mapping(value, in: "program", keys: ["as_of", "fiscal_year_start_month"]) { reader, key, value in
                    if key == "as_of" { config.program.asOf = reader.day(value, key: key) }
                    else { config.program.fiscalYearStartMonth = reader.int(value, key: key, in: 1...12) ?? 1 }
                }
            case "metrics":
                reader.mapping(value, in: "metrics", keys: ["at_risk_days"]) { reader, key, value in
                    config.metrics.atRiskDays = reader.int(value, key: key, in: 1...3650) ?? config.metrics.atRiskDays
                }
            case "privacy":
                reader.mapping(value, in: "privacy", keys: ["min_group_size"]) { reader, key, value in
                    config.privacy.minGroupSize = reader.int(value, key: key, in: 1...1000) ?? config.privacy.minGroupSize
                }
            default: readTargets(value, into: &config.targets, with: &reader)
            }
        }
    }

    private static func readBaseURL(_ node: YAMLNode, with reader: inout YAMLReader) -> String {
        guard var url = reader.string(node, key: "base_url"), !url.isEmpty else { return "" }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            reader.report("'base_url' must start with http:// or https://, not '\(url)'", at: node,
                          hint: "write the full address of the published site, e.g. https://intranet.example.com/mentoring/")
            return ""
        }
        if !url.hasSuffix("/") { url += "/" }
        return url
    }

    private static func readMarkdown(_ node: YAMLNode, into settings: inout MarkdownSettings, with reader: inout YAMLReader) {
        reader.mapping(node, in: "markdown", keys: ["smart_punctuation", "unsafe_html"]) { reader, key, value in
            if key == "smart_punctuation" { settings.smartPunctuation = reader.bool(value, key: key) ?? true }
            else { settings.unsafeHTML = reader.bool(value, key: key) ?? false }
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
        reader.mapping(node, in: "data", keys: ["columns", "list_separator"]) { reader, key, value in
            if key == "list_separator" {
                let separator = reader.string(value, key: key) ?? ";"
                if separator.utf8.count == 1, separator != "\"", separator != "," { data.listSeparator = separator } else {
                    reader.report("'list_separator' must be one character other than a comma or quote, not '\(separator)'", at: value)
                }
                return
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

    /// Metrics a target may be set for: every single-number metric of the catalogue (not the per-survey or
    /// per-module lists, whose names come from the data).
    static let targetKeys: [String] = MetricCatalog.all.map(\.key)
        .filter { !["trainings_completed", "survey_score", "participants_reached"].contains($0) }
}
