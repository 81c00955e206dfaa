import RippleCore
import Testing
@testable import RippleTemplate

/// Rendering behaviour beyond the spec files: escaping, Unicode, values, indentation, dependencies.
struct TemplateRenderingTests {
    private func library(_ templates: [String: String], strict: Bool = true) throws -> TemplateLibrary {
        try TemplateLibrary(
            sources: templates.map { TemplateSource(name: $0.key, path: "templates/\($0.key).mustache", text: $0.value) },
            strict: strict)
    }

    private func render(_ text: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = partials
        templates["main"] = text
        return try library(templates).render("main", context: context)
    }

    @Test func escapesAllFiveCharacters() throws {
        #expect(try render("{{x}}|{{{x}}}|{{&x}}", ["x": #"<a href="x">Tom & Jerry's</a>"#])
            == #"&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;|<a href="x">Tom & Jerry's</a>|<a href="x">Tom & Jerry's</a>"#)
        #expect(HTMLEscaper.escape("&&") == "&amp;&amp;")
        #expect(HTMLEscaper.escape("plain") == "plain")
        #expect(HTMLEscaper.escape("") == "")
        #expect(HTMLEscaper.escape("a>") == "a&gt;")
    }

    @Test func unicodeTextAndValues() throws {
        #expect(try render("Grüße, {{name}}! 👋🏽 {{{emoji}}}", ["name": "Zoë <Ω>", "emoji": "🧑‍🏫"])
            == "Grüße, Zoë &lt;Ω&gt;! 👋🏽 🧑‍🏫")
        #expect(try render("{{#names}}«{{.}}» {{/names}}", ["names": ["日本", "Ünal", "é"]]) == "«日本» «Ünal» «é» ")
        #expect(try render("{{=« »=}}«x» «{{x}}»", ["x": "ä"]) == "ä ")
    }

    @Test func indentationReachesMultiByteLines() throws {
        let output = try render("<ul>\n  {{>item}}\n</ul>\n", ["a": "ü"], partials: ["item": "<li>ä</li>\n<li>{{a}}</li>\n"])
        #expect(output == "<ul>\n  <li>ä</li>\n  <li>ü</li>\n</ul>\n")
    }

    @Test func numbersAndBooleans() throws {
        let context: TemplateValue = ["i": 85, "d": 1.21, "whole": 3.0, "neg": -0.5, "t": true, "f": false, "n": nil]
        #expect(try render("{{i}} {{d}} {{whole}} {{neg}} {{t}} {{f}} [{{n}}] [{{missing}}]", context)
            == "85 1.21 3 -0.5 true false [] []")
    }

    @Test func truthiness() {
        #expect(!TemplateValue.null.isTruthy)
        #expect(!TemplateValue.bool(false).isTruthy)
        #expect(!TemplateValue.list([]).isTruthy)
        #expect(TemplateValue.string("").isTruthy)
        #expect(TemplateValue.int(0).isTruthy)
        #expect(TemplateValue.object([:]).isTruthy)
        let value: TemplateValue = ["a": ["b": 1]]
        #expect(value["a"]?["b"] == .int(1))
        #expect(value["z"] == nil)
        #expect(TemplateValue.list([1])["a"] == nil)
    }

    @Test func recursivePartialKeepsGrowingIndentation() throws {
        let toc: TemplateValue = ["items": [
            ["title": "One", "sub": ["items": [["title": "One.a", "sub": nil]]]],
            ["title": "Two", "sub": nil],
        ]]
        let output = try render(
            "<nav>\n  {{>partials/toc}}\n</nav>\n", toc,
            partials: ["partials/toc": "<ul>\n{{#items}}\n  <li>{{title}}\n  {{#sub}}\n    {{>partials/toc}}\n  {{/sub}}\n  </li>\n{{/items}}\n</ul>\n"])
        #expect(output == """
            <nav>
              <ul>
                <li>One
                  <ul>
                    <li>One.a
                    </li>
                  </ul>
                </li>
                <li>Two
                </li>
              </ul>
            </nav>

            """)
    }

    @Test func inlinePartialIsNotIndented() throws {
        #expect(try render("  <p>{{>p}}</p>\n", [:], partials: ["p": "a\nb"]) == "  <p>a\nb</p>\n")
    }

    @Test func layoutInheritance() throws {
        let lib = try library([
            "layouts/base": "<html>\n<head><title>{{$title}}Ripple{{/title}}</title></head>\n<body>\n  {{$content}}\n  <p>empty</p>\n  {{/content}}\n</body>\n</html>\n",
            "layouts/page": "{{<layouts/base}}\n{{$title}}{{page.title}} – Ripple{{/title}}\n{{$content}}\n<h1>{{page.title}}</h1>\n{{{page.body}}}\n{{/content}}\n{{/layouts/base}}\n",
        ])
        let output = try lib.render("layouts/page", context: ["page": ["title": "Goals & you", "body": "<p>x</p>\n<p>y</p>"]])
        #expect(output == """
            <html>
            <head><title>Goals &amp; you – Ripple</title></head>
            <body>
              <h1>Goals &amp; you</h1>
              <p>x</p>
            <p>y</p>
            </body>
            </html>

            """)
        #expect(try lib.render("layouts/base", context: [:]).contains("<p>empty</p>"))
    }

    @Test func dependencies() throws {
        let lib = try library([
            "layouts/page": "{{<layouts/base}}{{$body}}{{>partials/toc}}{{/body}}{{/layouts/base}}{{>*dynamic}}",
            "layouts/base": "{{>partials/header}}{{$body}}{{/body}}{{>partials/footer}}",
            "partials/header": "{{>partials/nav}}{{#x}}{{>partials/logo}}{{/x}}",
            "partials/nav": "{{>partials/nav}}",
            "partials/toc": "toc",
            "partials/footer": "",
            "reports/q1": "plain",
        ], strict: false)
        #expect(lib.dependencies(of: "layouts/page") == [
            "layouts/base", "partials/toc", "partials/header", "partials/footer", "partials/nav", "partials/logo",
        ])
        #expect(lib.dependencies(of: "partials/nav") == [])
        #expect(lib.dependencies(of: "reports/q1") == [])
        #expect(lib.dependencies(of: "nope") == [])
        #expect(lib.names == ["layouts/base", "layouts/page", "partials/footer", "partials/header", "partials/nav", "partials/toc", "reports/q1"])
        #expect(lib.contains("partials/toc"))
        #expect(!lib.contains("partials/logo"))
    }

    @Test func sectionsOverListsObjectsAndScalars() throws {
        let context: TemplateValue = [
            "cohorts": [["name": "A", "pairs": 3], ["name": "B", "pairs": 0]],
            "program": ["name": "Rise"], "count": 2, "empty": [], "label": "",
        ]
        #expect(try render(
            "{{#cohorts}}{{name}}:{{pairs}}({{program.name}}) {{/cohorts}}{{#program}}{{name}}{{/program}}{{#count}}#{{.}}{{/count}}{{^empty}}none{{/empty}}{{#label}}[{{.}}]{{/label}}",
            context) == "A:3(Rise) B:0(Rise) Rise#2none[]")
    }

    @Test func renderingFromManyTasksAtOnce() async throws {
        let lib = try library(["page": "{{#items}}<li>{{.}}</li>{{/items}}"])
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for n in 0..<16 {
                group.addTask { try lib.render("page", context: ["items": .list((0..<n).map { .int($0) })]) }
            }
            var all: [String] = []
            for try await output in group { all.append(output) }
            return all.sorted()
        }
        #expect(outputs.count == 16)
        #expect(outputs.contains("<li>0</li><li>1</li><li>2</li>"))
    }

    @Test func largePageRendersCompletely() throws {
        // A page the size of the benchmark's (about 19 KB) renders all of its rows.
        let rows: [TemplateValue] = (0..<300).map { ["name": .string("Mentor \($0) & co"), "score": .double(Double($0) / 4)] }
        let lib = try library([
            "page": "<table>\n{{#rows}}\n  {{>row}}\n{{/rows}}\n</table>\n",
            "row": "<tr><td>{{name}}</td><td>{{score}}</td></tr>\n",
        ])
        let output = try lib.render("page", context: ["rows": .list(rows)])
        #expect(output.utf8.count > 15_000)
        #expect(output.hasSuffix("  <tr><td>Mentor 299 &amp; co</td><td>74.75</td></tr>\n</table>\n"))
    }
}
