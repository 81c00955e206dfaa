import Testing
import RippleCore
@testable import RippleBuild

/// ripple.yaml against hostile and mistaken input (issue 23, items 3, 5 and 16).
@Suite struct ConfigHardeningTests {
    private func errors(_ text: String, contentPaths: Set<String>? = nil) -> [String] {
        do { _ = try ConfigParser.parse(text, contentPaths: contentPaths); return [] } catch { return error.diagnostics.map(\.description) }
    }

    private static let aliasHint = "write the value out in full where it is needed; if the * is part of the text, put the value in quotes"

    @Test func aBillionLaughsFailsAtItsFirstAnchor() {
        var lines = ["title: X", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        #expect(errors(lines.joined(separator: "\n")) == [
            "ripple.yaml:2:4: error: '&a' is a YAML anchor; Ripple reads no anchors (&name) or aliases (*name)\n  hint: write the value out in full where it is needed; if the & is part of the text, put the value in quotes",
        ])
    }

    @Test func aliasesAreFoundInEveryPlaceANodeStarts() {
        #expect(errors("title: *t\n") == ["ripple.yaml:1:8: error: '*t' is a YAML alias; Ripple reads no anchors (&name) or aliases (*name)\n  hint: " + Self.aliasHint])
        #expect(errors("targets:\n  - x\n  - *x\n").first?.hasPrefix("ripple.yaml:3:5: error: '*x' is a YAML alias") == true)
        #expect(errors("guide: {title: a, author: *b}\n").first?.hasPrefix("ripple.yaml:1:27: error: '*b' is a YAML alias") == true)
        #expect(errors("? *k\n: v\n").first?.hasPrefix("ripple.yaml:1:3: error: '*k' is a YAML alias") == true)
        #expect(errors("guide: !!map &g\n  title: x\n").first?.hasPrefix("ripple.yaml:1:14: error: '&g' is a YAML anchor") == true)
    }

    @Test func ampersandsAndStarsInTextAreText() throws {
        let config = try ConfigParser.parse("""
        title: Q&A *and* R & D   # a comment with *x
        organisation: "*Quoted* & fine"
        guide:
          author: 'It''s *mine*'
          title: |
            *A block* &scalar
        language: en
        """)
        #expect(config.title == "Q&A *and* R & D")
        #expect(config.organisation == "*Quoted* & fine")
        #expect(config.guide.author == "It's *mine*")
        #expect(config.guide.title == "*A block* &scalar\n")
        let continued = try ConfigParser.parse("""
        title: A long
          *title* & more
        organisation: "first
          *second"
        guide: {title: "a, *b", author: c&d}
        """)
        #expect(continued.title == "A long *title* & more")
        #expect(continued.organisation == "first *second")
        #expect(continued.guide.title == "a, *b" && continued.guide.author == "c&d")
    }

    @Test func deepAndHugeDocumentsAreRefused() {
        let deep = "title: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(errors(deep) == ["ripple.yaml:1:72: error: the YAML is nested more than 64 levels deep\n  hint: Ripple's settings are at most a few levels deep; check the indentation and brackets"])
        let huge = "title: x\n" + String(repeating: "# padding\n", count: 110_000)
        #expect(errors(huge) == ["ripple.yaml:1:1: error: the YAML is 1100009 bytes long; Ripple reads at most 1048576 bytes\n  hint: keep settings and front matter short; put long text in the page itself"])
    }

    @Test func asOfIsBounded() throws {
        #expect(errors("program:\n  as_of: 9999-12-31\n") == ["ripple.yaml:2:10: error: 'as_of' must be between 1970-01-01 and 2200-12-31, not 9999-12-31"])
        #expect(errors("program:\n  as_of: 1969-12-31\n") == ["ripple.yaml:2:10: error: 'as_of' must be between 1970-01-01 and 2200-12-31, not 1969-12-31"])
        #expect(try ConfigParser.parse("program:\n  as_of: 2200-12-31\n").program.asOf == Day(iso: "2200-12-31"))
    }

    @Test func oneRuleForBaseURLs() {
        #expect(ConfigParser.baseURLProblem("https://intranet.example.com/mentoring/", name: "--base-url") == nil)
        #expect(ConfigParser.baseURLProblem("javascript:alert(1)", name: "--base-url")
                == "--base-url must start with http:// or https://, not 'javascript:alert(1)'")
        #expect(ConfigParser.baseURLProblem("https://", name: "'base_url'")
                == "'base_url' must be a web address with a host name and no spaces or quotes, not 'https://'")
        #expect(ConfigParser.baseURLProblem("https://a.example/\"><script>", name: "'base_url'") != nil)
        #expect(errors("base_url: ftp://x\n") == ["ripple.yaml:1:11: error: 'base_url' must start with http:// or https://, not 'ftp://x'\n  hint: write the full address of the published site, e.g. https://intranet.example.com/mentoring/"])
    }

    @Test func languageIsABCP47Tag() {
        for tag in ["en", "en-GB", "fr", "de-CH-1996", "zh-Hant-TW", "sr-Latn-RS", "es-419", "x-klingon", "en-US-u-ca-gregory"] {
            #expect(LanguageTag.isWellFormed(tag), "\(tag)")
        }
        for tag in ["", "e", "english", "en_GB", "en-", "en--GB", "123", "en-GB-x", "toolongtag1"] {
            #expect(!LanguageTag.isWellFormed(tag), "\(tag)")
        }
        #expect(errors("language: en_GB\n") == ["ripple.yaml:1:11: error: 'language' must be a language tag such as en, en-GB or fr, not 'en_GB'\n  hint: did you mean 'en-GB'? write the BCP 47 tag of the site's language: two or three letters, then optionally a region"])
        #expect(errors("language: English\n") == ["ripple.yaml:1:11: error: 'language' must be a language tag such as en, en-GB or fr, not 'English'\n  hint: did you mean 'en'? write the BCP 47 tag of the site's language: two or three letters, then optionally a region"])
    }

    @Test func theCoverIsCheckedWhereTheSettingsAreRead() throws {
        let paths: Set<String> = ["content/images/cover.png", "content/index.md"]
        #expect(errors("guide:\n  cover: ../../etc/passwd.png\n", contentPaths: paths) == ["ripple.yaml:2:10: error: the cover image '../../etc/passwd.png' is outside content/\n  hint: put the image under content/ and give its path relative to content/, like 'images/cover.png'"])
        #expect(errors("guide:\n  cover: index.md\n", contentPaths: paths) == ["ripple.yaml:2:10: error: the cover image 'index.md' cannot go into the EPUB: e-book readers only show PNG, JPEG, GIF and SVG images\n  hint: save the cover as PNG or JPEG and point `cover:` at that file"])
        #expect(errors("guide:\n  cover: images/none.png\n", contentPaths: paths) == ["ripple.yaml:2:10: error: the cover image 'images/none.png' does not exist\n  hint: put the image under content/ and give its path relative to content/, like 'images/cover.png'; or remove `cover:` to get a generated cover"])
        #expect(try ConfigParser.parse("guide:\n  cover: ./images/../images/cover.png\n", contentPaths: paths).guide.cover == "images/cover.png")
    }

    @Test func controlCharactersInTheConfigAreLocated() {
        let file = SourceFile(path: "ripple.yaml", text: "title: A\u{7}B\n")
        guard case let .failure(problem) = file.text() else { Issue.record("accepted"); return }
        #expect(problem.description == "ripple.yaml:1:9: error: the file holds the invisible control character U+0007, which web pages and e-books cannot hold\n  hint: delete it (it usually comes from pasted text); tabs and line breaks are fine")
    }
}
