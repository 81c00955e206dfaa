import Foundation
/// A fast reader for the flat YAML most front matter is: `key: value` lines with plain, single- or
/// double-quoted scalars, blank lines and `#` comments.
///
/// Going through libyaml costs about half a millisecond a file, which is most of a 10,000-chapter build's
/// content stage. Anything this reader is not certain about (nesting, lists, block scalars, anchors,
/// duplicate keys, unusual escapes) returns nil, and the caller uses the full YAML parser instead, so the
/// result — values and positions — is always the same as libyaml's.
enum SimpleYAML {
    /// The mapping, or nil when the text needs the full parser.
    static func parse(_ text: String) -> YAMLNode? {
        guard !hasUnusualCharacters(text) else { return nil }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var seen = Set<String>()
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            guard line.first != " ", line.first != "\t", let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon]
            guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
                  key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }),
                  seen.insert(String(key)).inserted else { return nil }
            let afterColon = line[line.index(after: colon)...]
            guard afterColon.first == " " else { return nil }  // `key:` alone opens a nested value
            let valueStart = afterColon.drop { $0 == " " }
            guard !valueStart.isEmpty, let value = scalar(valueStart) else { return nil }
            let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex,
                                                      to: valueStart.unicodeScalars.startIndex) + 1
            pairs.append((.scalar(String(key), line: lineNumber, column: 1),
                          .scalar(value, line: lineNumber, column: column)))
        }
        guard !pairs.isEmpty else { return nil }
        return .mapping(pairs, line: pairs[0].key.line, column: 1)
    }

    /// Whether the text holds a character libyaml treats specially: a control character other than tab and line
    /// breaks (an error), or NEL, U+2028, U+2029 (line breaks in YAML 1.1, folded inside scalars), or U+FFFE/U+FFFF.
    /// The random differential test against Yams found each of these answered differently by this reader.
    private static func hasUnusualCharacters(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 ? byte != 0x09 && byte != 0x0A && byte != 0x0D : byte == 0x7F { return true }
            if previous == 0xC2 && byte < 0xA0 && byte >= 0x80 { return true }  // C1 controls, NEL among them
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            if beforePrevious == 0xEF && previous == 0xBF && (byte == 0xBE || byte == 0xBF) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A scalar on one line, or nil when it is not certainly a plain or simply quoted scalar.
    private static func scalar(_ text: Substring) -> String? {
        switch text.first {
        case "\"":
            guard text.count >= 2, text.last == "\"" else { return nil }
            var result = ""
            var escaping = false
            for character in text.dropFirst().dropLast() {
                if escaping {
                    guard character == "\"" || character == "\\" else { return nil }
                    result.append(character)
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else if character == "\"" {
                    return nil
                } else {
                    result.append(character)
                }
            }
            return escaping ? nil : result
        case "'":
            guard text.count >= 2, text.last == "'" else { return nil }
            let inner = text.dropFirst().dropLast()
            guard !inner.replacingOccurrences(of: "''", with: "").contains("'") else { return nil }
            return inner.replacingOccurrences(of: "''", with: "'")
        default:
            let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            let plain = String(trimmed)
            guard let first = plain.first, !"[]{}&*!|>%@`#-?:,\"'".contains(first),
                  !plain.contains(" #"), !plain.contains(": "), !plain.hasSuffix(":"), !plain.contains("\t") else { return nil }
            return plain
        }
    }
}
