/// Writes JSON string literals that are also safe inside a JavaScript file.
enum JSONText {
    /// `"text"` with quotes, backslashes, control characters and U+2028/U+2029 escaped.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        raw(text, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The escaped characters of `text`, without the quotes.
    static func raw(_ text: String, into out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += [92, 34]
            case "\\": out += [92, 92]
            case "\n": out += [92, UInt8(ascii: "n")]
            case "<": out += Array("\\u003c".utf8)  // no `</script>` can ever close a surrounding script element
            case "\u{2028}": out += Array("\\u2028".utf8)
            case "\u{2029}": out += Array("\\u2029".utf8)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
    }
}
