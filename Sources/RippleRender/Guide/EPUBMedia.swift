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

    /// Whether an image address points at another site (`https://…`, `//…`): an EPUB may not show it, since a
    /// book must hold its images (EPUB 3.3, remote resources are for audio, video and fonts only).
    package static func isRemote(_ address: String) -> Bool {
        let lowered = address.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//")
    }

    /// The note for an image on another site, which the EPUB links instead of showing.
    package static func remoteImageNote(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, "this image is on another site, so the EPUB links to it instead of showing it (a book must hold its images)",
              at: location, hint: "to show it in the EPUB, save the image under content/ and link that file")
    }

    /// Replaces each `<img>` whose `src` is on another site by a link to it, with the image's alt text
    /// ("Image: …"): e-book readers may not fetch images, and epubcheck rejects the book otherwise.
    package static func linkingRemoteImages(_ html: String) -> String {
        guard ByteSearch.contains("<img", in: html) else { return html }
        return HTMLRewriter.rewrite(html) { tag in remoteImageLink(tag).map { .replace($0) } ?? .keep }
    }

    /// The link that stands for `tag` when it is an `<img>` on another site (see `linkingRemoteImages`), else nil.
    static func remoteImageLink(_ tag: HTMLRewriter.Tag) -> String? {
        guard tag.name == "img", !tag.isEnd, let source = tag.attribute("src"), isRemote(source) else { return nil }
        // Attribute values are as written in the HTML (escaped), so they go into the link as they are. A book has
        // no page address to take a scheme from: `//host/…` becomes `https://host/…`.
        let href = source.hasPrefix("//") ? "https:" + source : source
        let alt = tag.attribute("alt") ?? ""
        return "<a class=\"remote-image\" href=\"\(href)\">Image" + (alt.isEmpty ? "" : ": " + alt) + "</a>"
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
