import Foundation
import RippleCore
import RippleTestSupport
import Testing

@Suite struct JSONWriterTests {
    @Test func quotesWithShortAndUnicodeEscapes() {
        #expect(JSONString.quote("a\"b\\c\n\r\t\u{1}\u{1F}é</") == "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001fé</\"")
        #expect(JSONString.quote("") == "\"\"")
    }

    @Test func scriptQuotingAlsoEscapesLessThanAndLineSeparators() {
        #expect(JSONString.quote("</script>\u{2028}\u{2029}\u{2027}", script: true)
            == "\"\\u003c/script>\\u2028\\u2029\u{2027}\"")
        #expect(JSONString.quote("\u{2028}<") == "\"\u{2028}<\"")
    }

    /// The eight-bytes-at-a-time path against a scalar-by-scalar statement of the rule, on random text mixing
    /// plain ASCII runs with every character that needs escaping, at every offset.
    @Test func byteLevelQuotingMatchesTheRuleOnRandomText() {
        var random = SeededRandom(seed: 17)
        let pieces: [String] = ["a", "plain words ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "<", ">", "é",
                                "\u{2028}", "\u{2029}", "\u{2026}", "€", "😀", "abcdefgh"]
        for _ in 0..<2_000 {
            let text = (0..<random.next(24)).map { _ in random.pick(pieces) }.joined()
            for script in [false, true] {
                #expect(JSONString.quote(text, script: script) == Self.reference(text, script: script), "\(text.debugDescription)")
            }
            var bytes = Array("x".utf8)
            JSONString.quote(text, into: &bytes)
            #expect(bytes == Array(("x" + Self.reference(text, script: false)).utf8))
        }
    }

    @Test func quotedTextReadsBackAsTheSameString() throws {
        let text = "tab\there \"quoted\" back\\slash \u{7}bell </script> \u{2028} ünïcödé 😀"
        for script in [false, true] {
            let decoded = try JSONSerialization.jsonObject(with: Data(("[" + JSONString.quote(text, script: script) + "]").utf8))
            #expect(decoded as? [String] == [text])
        }
    }

    @Test func writesIndentedAndInlineContainers() {
        var w = JSONWriter()
        w.object(nil) { w in
            w.string("name", "Q1")
            w.int("count", 3)
            w.int("hidden", nil)
            w.double("share", 0.25)
            w.double("whole", 4)
            w.bool("open", false)
            w.object("empty") { _ in }
            w.array("rows") { w in
                w.object(nil, inline: true) { w in
                    w.string("a", "x")
                    w.array("b") { w in w.int(nil, 1); w.int(nil, 2) }
                    w.object("c") { _ in }
                }
                w.raw(nil, "{\"raw\": true}")
            }
        }
        #expect(w.text == """
            {
              "name": "Q1",
              "count": 3,
              "hidden": null,
              "share": 0.25,
              "whole": 4,
              "open": false,
              "empty": {},
              "rows": [
                {"a": "x", "b": [1, 2], "c": {}},
                {"raw": true}
              ]
            }
            """)
    }

    @Test func numbersAreWholeWhenTheyCanBe() {
        #expect(JSONWriter.number(3) == "3" && JSONWriter.number(-0.5) == "-0.5" && JSONWriter.number(2.5e-7) == "2.5e-07")
        #expect(JSONWriter.number(.nan) == "null" && JSONWriter.number(.infinity) == "null")
    }

    /// The quoting rule, one scalar at a time.
    private static func reference(_ text: String, script: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where script: out += "\\u003c"
            case "\u{2028}" where script: out += "\\u2028"
            case "\u{2029}" where script: out += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
