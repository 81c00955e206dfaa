import RippleCore

/// Tokens as short strings, for exact comparisons: `T:` text, `R(name):` raw text, `S:`/`E:` start and end
/// tags (`name[attr="v" attr='v' attr=v attr]`, `/` when self-closing), `C:` comment, `D:` doctype, `X:` CDATA,
/// `B:` bogus comment, `U:` a tag cut off by the end. Adjacent text is joined.
struct TokenLog: HTMLTokenVisitor {
    let bytes: UnsafeBufferPointer<UInt8>
    var tokens: [String] = []

    static func tokens(_ input: [UInt8]) -> [String] {
        input.withUnsafeBufferPointer { bytes in
            var log = TokenLog(bytes: bytes)
            HTMLTokenizer.tokenize(bytes, into: &log)
            return log.tokens
        }
    }

    static func tokens(_ input: String) -> [String] { tokens(Array(input.utf8)) }

    private func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

    mutating func text(_ range: Range<Int>) {
        if let last = tokens.last, last.hasPrefix("T:") { tokens[tokens.count - 1] = last + string(range) } else { tokens.append("T:" + string(range)) }
    }
    mutating func rawText(_ range: Range<Int>, of element: HTMLTagName) { tokens.append("R(\(element)):" + string(range)) }
    mutating func tag(_ tag: HTMLTagToken) {
        let attributes = tag.attributes.map { attribute in
            let value = string(attribute.valueRange)
            let name = attribute.nameText(bytes)
            switch attribute.quote {
            case .none: return name
            case .unquoted: return name + "=" + value
            case .double: return name + "=\"" + value + "\""
            case .single: return name + "='" + value + "'"
            }
        }
        let kind = tag.isEnd ? "E:" : "S:"
        tokens.append(kind + tag.nameText(bytes) + "[" + attributes.joined(separator: " ") + "]" + (tag.selfClosing ? "/" : "") + "@" + string(tag.range))
    }
    mutating func markup(_ range: Range<Int>, _ kind: HTMLMarkupKind) {
        let prefix = switch kind {
        case .comment: "C:"
        case .doctype: "D:"
        case .cdata: "X:"
        case .bogusComment: "B:"
        }
        tokens.append(prefix + string(range))
    }
    mutating func unfinished(_ range: Range<Int>) { tokens.append("U:" + string(range)) }
}
