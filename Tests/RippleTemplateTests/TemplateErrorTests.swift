import RippleCore
import Testing
@testable import RippleTemplate

/// Syntax errors at compile time and missing templates at render time: exact text and location.
struct TemplateErrorTests {
    private func errors(_ text: String, name: String = "layouts/page") -> [Diagnostic] {
        do {
            _ = try TemplateLibrary(sources: [TemplateSource(name: name, path: "templates/\(name).mustache", text: text)])
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func unclosedSection() {
        let text = String(repeating: "<p>line</p>\n", count: 11) + "    {{#toc}}<li>{{title}}</li>\n</ul>\n"
        let found = errors(text)
        #expect(found.map(\.description) == [
            "templates/layouts/page.mustache:12:5: error: section 'toc' is never closed\n  hint: add {{/toc}} where the section should end",
        ])
        #expect(found.first?.location == SourceLocation(file: "templates/layouts/page.mustache", line: 12, column: 5))
    }

    @Test func mismatchedCloseTag() {
        let found = errors("<ul>\n  {{#items}}<li>{{.}}</li>{{/item}}\n</ul>\n")
        #expect(found.map(\.description) == [
            "templates/layouts/page.mustache:2:27: error: closing tag '{{/item}}' does not match the open section 'items' (line 2)\n"
                + "  hint: change it to {{/items}}, or close 'items' before it",
        ])
    }

    @Test func closeTagWithoutOpening() {
        #expect(errors("a\n{{/items}}\n").map(\.description) == [
            "templates/layouts/page.mustache:2:1: error: closing tag '{{/items}}' has no opening tag\n"
                + "  hint: remove it, or add {{#items}} where the section should start",
        ])
    }

    @Test func innerSectionLeftOpen() {
        #expect(errors("{{#a}}\n{{^b}}\n{{/a}}\n").map(\.description) == [
            "templates/layouts/page.mustache:2:1: error: section 'b' is never closed\n  hint: add {{/b}} where the section should end",
        ])
    }

    @Test func unclosedTag() {
        #expect(errors("<h1>\n  Hello {{name</h1>\n").map(\.description) == [
            "templates/layouts/page.mustache:2:9: error: tag '{{name</h1>' is never closed\n  hint: add '}}' where the tag should end",
        ])
    }

    @Test func badDelimiterChange() {
        #expect(errors("x {{=<% %>}} y").map(\.description) == [
            "templates/layouts/page.mustache:1:3: error: delimiter change '{{=<% %>}}' is not valid\n"
                + "  hint: write it like {{=<% %>=}}: the new opening and closing markers, separated by a space, between '=' signs",
        ])
    }

    @Test func emptyTags() {
        #expect(errors("a {{}} b\n{{# }}{{/}}\n").map(\.description) == [
            "templates/layouts/page.mustache:1:3: error: tag '{{}}' has no name\n"
                + "  hint: put a name inside the tag, like {{title}}, or remove the tag",
            "templates/layouts/page.mustache:2:1: error: tag '{{# }}' has no name\n"
                + "  hint: put a name inside the tag, like {{title}}, or remove the tag",
            "templates/layouts/page.mustache:2:7: error: tag '{{/}}' has no name\n"
                + "  hint: put a name inside the tag, like {{title}}, or remove the tag",
        ])
    }

    @Test func spaceInName() {
        #expect(errors("{{first name}}").map(\.description) == [
            "templates/layouts/page.mustache:1:1: error: tag '{{first name}}' has a space in its name\n"
                + "  hint: names cannot contain spaces; use the exact name from the data or template, like first_name",
        ])
    }

    @Test func unterminatedTripleMustache() {
        #expect(errors("{{{body}}\n").map(\.description) == [
            "templates/layouts/page.mustache:1:1: error: tag '{{{body}}' starts with '{{{' but does not end with '}}}'\n"
                + "  hint: end it with '}}}' to insert the value as-is, or remove the '{'",
        ])
    }

    @Test func columnsCountUnicodeScalarsAndCustomDelimiters() {
        #expect(errors("{{=<% %>=}}\nÉté 🌞 <%#x%>").map(\.description) == [
            "templates/layouts/page.mustache:2:7: error: section 'x' is never closed\n  hint: add <%/x%> where the section should end",
        ])
    }

    @Test func allErrorsOfAllTemplatesAreReported() {
        let sources = [
            TemplateSource(name: "partials/b", path: "templates/partials/b.mustache", text: "{{#x}}"),
            TemplateSource(name: "layouts/a", path: "templates/layouts/a.mustache", text: "{{}}\n{{#y}}"),
        ]
        #expect(throws: DiagnosticError.self) { try TemplateLibrary(sources: sources) }
        do {
            _ = try TemplateLibrary(sources: sources)
        } catch {
            #expect(error.diagnostics.map { $0.location?.description ?? "" } == [
                "templates/layouts/a.mustache:1:1", "templates/layouts/a.mustache:2:1", "templates/partials/b.mustache:1:1",
            ])
        }
    }

    @Test func duplicateNames() {
        let sources = [
            TemplateSource(name: "partials/nav", path: "templates/partials/nav.mustache", text: "a"),
            TemplateSource(name: "partials/nav", path: "theme/partials/nav.mustache", text: "b"),
        ]
        do {
            _ = try TemplateLibrary(sources: sources)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "theme/partials/nav.mustache: error: template 'partials/nav' is defined twice\n"
                + "  hint: rename or remove either theme/partials/nav.mustache or templates/partials/nav.mustache")
        }
    }

    // MARK: - Render time

    @Test func strictMissingPartial() throws {
        let library = try TemplateLibrary(sources: [
            TemplateSource(name: "layouts/page", path: "templates/layouts/page.mustache", text: "<body>\n  <header>{{> partials/nav }}</header>\n"),
        ])
        do {
            _ = try library.render("layouts/page", context: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "templates/layouts/page.mustache:2:11: error: template 'partials/nav' not found\n"
                + "  hint: create templates/partials/nav.mustache")
        }
    }

    @Test func strictMissingParentAndDynamicPartial() throws {
        let library = try TemplateLibrary(sources: [
            TemplateSource(name: "pages/a", path: "templates/pages/a.mustache", text: "{{<layouts/base}}{{$x}}y{{/x}}{{/layouts/base}}"),
            TemplateSource(name: "pages/b", path: "templates/pages/b.mustache", text: "\n{{>*kind}}"),
        ])
        #expect(throws: DiagnosticError.self) { try library.render("pages/a", context: [:]) }
        do {
            _ = try library.render("pages/b", context: ["kind": "partials/chart"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "templates/pages/b.mustache:2:1: error: template 'partials/chart' not found\n"
                + "  hint: create templates/partials/chart.mustache")
        }
        // A dynamic name that is not in the data renders nothing, like a missing variable.
        #expect(try library.render("pages/b", context: [:]) == "\n")
    }

    @Test func lenientMissingPartialRendersNothing() throws {
        let library = try TemplateLibrary(
            sources: [TemplateSource(name: "page", path: "templates/page.mustache", text: "[{{>nav}}]")], strict: false)
        #expect(try library.render("page", context: [:]) == "[]")
    }

    @Test func renderingAnUnknownTemplate() throws {
        let library = try TemplateLibrary(sources: [TemplateSource(name: "page", path: "templates/page.mustache", text: "x")])
        do {
            _ = try library.render("layouts/missing", context: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.location == nil)
            #expect(error.diagnostics.first?.message == "template 'layouts/missing' not found")
        }
    }

    @Test func endlessRecursionIsReported() throws {
        let library = try TemplateLibrary(sources: [
            TemplateSource(name: "partials/loop", path: "templates/partials/loop.mustache", text: "x{{>partials/loop}}"),
        ])
        do {
            _ = try library.render("partials/loop", context: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.message == "templates include each other more than 200 levels deep")
            #expect(error.diagnostics.first?.location?.description == "templates/partials/loop.mustache:1:2")
        }
    }
}
