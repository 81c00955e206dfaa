import Foundation

/// `data:` URLs for embedding a site's images in single-file outputs (`ripple report`, `ripple guide --format html`).
enum DataURL {
    /// Media types of the images browsers show, by extension.
    static let imageTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                             "svg": "image/svg+xml", "webp": "image/webp"]

    /// The `data:` URL of an image's bytes, nil when `path` does not name an image type.
    static func image(_ bytes: [UInt8], path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.contains("."), let type = imageTypes[name.split(separator: ".").last!.lowercased()] else { return nil }
        return "data:\(type);base64,\(Data(bytes).base64EncodedString())"
    }
}
