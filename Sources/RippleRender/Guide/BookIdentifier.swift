/// The EPUB's stable identifier: a name-based (version 5, RFC 4122) UUID of the guide's address, so the
/// same guide keeps its identity across builds and reading apps keep their bookmarks.
package enum BookIdentifier {
    /// The RFC 4122 URL namespace.
    private static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    /// `urn:uuid:…` for a guide published at `baseURL` under `slug`; a site without a base URL uses
    /// the guide's title instead, which is stable too.
    package static func urn(baseURL: String, slug: String, title: String) -> String {
        let name = baseURL.isEmpty ? "ripple-guide:\(title)/\(slug)" : "\(baseURL)guide/\(slug)"
        return "urn:uuid:" + uuid5(name: name)
    }

    /// A version 5 UUID of `name` in the URL namespace, lowercase with hyphens.
    package static func uuid5(name: String) -> String {
        var bytes = Array(SHA1.digest(urlNamespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte -> String in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex[hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }
}
