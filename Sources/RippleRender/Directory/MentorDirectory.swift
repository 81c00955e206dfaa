import RippleCore
import RippleTemplate

/// The opt-in mentor directory (`/mentors/`): built only from participants with `directory_opt_in: yes`, and
/// holding only the fields `directory.fields` allows — an entry has no place for anything else, so no template
/// or search index can show more.
package struct MentorDirectory: Sendable {
    /// One mentor as the directory may show them; nil for a field not allowed or not given.
    package struct Entry: Hashable, Sendable {
        package var name: String?
        package var email: String?
        package var department: String?
        package var level: String?
        package var location: String?
        package var expertise: [String]
        package var capacityLeft: Int?
    }

    /// Entries, by name (then by position in the data, for people without a shown name).
    package private(set) var entries: [Entry]
    /// The fields shown.
    package var fields: [DirectoryField]

    /// The directory of `program` on `asOf`: opted-in mentors who have not left.
    package init(program: Program, settings: DirectorySettings, asOf: Day, defaultCapacity: Int) {
        fields = settings.fields
        var load = Array(repeating: 0, count: program.participants.count)
        for pair in program.pairs where pair.holds(on: asOf) { load[pair.mentor] += 1 }
        let shown = Set(settings.fields)
        func allowed<T>(_ field: DirectoryField, _ value: T?) -> T? { shown.contains(field) ? value : nil }
        var entries: [(Int, Entry)] = []
        for (index, person) in program.participants.enumerated()
        where person.directoryOptIn && person.roles.contains(.mentor) && (person.left.map { $0 > asOf } ?? true) {
            entries.append((index, Entry(
                name: allowed(.displayName, person.displayName), email: allowed(.email, person.email),
                department: allowed(.department, person.department), level: allowed(.level, person.level),
                location: allowed(.location, person.location),
                expertise: allowed(.expertise, person.expertise) ?? [],
                capacityLeft: allowed(.capacityLeft, max(0, (person.mentorCapacity ?? defaultCapacity) - load[index])))))
        }
        self.entries = entries.sorted { ($0.1.name ?? "", $0.0) < ($1.1.name ?? "", $1.0) }.map(\.1)
    }

    /// The page's output path.
    package static let path = "mentors/index.html"

    /// The page's job: the list as HTML (it works without JavaScript) and the filters' choices.
    package func job(context: PageContext) -> SiteRenderer.PageJob {
        let shown = Set(fields)
        func choices(_ values: (Entry) -> [String]) -> TemplateValue {
            .list(Array(Set(entries.flatMap(values))).sorted().map {
                .object(["value": .string($0), "label": .string(Self.label($0))])
            })
        }
        let items: [TemplateValue] = entries.map { entry in
            var item: [String: TemplateValue] = ["expertise": .list(entry.expertise.map { .string(Self.label($0)) }),
                                                 "has_expertise": .bool(!entry.expertise.isEmpty),
                                                 "expertise_data": .string(entry.expertise.joined(separator: "|"))]
            if let name = entry.name { item["name"] = .string(name) }
            if let email = entry.email { item["email"] = .string(email) }
            if let department = entry.department { item["department"] = .string(department) }
            if let level = entry.level { item["level"] = .string(level) }
            if let location = entry.location { item["location"] = .string(location) }
            if let left = entry.capacityLeft {
                item["capacity_left"] = .int(left)
                item["has_capacity"] = .bool(left > 0)
                item["capacity_text"] = .string(left == 0 ? "No room at the moment" : left == 1 ? "Room for 1 mentee" : "Room for \(left) mentees")
            }
            return .object(item)
        }
        var directory: [String: TemplateValue] = [
            "count": .int(entries.count), "entries": .list(items), "capacity_filter": .bool(shown.contains(.capacityLeft)),
        ]
        let filters: [(String, DirectoryField, (Entry) -> [String])] = [
            ("expertise", .expertise, \.expertise), ("department", .department, { $0.department.map { [$0] } ?? [] }),
            ("location", .location, { $0.location.map { [$0] } ?? [] }),
        ]
        for (name, field, values) in filters {
            let list = shown.contains(field) ? choices(values) : .list([])
            directory["\(name)_choices"] = list
            directory["has_\(name)_choices"] = .bool(list.isTruthy)
        }
        let value = TemplateValue.object(directory)
        let title = "Find a mentor"
        let summary = "Mentors who chose to be listed, with what they can help with. Filter by topic, department, location or room for a new mentee."
        return SiteRenderer.PageJob(path: Self.path, template: "layouts/directory") {
            context.context(path: Self.path, kind: "directory", title: title, summary: summary,
                            extra: ["directory": value])
        }
    }

    /// How a data value reads on the page: spreadsheets often hold topics as `people_management`.
    static func label(_ value: String) -> String {
        String(value.map { $0 == "_" ? " " : $0 })
    }
}
