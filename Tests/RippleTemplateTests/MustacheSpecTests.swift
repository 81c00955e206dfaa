import Testing
@testable import RippleTemplate

@Suite("Mustache spec")
struct MustacheSpecTests {
    @Test("spec case", arguments: SpecCase.all)
    func specCase(_ spec: SpecCase) throws {
        var sources = [TemplateSource(name: SpecCase.templateName, path: "template.mustache", text: spec.template)]
        for (name, text) in spec.partials.sorted(by: { $0.key < $1.key }) {
            sources.append(TemplateSource(name: name, path: "\(name).mustache", text: text))
        }
        let library = try TemplateLibrary(sources: sources, strict: false)
        let output = try library.render(SpecCase.templateName, context: spec.data)
        #expect(output == spec.expected, "\(spec.file): \(spec.name)")
    }

    @Test func specFilesAreFound() {
        // Every file of the spec, each read and parsed: a missing or unreadable file fails here.
        #expect(Set(SpecCase.all.map(\.file)).count == 8)
        #expect(SpecCase.all.count > 100)
    }
}
