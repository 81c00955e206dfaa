/// Adds the live-reload script to HTML pages while serving. Only the preview server calls this, so
/// `ripple build` output never contains the script.
package enum LiveReloadInjector {
    /// The path of the Server-Sent Events endpoint the script listens on.
    package static let eventsPath = "/__ripple/events"

    /// The `<script>` element that is injected.
    package static var scriptTag: String { "<script data-ripple-live-reload>\n\(LiveReloadScript.source)</script>\n" }

    /// Returns `html` with the script inserted before the last `</body>` (any letter case), or appended
    /// when the page has no `</body>`.
    package static func inject(into html: [UInt8]) -> [UInt8] {
        let tag = Array(scriptTag.utf8)
        guard let index = lastBodyClose(in: html) else { return html + tag }
        var result = html
        result.insert(contentsOf: tag, at: index)
        return result
    }

    /// The byte offset of the last `</body` (case-insensitive), if any.
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        var index = html.count - needle.count
        while index >= 0 {
            var matched = true
            for offset in 0..<needle.count {
                var byte = html[index + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != needle[offset] { matched = false; break }
            }
            if matched { return index }
            index -= 1
        }
        return nil
    }
}
