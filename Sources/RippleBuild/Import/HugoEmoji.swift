/// The emoji codes Hugo turns into emoji (`enableEmoji`, used by Hugo's own documentation in its tables), for the
/// few that documentation uses: `:heavy_check_mark:` → ✔️. Code (fenced blocks, backtick spans) is left alone, as
/// is a code Ripple does not know.
enum HugoEmoji {
    static let codes: [String: String] = [
        "heavy_check_mark": "\u{2714}\u{FE0F}", "white_check_mark": "\u{2705}", "x": "\u{274C}",
        "warning": "\u{26A0}\u{FE0F}", "bulb": "\u{1F4A1}", "information_source": "\u{2139}\u{FE0F}",
        "no_entry": "\u{26D4}", "star": "\u{2B50}", "tada": "\u{1F389}", "+1": "\u{1F44D}",
    ]

    /// `text` with the known codes outside code replaced.
    static func rewrite(_ text: String) -> String {
        guard text.contains(":") else { return text }
        var out: [String] = []
        var fence: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                out.append(String(line))
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                out.append(String(line))
            } else {
                out.append(replacing(line))
            }
        }
        return out.joined(separator: "\n")
    }

    private static func replacing(_ line: Substring) -> String {
        var out = ""
        var inCode = false
        var rest = line
        while let c = rest.first {
            if c == "`" { inCode.toggle() }
            if c == ":", !inCode, let end = rest.dropFirst().firstIndex(of: ":"),
               let emoji = codes[String(rest[rest.index(after: rest.startIndex)..<end])] {
                out += emoji
                rest = rest[rest.index(after: end)...]
                continue
            }
            out.append(c)
            rest = rest.dropFirst()
        }
        return out
    }
}
