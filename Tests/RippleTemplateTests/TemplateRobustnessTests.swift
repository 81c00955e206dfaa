import RippleCore
import Testing
@testable import RippleTemplate

/// Arbitrary template text must compile to diagnostics or render; it must never crash.
struct TemplateRobustnessTests {
    /// A small deterministic generator (no randomness between runs).
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let fragments = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{$blk}}", "{{/blk}}", "{{<p}}", "{{/p}}",
        "{{>p}}", "{{>*name}}", "{{a}}", "{{& b}}", "{{.}}", "{{!c}}", "{{=<% %>=}}", "<%={{ }}=%>", "<%a%>", "\n", "\r\n",
        "  ", "\t", "x", "é", "{{a.b}}", "{{#list}}", "{{/list}}", "=", "{{= | | =}}", "|a|",
    ]

    @Test func randomTemplatesNeverCrash() throws {
        var generator = Generator(state: 42)
        let context: TemplateValue = ["a": ["b": "<v>"], "b": true, "list": [1, 2], "name": "p"]
        var rendered = 0, rejected = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + generator.next(14)) { text += Self.fragments[generator.next(Self.fragments.count)] }
            var partial = ""
            for _ in 0..<generator.next(6) { partial += Self.fragments[generator.next(Self.fragments.count)] }
            do {
                let library = try TemplateLibrary(sources: [
                    TemplateSource(name: "main", path: "main.mustache", text: text),
                    TemplateSource(name: "p", path: "p.mustache", text: partial),
                ], strict: false)
                _ = try library.render("main", context: context)
                rendered += 1
            } catch {
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.location?.line != nil && $0.hint != nil })
                rejected += 1
            }
        }
        #expect(rendered > 100)
        #expect(rejected > 100)
    }
}
