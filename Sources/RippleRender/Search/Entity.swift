/// Decodes the HTML character references Ripple's output contains.
package enum Entity {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "hellip": "…",
        "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©",
        "middot": "·", "rarr": "→", "larr": "←", "times": "×",
    ]

    /// Decodes the reference starting at `bytes[start] == "&"`: its UTF-8 bytes and the offset after it.
    package static func decode(_ bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var i = start + 1
        let limit = min(bytes.count, start + 12)
        while i < limit, bytes[i] != UInt8(ascii: ";") {
            let b = bytes[i]
            guard (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || (b >= 48 && b <= 57) || b == UInt8(ascii: "#") else { return nil }
            i += 1
        }
        guard i < limit, i > start + 1 else { return nil }
        let body = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        let text: String?
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            text = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else if body.hasPrefix("#") {
            text = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        } else {
            text = named[body]
        }
        guard let text else { return nil }
        return (Array(text.utf8), i + 1)
    }

    /// Decodes every reference in `bytes`.
    package static func decodeAll(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let array = Array(bytes)
        var out: [UInt8] = []
        var i = 0
        while i < array.count {
            if array[i] == UInt8(ascii: "&"), let (decoded, end) = decode(array, at: i) {
                out += decoded
                i = end
            } else {
                out.append(array[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
