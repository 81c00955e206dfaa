import Testing
@testable import RippleBuild

@Suite struct HugoImportTests {
    @Test func hugoRefsAndWeightsAreCarriedOver() {
        let files: [String: String] = [
            "_index.md": "---\ntitle: Docs\n---\n",
            "zeta.md": "---\ntitle: Zeta first\nweight: 1\n---\nSee [install]({{< ref \"setup/install.md#linux\" >}}), "
                + "[setup]({{< relref \"/docs/setup\" >}}), [alpha]({{% ref alpha %}}) and [gone]({{< ref \"gone.md\" >}}).\n",
            "alpha.md": "+++\ntitle = \"Alpha\"\n+++\nText {{< note >}}kept{{< /note >}}.\n\n{{% warning %}}\nBack up *first*.\n{{% /warning %}}\n",
            "setup/_index.md": "---\ntitle: Setup\nweight: 2\n---\n",
            "setup/install.md": "---\ntitle: Install\nweight: 20\n---\n",
            "setup/config.md": "---\ntitle: Configure\nweight: 10\n---\n{{< code file=layouts/nav.html >}}\n<nav>{{ .Title }}</nav>\n{{< /code >}}\n"
                + "{{< code-toggle file=hugo >}}\n[params]\n{{</ code-toggle >}}\n",
        ]
        let site = BookImporter.folder(files.mapValues { Array($0.utf8) }, title: "Docs")
        #expect(site.files.map(\.path) == [
            "content/guide/01-docs.md", "content/guide/02-zeta-first.md", "content/guide/03-setup/01-configure.md",
            "content/guide/03-setup/02-install.md", "content/guide/03-setup/_index.md", "content/guide/04-alpha.md",
            "content/index.md", "ripple.yaml",
        ])
        let zeta = String(decoding: site.files[1].bytes, as: UTF8.self)
        #expect(zeta.hasSuffix("See [install](03-setup/02-install.md#linux), [setup](03-setup/_index.md), [alpha](04-alpha.md) and [gone]().\n"))
        #expect(String(decoding: site.files[5].bytes, as: UTF8.self).hasSuffix("Text kept.\n\n> [!WARNING]\n> Back up *first*.\n"))
        // Hugo's documentation's code shortcodes are code blocks (HTML in them is code, not raw HTML to sanitise).
        #expect(String(decoding: site.files[2].bytes, as: UTF8.self)
            .hasSuffix("```html\n<nav>{{ .Title }}</nav>\n```\n```toml\n[params]\n```\n"))
        #expect(site.notes.contains("zeta.md: the Hugo ref to 'gone.md' names no page of the import, so the link leads nowhere"))
    }
}
