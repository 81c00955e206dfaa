import RippleCore

/// Media types of the files an EPUB may hold (EPUB 3 core media types for images).
package enum EPUBMedia {
    /// Image extensions every EPUB reader must show, with their media types.
    static let imageTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml",
    ]

    /// The media type of an image path, nil when EPUB readers are not required to show it.
    package static func imageType(of path: String) -> String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return imageTypes[path[path.index(after: dot)...].lowercased()]
    }

    /// An error when an image the guide uses cannot go into an EPUB.
    static func unsupportedImage(_ source: String, at location: SourceLocation) -> Diagnostic? {
        guard imageType(of: source) == nil else { return nil }
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return .error("the image '\(name)' cannot go into the EPUB: e-book readers only show PNG, JPEG, GIF and SVG images",
                      at: location, hint: "save the image as PNG or JPEG and link that file instead")
    }

    /// The file name inside the EPUB for a file under `content/`: ASCII letters, digits, `-`, `_`, `.` and `/`
    /// only (reading systems and epubcheck dislike spaces and other characters).
    static func safeName(_ source: String) -> String {
        let relative = source.hasPrefix("content/") ? String(source.dropFirst("content/".count)) : source
        return String(relative.map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == "/") ? c : "-"
        })
    }
}
