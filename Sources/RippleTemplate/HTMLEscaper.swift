/// Escapes text for HTML: `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
///
/// Works on the UTF-8 bytes and copies unchanged runs in one go; text without any of the five
/// characters (the common case) is appended as a whole.
enum HTMLEscaper {
    /// Appends `text`, escaped, to `output`.
    static func append(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        let done: Void? = utf8.withContiguousStorageIfAvailable { buffer in
            var runStart = 0
            for offset in 0..<buffer.count {
                let replacement: String
                switch buffer[offset] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                if runStart < offset {
                    output.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: runStart)..<utf8.index(utf8.startIndex, offsetBy: offset)])
                }
                output.append(replacement)
                runStart = offset + 1
            }
            if runStart == 0 {
                output.append(text)
            } else if runStart < buffer.count {
                output.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: runStart)...])
            }
        }
        if done == nil {
            // Bridged strings have no contiguous UTF-8; make a native copy.
            var copy = text
            copy.makeContiguousUTF8()
            append(copy, to: &output)
        }
    }

    /// `text` escaped for HTML.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output)
        return output
    }
}
