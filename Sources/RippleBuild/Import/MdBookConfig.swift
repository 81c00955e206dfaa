import TOMLKit

/// What an mdBook's `book.toml` says that Ripple uses.
struct MdBookConfig {
    var title: String?
    var authors: String = ""
    /// The folder of the chapters, relative to the book (`src` unless `[book] src` says otherwise).
    var source: String = "src"

    init(toml: String) {
        guard let table = try? TOMLTable(string: toml), let book = table["book"]?.table else { return }
        title = book["title"]?.string
        authors = book["authors"]?.array.map { array in array.compactMap { $0.string }.joined(separator: ", ") } ?? ""
        if let src = book["src"]?.string, !src.isEmpty { source = src.hasSuffix("/") ? String(src.dropLast()) : src }
    }
}
