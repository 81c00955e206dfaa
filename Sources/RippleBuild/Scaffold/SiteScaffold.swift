import RippleCore
import RippleData
import RippleTheme

/// The files of a new site (`ripple new`): a commented `ripple.yaml`, a short starter guide, one page,
/// the default theme's templates to customise, and optionally a small sample program.
package struct SiteScaffold: Sendable {
    /// Whether to include a sample program under `content/data/`.
    package var includeData: Bool
    /// The site's title.
    package var title: String

    /// Creates a scaffold.
    package init(title: String = "Mentoring", includeData: Bool = true) {
        self.title = title
        self.includeData = includeData
    }

    /// Every file, by path relative to the new site folder.
    package func files() -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [
            ("ripple.yaml", Array(StarterText.config(title: title).utf8)),
            (".gitignore", Array("/public/\n/.public.ripple-next/\n/.public.ripple-lock\n/.public.ripple-stamps-*\n/.ripple-cache/\n".utf8)),
            ("content/index.md", Array(StarterText.home.utf8)),
            ("content/pages/join.md", Array(StarterText.join.utf8)),
            ("content/guide/01-welcome.md", Array(StarterText.welcome.utf8)),
            ("content/guide/02-first-conversation.md", Array(StarterText.firstConversation.utf8)),
            ("content/guide/03-skills.md", Array(StarterText.skills.utf8)),
        ]
        for file in EmbeddedTheme.files { files.append(("templates/" + file.path, file.bytes)) }
        if includeData {
            let generator = SampleProgramGenerator(participants: 60, seed: 7, asOf: Day(iso: "2026-11-20")!)
            for file in generator.generate() { files.append(("content/data/" + file.path, file.bytes)) }
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
