import RippleCore
import RippleTemplate

extension TemplateValue {
    /// An object from key–value pairs (later keys win).
    static func object(_ pairs: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        .object(Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, b in b }))
    }

    /// A string, or null when nil.
    static func optional(_ text: String?) -> TemplateValue { text.map { .string($0) } ?? .null }

    /// This object with more keys (or itself if not an object).
    func merging(_ other: [String: TemplateValue]) -> TemplateValue {
        guard case var .object(values) = self else { return self }
        values.merge(other) { _, b in b }
        return .object(values)
    }
}
