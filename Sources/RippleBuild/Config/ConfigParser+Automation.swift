import RippleCore

/// The settings of `ripple match` and `ripple followup`.
extension ConfigParser {
    static func readMatching(_ node: YAMLNode, into matching: inout MatchingSettings, with reader: inout YAMLReader) {
        let keys = ["topic_weight", "cross_department_weight", "cross_location_weight", "reciprocal_weight", "base_score",
                    "min_level_gap", "max_level_gap", "default_capacity", "candidates"]
        reader.mapping(node, in: "matching", keys: keys) { reader, key, value in
            switch key {
            case "min_level_gap": matching.minLevelGap = reader.int(value, key: key, in: -20...20) ?? matching.minLevelGap
            case "max_level_gap": matching.maxLevelGap = reader.int(value, key: key, in: -20...20) ?? matching.maxLevelGap
            case "default_capacity": matching.defaultCapacity = reader.int(value, key: key, in: 0...100) ?? matching.defaultCapacity
            case "candidates": matching.candidates = reader.int(value, key: key, in: 1...100_000) ?? matching.candidates
            default:
                guard let points = reader.int(value, key: key, in: 0...1000) else { return }
                switch key {
                case "topic_weight": matching.topicWeight = points
                case "cross_department_weight": matching.crossDepartmentWeight = points
                case "cross_location_weight": matching.crossLocationWeight = points
                case "reciprocal_weight": matching.reciprocalWeight = points
                default: matching.baseScore = points
                }
            }
        }
        if matching.minLevelGap > matching.maxLevelGap {
            reader.report("matching.min_level_gap (\(matching.minLevelGap)) is above matching.max_level_gap (\(matching.maxLevelGap))",
                          at: node, hint: "make min_level_gap at most max_level_gap")
        }
    }

    /// `directory`: `enabled` and the `fields` each entry shows.
    static func readDirectory(_ node: YAMLNode, into directory: inout DirectorySettings, with reader: inout YAMLReader) {
        reader.mapping(node, in: "directory", keys: ["enabled", "fields"]) { reader, key, value in
            guard key == "fields" else { directory.enabled = reader.bool(value, key: key) ?? false; return }
            guard case let .sequence(items, _, _) = value else {
                reader.report("'fields' must be a list such as [display_name, department, expertise]", at: value)
                return
            }
            var fields: [DirectoryField] = []
            for item in items {
                guard let text = reader.string(item, key: "fields") else { continue }
                guard let field = DirectoryField(rawValue: text) else {
                    reader.report("unknown directory field '\(text)'", at: item,
                                  hint: "fields can be: \(DirectoryField.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                if !fields.contains(field) { fields.append(field) }
            }
            directory.fields = fields
        }
    }

    /// `private_dir`: a relative folder path without `..`, so it stays under the site folder.
    static func readPrivateDir(_ node: YAMLNode, with reader: inout YAMLReader) -> String? {
        guard let text = reader.string(node, key: "private_dir") else { return nil }
        guard !text.hasPrefix("/"), let path = OutputPath.normalize(text), !path.isEmpty else {
            reader.report("'private_dir' must be a folder inside the site folder, like 'private', not '\(text)'", at: node,
                          hint: "give a relative path without '..'; it must not lie inside the published output folder")
            return nil
        }
        return path
    }
}
