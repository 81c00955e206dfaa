import RippleTestSupport

/// The tags of a page as the search reference reads them, keyed by the offset of their `<`: raw text other
/// than titles and text areas, comments, doctypes and tags cut off by the end read as `!` tags to skip.
typealias ReferenceTag = DecodedToken.Tag

extension DecodedToken.Tag {
    static func tags(_ bytes: [UInt8]) -> [Int: ReferenceTag] {
        func skip(_ end: Int) -> ReferenceTag { ReferenceTag(name: "!", closing: false, selfClosing: true, attributes: [], end: end) }
        return DecodedToken.tokens(bytes).compactMapValues { token in
            switch token {
            case .tag(let tag): tag
            case .raw(let element, let end): element == "title" || element == "textarea" ? nil : skip(end)
            case .skip(let end): skip(end)
            }
        }
    }
}
