/// A well-formed shortcode found by `ShortcodeScanner`, with its place in the scanned text.
struct Shortcode: Equatable {
    /// Unicode-scalar offsets of the whole `{{< … >}}` in the scanned text.
    var range: Range<Int>
    var name: String
    var arguments: [String: String]
}

/// A shortcode that could not be read; its text stays on the page.
struct ShortcodeProblem: Equatable {
    /// Unicode-scalar offset of its `{{<`.
    var offset: Int
    var message: String
    var hint: String
}
