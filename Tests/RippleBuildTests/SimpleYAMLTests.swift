import Testing
import Yams
@testable import RippleBuild

/// The fast front-matter path must give exactly what libyaml gives, or step aside.
@Suite struct SimpleYAMLTests {
    private func flat(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        switch node {
        case let .scalar(text, line, column): return "\(text)@\(line):\(column)"
        case let .mapping(pairs, line, column):
            return "{\(pairs.map { flat($0.key) + "=" + flat($0.value) }.joined(separator: ","))}@\(line):\(column)"
        case let .sequence(items, line, column): return "[\(items.map(flat).joined(separator: ","))]@\(line):\(column)"
        }
    }

    @Test(arguments: [
        "title: Skills for mentors\nweight: 5\n",
        "title: \"Start here: why we mentor\"\nsummary: \"Why it \\\"matters\\\" & more\"\n",
        "title: 'It''s here'\ndraft: true\n",
        "# comment\n\ntitle: Café – naïve\ndate: 2026-01-15   \n",
        "title:   spaced value\r\nslug: a-b\r\n",
        "weight: first\n",
    ])
    func fastPathMatchesLibYAML(text: String) throws {
        let fast = SimpleYAML.parse(text)
        #expect(fast != nil)
        #expect(flat(fast) == flat(try Yams.compose(yaml: text).map(YAMLNode.init)))
    }

    @Test(arguments: [
        "extra:\n  team: x\n", "title: [a, b]\n", "title: a\ntitle: b\n", "title: |\n  block\n", "title: a # note\n",
        "title: \"tab\\t\"\n", "  indented: x\n", "title: &anchor x\n", "- item\n", "title: a: b\n",
    ])
    func unusualYAMLTakesTheFullParser(text: String) {
        #expect(SimpleYAML.parse(text) == nil)
    }
}
