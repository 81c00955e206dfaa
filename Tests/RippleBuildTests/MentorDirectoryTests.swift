import Foundation
import Testing
@testable import RippleBuild
import RippleData

/// The opt-in mentor directory: nobody without `directory_opt_in: yes` reaches any file of the site.
@Suite struct MentorDirectoryTests {
    static let sample = SampleProgramGenerator(participants: 60, seed: 1).generate()

    /// A site with the sample program plus two planted mentors: `Zebulon Quarrington-Vex`, who did not opt in and
    /// has every field set, and `Ottoline Brackenbury`, who did.
    static func site(optIn: String = "yes", directory: String = "directory:\n  enabled: true\n") throws -> TestSite {
        let site = try TestSite(files: [
            "ripple.yaml": "title: Directory\nguide:\n  pdf: never\n" + directory,
            "content/index.md": "---\ntitle: Home\n---\n# Home\n",
        ])
        for file in sample {
            var bytes = file.bytes
            if file.path == "participants.csv" {
                bytes += Array("""
                E-PLANTED-SECRET,Zebulon Quarrington-Vex,zebulon.vex@secret.example,Engineering,L5,5,London,mentor,2024-01-10,,3,no,quantum-knitting;zither-repair
                E-PLANTED-OPEN,Ottoline Brackenbury,ottoline.b@open.example,Sales,L6,6,Berlin,mentor,2024-01-10,,2,\(optIn),falconry_strategy;people-skills

                """.utf8)
            }
            try site.write("content/data/\(file.path)", bytes: bytes)
        }
        return site
    }

    static func build(_ site: TestSite) throws -> [String: Data] {
        _ = try SiteBuilder(source: site.root, output: site.output).build()
        return TestSite.files(under: site.output)
    }

    @Test func showsOnlyOptedInPeopleAnywhereInTheOutput() throws {
        let files = try Self.build(Self.site())
        let page = try #require(files["mentors/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("Ottoline Brackenbury") && page.contains("falconry strategy") && page.contains("Room for 2 mentees"))
        #expect(!page.contains("ottoline.b@open.example"), "emails only when directory.fields lists them")
        #expect(files.keys.contains("search-index.js") && files.keys.contains("search/chunk-0.js") && files.keys.contains("data/metrics.json"))
        for secret in ["Zebulon", "Quarrington", "zebulon.vex", "secret.example", "E-PLANTED-SECRET", "quantum-knitting", "zither-repair"] {
            let leaks = files.filter { $0.value.range(of: Data(secret.utf8)) != nil }.map(\.key).sorted()
            #expect(leaks.isEmpty, "\(secret) appears in \(leaks)")
        }
        // Every other entry is a sample person who opted in.
        let optedIn = try #require(Self.sample.first { $0.path == "participants.csv" }).bytes
        let rows = String(decoding: optedIn, as: UTF8.self).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        var expected: [Substring: Bool] = [:]
        for row in rows where row[1] != "" {
            expected[row[1], default: false] = expected[row[1], default: false] || (row[11] == "yes" && row[7].contains("mentor") && row[9].isEmpty)
        }
        #expect(expected.values.contains(true) && expected.values.contains(false))
        for (name, listed) in expected { #expect(page.contains(">\(name)<") == listed, "\(name)") }
    }

    @Test func aPersonWhoOptsOutDisappearsAtTheNextBuild() throws {
        let site = try Self.site()
        #expect(String(decoding: try #require(Self.build(site)["mentors/index.html"]), as: UTF8.self).contains("Ottoline"))
        let optedOut = try Self.site(optIn: "no")
        try FileManager.default.removeItem(at: site.root.appending(path: "content/data"))
        try FileManager.default.copyItem(at: optedOut.root.appending(path: "content/data"), to: site.root.appending(path: "content/data"))
        let files = try Self.build(site)
        #expect(files.allSatisfy { $0.value.range(of: Data("Ottoline".utf8)) == nil })
    }

    @Test func isOffUnlessEnabledAndShowsEmailsOnlyWhenListed() throws {
        #expect(try Self.build(Self.site(directory: ""))["mentors/index.html"] == nil)
        let files = try Self.build(Self.site(directory: "directory:\n  enabled: true\n  fields: [display_name, email, expertise]\n"))
        let page = String(decoding: try #require(files["mentors/index.html"]), as: UTF8.self)
        #expect(page.contains("mailto:ottoline.b@open.example"))
        #expect(!page.contains("Room for") && !page.contains("Berlin"))
    }

    @Test func topicsReadAsWordsAndFilterByTheirValue() throws {
        let page = String(decoding: try #require(try Self.build(Self.site())["mentors/index.html"]), as: UTF8.self)
        #expect(page.contains("<li>falconry strategy</li>"))
        #expect(page.contains("<option value=\"falconry_strategy\">falconry strategy</option>"))
        #expect(page.contains("data-expertise=\"falconry_strategy|people-skills\""))
    }
}
