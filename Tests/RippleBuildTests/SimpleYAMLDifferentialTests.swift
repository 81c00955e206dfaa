import RippleTestSupport
import Testing
import Yams
@testable import RippleBuild

/// Random front-matter-like documents through the fast path and through libyaml (Yams): whenever `SimpleYAML`
/// answers, its tree (values and positions) must be libyaml's. Most documents are in the fast path's domain
/// (flat `key: value` with plain, quoted, numeric, date and boolean scalars, comments, blank lines, CRLF); a
/// quarter mix in what it must decline (nesting, lists, block scalars, anchors, inline comments, tabs).
@Suite struct SimpleYAMLDifferentialTests {
    static let documents = 2_000

    @Test func fastPathAgreesWithLibYAMLOnRandomDocuments() throws {
        var random = SeededRandom(seed: 2026)
        var answered = 0
        for index in 0..<Self.documents {
            let text = Self.document(&random)
            guard let fast = SimpleYAML.parse(text) else { continue }
            answered += 1
            let full = try Yams.compose(yaml: text).map(YAMLNode.init)
            #expect(Self.flat(fast) == Self.flat(full), "document \(index): \(text.debugDescription)")
        }
        // The fast path must really be exercised: most generated documents are meant for it.
        #expect(answered * 100 >= Self.documents * 60, "the fast path answered only \(answered) of \(Self.documents)")
    }

    /// A tree as text with every node's position, so two trees compare with their locations.
    static func flat(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        switch node {
        case let .scalar(text, line, column): return "\(text.debugDescription)@\(line):\(column)"
        case let .mapping(pairs, line, column):
            return "{\(pairs.map { flat($0.key) + "=" + flat($0.value) }.joined(separator: ","))}@\(line):\(column)"
        case let .sequence(items, line, column): return "[\(items.map(flat).joined(separator: ","))]@\(line):\(column)"
        }
    }

    static let keys = ["title", "weight", "date", "draft", "summary", "slug", "base_url", "min-group-size", "aliases",
                       "author", "Titel", "café", "x1", "_private", "true", "null"]
    static let words = ["Skills", "for", "mentors", "Café", "naïve", "–", "a:b", "http://example.org/x?y=1", "50%",
                        "C#", "it's", "\"quoted\"", "a-b", "~", "yes", "No", "on", "null", "1.5", "0x1F", "1e3", "😀", "no\u{A0}break", "zero\u{FEFF}width"]

    static func document(_ random: inout SeededRandom) -> String {
        let newline = random.next(10) == 0 ? "\r\n" : "\n"
        let outside = random.next(4) == 0
        var lines: [String] = []
        var used = Set<String>()
        for _ in 0..<(1 + random.next(7)) {
            switch random.next(12) {
            case 0: lines.append("")
            case 1: lines.append(random.pick(["# a comment", "#", "   # indented comment", "# title: not a key"]))
            default:
                var key = random.pick(keys)
                if used.contains(key) { key += "\(used.count)" }
                used.insert(key)
                let gap = String(repeating: " ", count: 1 + (random.next(5) == 0 ? random.next(3) : 0))
                let trailing = random.next(6) == 0 ? random.pick(["  ", " ", "\t"]) : ""
                lines.append(key + ":" + gap + scalar(&random) + trailing)
            }
        }
        if outside {
            let odd = random.pick(["extra:\n  team: x", "tags: [a, b]", "list:\n- a\n- b", "body: |\n  block\n  text",
                                   "folded: >\n  a\n  b", "base: &a x", "copy: *a", "title: a # note", "title:\tx",
                                   "  indented: x", "---", "title: a: b", "key: \"tab\\t\"", "weight: -5",
                                   "when: 2026-01-15 10:00:00 +01:00", "empty:", "? complex\n: key",
                                   // Characters libyaml refuses or reads as line breaks (found by this test).
                                   "note: bell\u{7}", "note: a\u{2028}b", "note: 'a\u{85}b'", "note: x\u{2029}",
                                   "note: \"del\u{7F}\"", "note: esc\u{1B}"])
            lines.insert(odd, at: random.next(lines.count + 1))
        }
        return lines.joined(separator: newline) + (random.next(8) == 0 ? "" : newline)
    }

    static func scalar(_ random: inout SeededRandom) -> String {
        switch random.next(10) {
        case 0: return String(random.next(1000))
        case 1: return String(format: "%d.%d", random.next(100), random.next(100))
        case 2: return random.pick(["true", "false", "yes", "no", "True", "null", "~"])
        case 3: return String(format: "20%02d-%02d-%02d", random.next(30), 1 + random.next(12), 1 + random.next(28))
        case 4:  // single-quoted, '' for a quote
            return "'" + phrase(&random).replacingOccurrences(of: "'", with: "''") + "'"
        case 5:  // double-quoted with the escapes the fast path knows
            let inner = phrase(&random).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"" + inner + (random.next(3) == 0 ? ": with # inside" : "") + "\""
        default: return phrase(&random).replacingOccurrences(of: "\"quoted\"", with: "quoted")
        }
    }

    static func phrase(_ random: inout SeededRandom) -> String {
        var words = (0..<(1 + random.next(5))).map { _ in random.pick(Self.words) }
        // A plain scalar cannot start with an indicator or a quote; keep those inside.
        if words.count > 1, ["\"quoted\"", "~"].contains(words[0]) { words.swapAt(0, words.count - 1) }
        return words.joined(separator: " ")
    }
}
