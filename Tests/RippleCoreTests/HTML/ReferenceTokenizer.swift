/// The HTML tokenizer written as plainly as the WHATWG specification states it, one state per case and one
/// byte per step: the oracle of `HTMLTokenizerTests`' differential test. It logs tokens as `TokenLog` does.
/// Like the product it counts `svg`/`math` start and end tags for foreign content and does not model the
/// script "double escaped" states; the comment "less-than sign" states are left out because they only
/// report errors (they never change where a comment ends).
struct ReferenceTokenizer {
    enum State {
        case data, tagOpen, endTagOpen, tagName, beforeAttributeName, attributeName, afterAttributeName
        case beforeAttributeValue, attributeValueDouble, attributeValueSingle, attributeValueUnquoted
        case afterAttributeValueQuoted, selfClosingStartTag, bogusComment, markupDeclarationOpen
        case commentStart, commentStartDash, comment, commentEndDash, commentEnd, commentEndBang, doctype
        case cdataSection, rawText
    }

    let input: [UInt8]
    var tokens: [String] = []
    var state = State.data
    var tokenStart = 0
    var textStart = 0
    var isEnd = false, selfClosing = false
    var name: [UInt8] = []
    var attributes: [(name: [UInt8], value: [UInt8], quote: String)] = []
    var attributeName: [UInt8] = [], attributeValue: [UInt8] = [], quote = ""
    var foreign = 0
    var rawElement: [UInt8]? = nil
    var markupPrefix = "C:"

    static func tokens(_ input: [UInt8]) -> [String] {
        var tokenizer = ReferenceTokenizer(input: input)
        tokenizer.run()
        return tokenizer.tokens
    }

    static let rawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"].map { Array($0.utf8) }

    func isSpace(_ c: UInt8) -> Bool { [9, 10, 12, 13, 32].contains(c) }
    func isAlpha(_ c: UInt8) -> Bool { (65...90).contains(c) || (97...122).contains(c) }
    func lower(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c + 32 : c }
    func text(_ from: Int, _ to: Int) -> String { String(decoding: input[from..<to], as: UTF8.self) }
    func displayName(_ bytes: [UInt8]) -> String { String(decoding: bytes.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }, as: UTF8.self) }

    mutating func emitText(upTo end: Int) {
        guard textStart < end else { return }
        let piece = text(textStart, end)
        if let last = tokens.last, last.hasPrefix("T:") { tokens[tokens.count - 1] = last + piece } else { tokens.append("T:" + piece) }
        textStart = end
    }

    mutating func finishAttribute() {
        guard !attributeName.isEmpty else { return }
        if !attributes.contains(where: { $0.name == attributeName }) { attributes.append((attributeName, attributeValue, quote)) }
        attributeName = []; attributeValue = []; quote = ""
    }

    mutating func emitTag(end: Int) {
        finishAttribute()
        let list = attributes.map { a in
            let n = displayName(a.name), v = String(decoding: a.value, as: UTF8.self)
            switch a.quote {
            case "": return n
            case "u": return n + "=" + v
            default: return n + "=" + a.quote + v + a.quote
            }
        }
        tokens.append((isEnd ? "E:" : "S:") + displayName(name) + "[" + list.joined(separator: " ") + "]" + (selfClosing ? "/" : "") + "@" + text(tokenStart, end))
        state = .data
        textStart = end
        guard !isEnd else {
            if (name == Array("svg".utf8) || name == Array("math".utf8)), foreign > 0 { foreign -= 1 }
            return
        }
        if name == Array("svg".utf8) || name == Array("math".utf8) {
            if !selfClosing { foreign += 1 }
        } else if foreign == 0, name == Array("plaintext".utf8) {
            if end < input.count { tokens.append("R(plaintext):" + text(end, input.count)) }
            textStart = input.count
            state = .rawText
            rawElement = []
        } else if foreign == 0, Self.rawTextElements.contains(name) {
            rawElement = name
            state = .rawText
        }
    }

    mutating func emitMarkup(end: Int) {
        tokens.append(markupPrefix + text(tokenStart, end))
        state = .data
        textStart = end
    }

    mutating func run() {
        var i = 0
        while i <= input.count {
            let eof = i == input.count
            let c: UInt8 = eof ? 0 : input[i]
            switch state {
            case .data:
                if eof { emitText(upTo: i); return }
                if c == UInt8(ascii: "<") { tokenStart = i; state = .tagOpen }
                i += 1
            case .rawText:
                if eof || rawElement == [] { emitRaw(upTo: input.count); return }
                // RCDATA/RAWTEXT/script data "less-than sign", "end tag open" and "end tag name" states: an
                // appropriate end tag is `</` + the element's name + white space, `/` or `>`.
                let n = rawElement!.count
                if c == UInt8(ascii: "<"), i + 2 + n < input.count, input[i + 1] == UInt8(ascii: "/"),
                   input[(i + 2)..<(i + 2 + n)].map(lower) == rawElement!,
                   isSpace(input[i + 2 + n]) || input[i + 2 + n] == UInt8(ascii: "/") || input[i + 2 + n] == UInt8(ascii: ">") {
                    emitRaw(upTo: i)
                    tokenStart = i
                    state = .endTagOpen
                    i += 2
                    continue
                }
                i += 1
            case .tagOpen:
                if c == UInt8(ascii: "!"), !eof { state = .markupDeclarationOpen; i += 1 }
                else if c == UInt8(ascii: "/"), !eof { state = .endTagOpen; i += 1 }
                else if isAlpha(c), !eof { startTag(end: false); state = .tagName }
                else if c == UInt8(ascii: "?"), !eof { markupPrefix = "B:"; state = .bogusComment }
                else { state = .data }  // the `<` is text
            case .endTagOpen:
                if eof { state = .data; continue }
                if isAlpha(c) { startTag(end: true); state = .tagName }
                else if c == UInt8(ascii: ">") { emitText(upTo: tokenStart); markupPrefix = "B:"; emitMarkup(end: i + 1); i += 1 }
                else { markupPrefix = "B:"; state = .bogusComment }
            case .tagName:
                if eof { unfinished(); return }
                if isSpace(c) { state = .beforeAttributeName }
                else if c == UInt8(ascii: "/") { state = .selfClosingStartTag }
                else if c == UInt8(ascii: ">") { emitTag(end: i + 1) }
                else { name.append(lower(c)) }
                i += 1
            case .beforeAttributeName:
                if eof || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") { state = .afterAttributeName; continue }
                if isSpace(c) { i += 1; continue }
                finishAttribute()
                if c == UInt8(ascii: "=") { attributeName = [c]; i += 1 }
                state = .attributeName
            case .attributeName:
                if eof || isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") { state = .afterAttributeName; continue }
                if c == UInt8(ascii: "=") { state = .beforeAttributeValue; i += 1; continue }
                attributeName.append(lower(c))
                i += 1
            case .afterAttributeName:
                if eof { unfinished(); return }
                if isSpace(c) { i += 1 }
                else if c == UInt8(ascii: "/") { state = .selfClosingStartTag; i += 1 }
                else if c == UInt8(ascii: "=") { state = .beforeAttributeValue; i += 1 }
                else if c == UInt8(ascii: ">") { emitTag(end: i + 1); i += 1 }
                else { finishAttribute(); state = .attributeName }
            case .beforeAttributeValue:
                if !eof, isSpace(c) { i += 1; continue }
                if c == UInt8(ascii: "\""), !eof { quote = "\""; state = .attributeValueDouble; i += 1 }
                else if c == UInt8(ascii: "'"), !eof { quote = "'"; state = .attributeValueSingle; i += 1 }
                else if c == UInt8(ascii: ">"), !eof { quote = "u"; emitTag(end: i + 1); i += 1 }
                else { quote = "u"; state = .attributeValueUnquoted }
            case .attributeValueDouble, .attributeValueSingle:
                if eof { unfinished(); return }
                if c == UInt8(ascii: state == .attributeValueDouble ? "\"" : "'") { state = .afterAttributeValueQuoted }
                else { attributeValue.append(c) }
                i += 1
            case .attributeValueUnquoted:
                if eof { unfinished(); return }
                if isSpace(c) { state = .beforeAttributeName }
                else if c == UInt8(ascii: ">") { emitTag(end: i + 1) }
                else { attributeValue.append(c) }
                i += 1
            case .afterAttributeValueQuoted:
                if eof { unfinished(); return }
                if isSpace(c) { state = .beforeAttributeName; i += 1 }
                else if c == UInt8(ascii: "/") { state = .selfClosingStartTag; i += 1 }
                else if c == UInt8(ascii: ">") { emitTag(end: i + 1); i += 1 }
                else { state = .beforeAttributeName }
            case .selfClosingStartTag:
                if eof { unfinished(); return }
                if c == UInt8(ascii: ">") { selfClosing = true; emitTag(end: i + 1); i += 1 }
                else { state = .beforeAttributeName }
            case .bogusComment:
                emitText(upTo: tokenStart)
                if eof { emitMarkup(end: i); return }
                if c == UInt8(ascii: ">") { emitMarkup(end: i + 1) }
                i += 1
            case .markupDeclarationOpen:
                emitText(upTo: tokenStart)
                if input[i...].starts(with: "--".utf8) { markupPrefix = "C:"; state = .commentStart; i += 2 }
                else if input[i...].prefix(7).map(lower).elementsEqual("doctype".utf8) { markupPrefix = "D:"; state = .doctype; i += 7 }
                else if foreign > 0, input[i...].starts(with: "[CDATA[".utf8) { markupPrefix = "X:"; state = .cdataSection; i += 7 }
                else { markupPrefix = "B:"; state = .bogusComment }
            case .commentStart:
                if c == UInt8(ascii: "-"), !eof { state = .commentStartDash; i += 1 }
                else if c == UInt8(ascii: ">"), !eof { emitMarkup(end: i + 1); i += 1 }
                else { state = .comment }
            case .commentStartDash:
                if eof { emitMarkup(end: i); return }
                if c == UInt8(ascii: "-") { state = .commentEnd; i += 1 }
                else if c == UInt8(ascii: ">") { emitMarkup(end: i + 1); i += 1 }
                else { state = .comment }
            case .comment:
                if eof { emitMarkup(end: i); return }
                if c == UInt8(ascii: "-") { state = .commentEndDash }
                i += 1
            case .commentEndDash:
                if eof { emitMarkup(end: i); return }
                if c == UInt8(ascii: "-") { state = .commentEnd; i += 1 } else { state = .comment }
            case .commentEnd:
                if eof { emitMarkup(end: i); return }
                if c == UInt8(ascii: ">") { emitMarkup(end: i + 1); i += 1 }
                else if c == UInt8(ascii: "!") { state = .commentEndBang; i += 1 }
                else if c == UInt8(ascii: "-") { i += 1 }
                else { state = .comment }
            case .commentEndBang:
                if eof { emitMarkup(end: i); return }
                if c == UInt8(ascii: "-") { state = .commentEndDash; i += 1 }
                else if c == UInt8(ascii: ">") { emitMarkup(end: i + 1); i += 1 }
                else { state = .comment }
            case .doctype:  // every doctype state ends the doctype at `>` or the end of the input
                if eof { emitMarkup(end: i); return }
                if c == UInt8(ascii: ">") { emitMarkup(end: i + 1) }
                i += 1
            case .cdataSection:
                if eof { emitMarkup(end: i); return }
                if input[i...].starts(with: "]]>".utf8) { emitMarkup(end: i + 3); i += 3 } else { i += 1 }
            }
        }
    }

    mutating func startTag(end: Bool) {
        emitText(upTo: tokenStart)
        isEnd = end; selfClosing = false; name = []; attributes = []; attributeName = []; attributeValue = []; quote = ""
    }

    mutating func emitRaw(upTo end: Int) {
        if textStart < end { tokens.append("R(\(displayName(rawElement ?? []))):" + text(textStart, end)) }
        textStart = end
    }

    mutating func unfinished() {
        tokens.append("U:" + text(tokenStart, input.count))
        textStart = input.count
    }
}
