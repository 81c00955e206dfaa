/// What `HTMLTokenizer` finds, in document order. Every byte of the input belongs to exactly one call, so a
/// rewriter that copies what it does not change gets its input back byte for byte.
public protocol HTMLTokenVisitor {
    /// Character data outside raw-text elements; character references not decoded. May hold `<` and `&` that
    /// start nothing.
    mutating func text(_ range: Range<Int>)
    /// The contents of a raw-text or RCDATA element (`script`, `style`, `textarea`, `title`, `xmp`, `iframe`,
    /// `noembed`, `noframes`, `plaintext`) up to its end tag: no tags inside.
    mutating func rawText(_ range: Range<Int>, of element: HTMLTagName)
    /// A start or end tag.
    mutating func tag(_ tag: HTMLTagToken)
    /// A comment, doctype, CDATA section or bogus comment, delimiters included.
    mutating func markup(_ range: Range<Int>, _ kind: HTMLMarkupKind)
    /// A tag cut off by the end of the input (HTML drops it).
    mutating func unfinished(_ range: Range<Int>)
}

/// The kinds of `HTMLTokenVisitor.markup`.
public enum HTMLMarkupKind: Sendable {
    /// `<!-- … -->`.
    case comment
    /// `<!DOCTYPE …>`.
    case doctype
    /// `<![CDATA[ … ]]>` inside `svg` or `math`.
    case cdata
    /// `<? … >`, `<! … >`, `</ … >` not starting with a letter; and `</>`, which HTML ignores.
    case bogusComment
}

extension HTMLTokenVisitor {
    public mutating func rawText(_ range: Range<Int>, of element: HTMLTagName) {}
    public mutating func markup(_ range: Range<Int>, _ kind: HTMLMarkupKind) {}
    public mutating func unfinished(_ range: Range<Int>) {}
}
