extension HTMLTokenizer {
    /// Reads the start or end tag at `open` (a `<` followed by a letter, or `</` and a letter) into `token`;
    /// false when the input ends inside it. The states of the HTML tokenizer from "tag open" to "self-closing
    /// start tag", each a loop here.
    @inlinable
    mutating func readTag(at open: Int) -> Bool {
        let n = bytes.count
        let isEnd = bytes[open + 1] == Self.slash
        let nameStart = open + (isEnd ? 2 : 1)
        var i = nameStart
        while i < n, !Self.isSpace(bytes[i]), bytes[i] != Self.slash, bytes[i] != Self.gt { i += 1 }
        token.nameRange = nameStart..<i
        token.name = HTMLTagName(bytes, nameStart..<i)
        token.isEnd = isEnd
        token.selfClosing = false
        token.attributes.removeAll(keepingCapacity: true)
        while true {
            // Before attribute name.
            while i < n, Self.isSpace(bytes[i]) { i += 1 }
            guard i < n else { return false }
            if bytes[i] == Self.gt { break }
            if bytes[i] == Self.slash {  // self-closing start tag: `/>`, or a stray `/` that is dropped
                i += 1
                guard i < n else { return false }
                if bytes[i] == Self.gt { token.selfClosing = true; break }
                continue
            }
            // Attribute name: anything up to white space, `/`, `>` or `=` (a leading `=` belongs to it).
            let attributeStart = i
            i += 1
            while i < n, !Self.isSpace(bytes[i]), bytes[i] != Self.slash, bytes[i] != Self.gt, bytes[i] != Self.equals { i += 1 }
            let nameRange = attributeStart..<i
            // After attribute name.
            while i < n, Self.isSpace(bytes[i]) { i += 1 }
            guard i < n else { return false }
            var value = i..<i, quote = HTMLAttribute.Quote.none
            if bytes[i] == Self.equals {
                i += 1
                while i < n, Self.isSpace(bytes[i]) { i += 1 }
                guard i < n else { return false }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    guard let close = find(b, from: i + 1) else { return false }
                    value = (i + 1)..<close
                    quote = b == UInt8(ascii: "\"") ? .double : .single
                    i = close + 1
                } else {  // unquoted, possibly empty when `>` follows the `=`
                    let start = i
                    while i < n, !Self.isSpace(bytes[i]), bytes[i] != Self.gt { i += 1 }
                    value = start..<i
                    quote = .unquoted
                }
            }
            add(HTMLAttribute(name: HTMLTagName(bytes, nameRange), nameRange: nameRange, valueRange: value, quote: quote))
        }
        token.range = open..<(i + 1)
        return true
    }

    /// Adds an attribute unless the tag has one of that name already (the tokenizer drops the later one).
    @inlinable
    mutating func add(_ attribute: HTMLAttribute) {
        for existing in token.attributes where existing.name == attribute.name {
            if attribute.nameRange.count <= 16 || sameName(existing.nameRange, attribute.nameRange) { return }
        }
        token.attributes.append(attribute)
    }

    @inlinable
    func sameName(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { HTMLTagName.lowered(bytes[$0]) == HTMLTagName.lowered(bytes[$1]) }
    }
}
