import RippleCore

/// A shortcode found in Markdown text, such as `{{< metric sessions_completed period=all >}}`.
package struct Embed: Sendable {
    /// The shortcode's name: the first word after `{{<` (`metric`, `chart`, …).
    package var name: String
    /// `key=value` pairs; quoted values (`key="two words"`, also with curly quotes) lose their quotes.
    /// A bare first argument is stored under the empty key `""`.
    package var arguments: [String: String]
    /// `true` when the shortcode is the whole paragraph: its HTML then replaces the paragraph.
    package var isBlock: Bool
    /// Where the `{{<` is in the file.
    package var location: SourceLocation

    /// Creates an embed.
    package init(name: String, arguments: [String: String], isBlock: Bool, location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.isBlock = isBlock
        self.location = location
    }
}
