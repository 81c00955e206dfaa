/// One start or end tag found by `HTMLTokenizer`: names and byte ranges into the tokenized bytes, nothing
/// decoded, so that scanners decode only what they need and rewriters can splice values.
package struct HTMLTagToken {
    /// The element name, ASCII-lowered.
    package var name: HTMLTagName
    /// Where the name is written.
    package var nameRange: Range<Int>
    /// `</name>`.
    package var isEnd: Bool
    /// Written with `/>` (the self-closing flag; HTML elements other than void ones ignore it).
    package var selfClosing: Bool
    /// The whole tag, from its `<` to just past its `>`.
    package var range: Range<Int>
    /// Attributes in source order, without later duplicates of a name (the tokenizer's rule: the first wins).
    package var attributes: [HTMLAttribute]

    /// The first attribute called `name`.
    @inline(__always)
    package func attribute(_ name: HTMLTagName) -> HTMLAttribute? {
        for attribute in attributes where attribute.name == name { return attribute }
        return nil
    }

    /// The element name as text, ASCII-lowered.
    package func nameText(_ bytes: UnsafeBufferPointer<UInt8>) -> String { HTMLTagName.lowercased(bytes, nameRange) }
}

/// One attribute of an `HTMLTagToken`.
package struct HTMLAttribute: Sendable {
    /// How a value is written.
    package enum Quote: UInt8, Sendable {
        /// No value at all (`<details open>`).
        case none
        /// `name=value`.
        case unquoted
        /// `name="value"`.
        case double
        /// `name='value'`.
        case single
    }

    /// The name, ASCII-lowered.
    package var name: HTMLTagName
    /// Where the name is written.
    package var nameRange: Range<Int>
    /// Where the value is written, without its quotes, character references not decoded (empty without a value).
    package var valueRange: Range<Int>
    /// How the value is written.
    package var quote: Quote

    /// The value with its character references decoded.
    package func value(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        Entity.decodeAll(bytes, valueRange)
    }

    /// The name as text, ASCII-lowered.
    package func nameText(_ bytes: UnsafeBufferPointer<UInt8>) -> String { HTMLTagName.lowercased(bytes, nameRange) }
}
