/// One start or end tag found by `HTMLTokenizer`: names and byte ranges into the tokenized bytes, nothing
/// decoded, so that scanners decode only what they need and rewriters can splice values.
public struct HTMLTagToken {
    /// The element name, ASCII-lowered.
    public var name: HTMLTagName
    /// Where the name is written.
    public var nameRange: Range<Int>
    /// `</name>`.
    public var isEnd: Bool
    /// Written with `/>` (the self-closing flag; HTML elements other than void ones ignore it).
    public var selfClosing: Bool
    /// The whole tag, from its `<` to just past its `>`.
    public var range: Range<Int>
    /// Attributes in source order, without later duplicates of a name (the tokenizer's rule: the first wins).
    public var attributes: [HTMLAttribute]

    @inlinable
    public init(name: HTMLTagName, nameRange: Range<Int>, isEnd: Bool, selfClosing: Bool, range: Range<Int>, attributes: [HTMLAttribute]) {
        self.name = name
        self.nameRange = nameRange
        self.isEnd = isEnd
        self.selfClosing = selfClosing
        self.range = range
        self.attributes = attributes
    }

    /// The first attribute called `name`.
    @inlinable
    public func attribute(_ name: HTMLTagName) -> HTMLAttribute? {
        for attribute in attributes where attribute.name == name { return attribute }
        return nil
    }

    /// The element name as text, ASCII-lowered.
    public func nameText(_ bytes: UnsafeBufferPointer<UInt8>) -> String { HTMLTagName.lowercased(bytes, nameRange) }
}

/// One attribute of an `HTMLTagToken`.
public struct HTMLAttribute: Sendable {
    /// How a value is written.
    public enum Quote: UInt8, Sendable {
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
    public var name: HTMLTagName
    /// Where the name is written.
    public var nameRange: Range<Int>
    /// Where the value is written, without its quotes, character references not decoded (empty without a value).
    public var valueRange: Range<Int>
    /// How the value is written.
    public var quote: Quote

    @inlinable
    public init(name: HTMLTagName, nameRange: Range<Int>, valueRange: Range<Int>, quote: Quote) {
        self.name = name
        self.nameRange = nameRange
        self.valueRange = valueRange
        self.quote = quote
    }

    /// The value with its character references decoded.
    public func value(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        Entity.decodeAll(bytes, valueRange)
    }

    /// The name as text, ASCII-lowered.
    public func nameText(_ bytes: UnsafeBufferPointer<UInt8>) -> String { HTMLTagName.lowercased(bytes, nameRange) }
}
