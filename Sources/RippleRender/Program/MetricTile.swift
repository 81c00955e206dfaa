import RippleCharts
import RippleMetrics
import RippleTemplate

/// A KPI tile: a figure of one period with its label, the change against an earlier period,
/// the target status and an optional sparkline. Dashboards, reports and the block form of
/// `{{< metric … >}}` all draw tiles with this type, so they look and read the same.
package struct MetricTile: Sendable, Hashable {
    /// Metric key (`sessions_completed`, `survey_score[pulse]`).
    package var key: String
    /// Label (`Sessions completed`; nested keys add the inner name: `Survey score: pulse`).
    package var label: String
    /// One-sentence meaning from the catalogue.
    package var description: String
    /// The figure.
    package var value: MetricValue
    /// The number as shown (`1,240`; "Hidden" when privacy hid it, "—" when there was nothing to measure,
    /// so a hidden rating never reads like a low one).
    package var number: String
    /// A unit written smaller after the number (`h`, `/ 5`, `days`), or empty.
    package var unit: String
    /// The change against the earlier period, when both figures are numbers.
    package var change: MetricChange?
    /// Why something is missing (hidden figure, no comparison), or empty.
    package var note: String
    /// Target status, when the site sets a target for the key.
    package var target: MetricTarget?
    /// Inline SVG sparkline HTML (trusted, built by RippleCharts), or empty.
    package var sparkline: String

    /// Whether privacy hid the figure.
    package var isSuppressed: Bool { value == .suppressed }
    /// Whether there was nothing to measure.
    package var isUnmeasured: Bool { value == .unavailable }

    /// Creates a tile for `key` in `period`, compared with `previous` (usually the quarter before).
    /// An unknown key gives an "—" tile; check keys first where that matters (shortcodes do).
    package init(key: String, period: PeriodMetrics, previous: PeriodMetrics? = nil, metrics: MetricSet,
                 sparkline: Sparkline? = nil) {
        self.key = key
        let definition = MetricCatalog.definition(key)
        label = period.kind == .all ? Self.allTimeLabel(for: key) : Self.label(for: key)
        description = definition?.description ?? ""
        value = period.value(for: key) ?? .unavailable
        (number, unit) = MetricText.parts(value, key: key, minGroupSize: metrics.minGroupSize)
        target = MetricTarget.check(key: key, value: value, targets: metrics.targets(for: period.id))
        self.sparkline = sparkline?.html() ?? ""
        change = nil
        note = ""
        switch value {
        case .suppressed:
            number = "Hidden"
            note = "Hidden to protect privacy: it describes fewer than \(metrics.minGroupSize) people."
        case .unavailable:
            note = "Nothing to measure in \(period.label)."
        case .number:
            guard let previous else { break }
            let before = previous.value(for: key) ?? .unavailable
            change = MetricChange.compare(key: key, current: value, previous: before, reference: previous.label)
            if before == .suppressed {
                note = "No comparison: the \(previous.label) figure is hidden (fewer than \(metrics.minGroupSize))."
            } else if change != nil, period.toDate, previous.kind != .quarterToDate, [.count, .hours].contains(definition?.unit) {
                // Totals of a running quarter are not yet comparable with a whole one; say so on the tile. Compared
                // with the same days of an earlier quarter, the change text names that window instead.
                note = "\(period.label) so far, to \(MetricText.date(period.end))."
            }
        }
    }

    /// The label of a figure of the whole program, named as such: an all-time count of active participants
    /// is everyone who ever took part (`participants_active` → `Participants, all time`).
    package static func allTimeLabel(for key: String) -> String {
        var base = label(for: key)
        if base.hasPrefix("Active ") {
            base = base.dropFirst("Active ".count).prefix(1).uppercased() + base.dropFirst("Active ".count + 1)
        }
        return base + ", all time"
    }

    /// The reader-facing label of a key: the catalogue label, plus the inner name of nested keys
    /// (`trainings_completed[guiding]` → `Trainings completed: guiding`).
    package static func label(for key: String) -> String {
        let rows = ["participants": "Active participants", "pairs": "Active pairs", "sessions": "Sessions completed",
                    "enrolled": "Enrolled participants"]
        for list in ["by_department.", "by_level."] where key.hasPrefix(list) && key.hasSuffix("]") {
            let rest = key.dropFirst(list.count).dropLast()
            guard let open = rest.firstIndex(of: "[") else { break }
            return "\(rows[String(rest[..<open])] ?? String(rest[..<open])) in \(rest[rest.index(after: open)...])"
        }
        if key.hasPrefix("department_matrix["), key.hasSuffix("]") {
            let names = key.dropFirst("department_matrix[".count).dropLast().components(separatedBy: "][")
            if names.count == 2 { return "Active pairs: \(names[0]) mentor, \(names[1]) mentee" }
        }
        let base = MetricCatalog.definition(key)?.label ?? key
        // `survey_score[close/overall_satisfaction/mentee]` → `Survey score: close, overall satisfaction (mentees)`.
        if key.hasPrefix("survey_score["), key.hasSuffix("]") {
            let parts = key.dropFirst("survey_score[".count).dropLast().components(separatedBy: "/")
            if parts.count >= 3, let role = parts.last {
                let question = parts[1..<(parts.count - 1)].joined(separator: "/").replacingOccurrences(of: "_", with: " ")
                let who = ["mentor": "mentors", "mentee": "mentees", "participant": "participants"][role] ?? role
                return "\(base): \(parts[0].replacingOccurrences(of: "_", with: " ")), \(question) (\(who))"
            }
        }
        guard let cut = key.firstIndex(where: { $0 == "[" || $0 == "." }) else { return base }
        let inner = key[key.index(after: cut)...].replacingOccurrences(of: "][", with: " → ")
            .replacingOccurrences(of: "[", with: " ").replacingOccurrences(of: "]", with: "")
            .replacingOccurrences(of: "_", with: " ")
        return "\(base): \(inner)"
    }

    /// The tile as `<li class="metric">`; put tiles in `MetricTile.grid(_:)`.
    package func html() -> String {
        let state = isSuppressed ? " metric--suppressed" : isUnmeasured ? " metric--unmeasured" : ""
        var html = "<li class=\"metric\(state)\" data-metric=\"\(esc(key))\">"
        html += "<p class=\"metric__label\">\(esc(label))</p>"
        html += "<p class=\"metric__value\">\(esc(number))"
        if !unit.isEmpty { html += "<span class=\"metric__unit\">\(esc(unit))</span>" }
        html += "</p>"
        if let change { html += "<p class=\"\(change.cssClass)\">\(esc(change.text))</p>" }
        if !note.isEmpty { html += "<p class=\"metric__note\">\(esc(note))</p>" }
        if let target {
            html += "<p class=\"metric__target metric__target--\(target.isMet ? "met" : "missed")\">"
                + "<span aria-hidden=\"true\">\(target.icon)</span> \(esc(target.text))</p>"
        }
        if !sparkline.isEmpty { html += "<div class=\"metric__spark\">\(sparkline)</div>" }
        return html + "</li>"
    }

    /// What a reader sees of the tile, for the search index: label, figure with its unit, change, note and target.
    package var plainText: String {
        var parts = [label, number + unit]
        if let change { parts.append(change.text) }
        if !note.isEmpty { parts.append(note) }
        if let target { parts.append("\(target.icon) \(target.text)") }
        return parts.joined(separator: " ")
    }

    /// Tiles in the theme's grid: `<ul class="metric-grid">…</ul>`.
    package static func grid(_ tiles: [MetricTile]) -> String {
        "<ul class=\"metric-grid\">" + tiles.map { $0.html() }.joined() + "</ul>"
    }

    /// Every field for templates: `key`, `label`, `description`, `number`, `unit`, `note`, `suppressed`, `unmeasured`,
    /// `change` (`text`, `class`, `direction`, `tone`) or null, `target` (`text`, `met`, `icon`) or null,
    /// `sparkline` (raw SVG) and `html` (the whole tile, raw).
    package var templateValue: TemplateValue {
        var fields: [String: TemplateValue] = [
            "key": .string(key), "label": .string(label), "description": .string(description),
            "number": .string(number), "unit": .string(unit), "note": .string(note), "suppressed": .bool(isSuppressed), "unmeasured": .bool(isUnmeasured),
            "sparkline": .string(sparkline), "html": .string(html()), "change": .null, "target": .null,
        ]
        if let change {
            fields["change"] = .object(["text": .string(change.text), "class": .string(change.cssClass),
                                        "direction": .string(change.direction.rawValue), "tone": .string(change.tone.rawValue)])
        }
        if let target {
            fields["target"] = .object(["text": .string(target.text), "met": .bool(target.isMet), "icon": .string(target.icon)])
        }
        return .object(fields)
    }

    private func esc(_ text: String) -> String { SVG.escape(text) }
}
