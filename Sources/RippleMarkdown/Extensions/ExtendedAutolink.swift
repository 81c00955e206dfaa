import RippleCore

/// GFM's extended autolinks: bare `www.example.org`, `https://example.org/path` and `someone@example.org` in text.
///
/// A link starts at the beginning of the text, after whitespace or after one of `*`, `_`, `~`, `(`; its domain is
/// dot-separated letters, digits, `-` and `_` (no `_` in the last two parts); it ends at whitespace or `<`.
/// Trailing `?!.,:*_~` are not part of it, nor a `)` without its `(`, nor an entity-like `&name;`.
struct ExtendedAutolink: Equatable {
    /// The scalars of the link's text.
    var range: Range<Int>
    /// The link destination (`http://` added to `www.` links, `mailto:` to e-mail addresses).
    var url: String

    /// Whether `text` may contain an extended autolink (a cheap check before scanning).
    static func mayContain(_ text: String) -> Bool {
        ByteSearch.contains("@", in: text) || ByteSearch.contains("www.", in: text) || ByteSearch.contains("://", in: text)
    }

    /// The autolinks in `scalars[range]`, in order.
    static func find(in scalars: [Unicode.Scalar], range: Range<Int>) -> [ExtendedAutolink] {
        var links: [ExtendedAutolink] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let link = link(at: index, in: scalars, limit: range.upperBound) ?? email(around: index, in: scalars, range: range) {
                links.append(link)
                index = link.range.upperBound
            } else {
                index += 1
            }
        }
        return links
    }

    private static func link(at start: Int, in scalars: [Unicode.Scalar], limit: Int) -> ExtendedAutolink? {
        guard start == 0 || isBoundary(scalars[start - 1]) else { return nil }
        let prefix: String, hostStart: Int
        if hasPrefix("www.", at: start, in: scalars, limit: limit) {
            (prefix, hostStart) = ("http://", start)
        } else if let scheme = ["https://", "http://", "ftp://"].first(where: { hasPrefix($0, at: start, in: scalars, limit: limit) }) {
            (prefix, hostStart) = ("", start + scheme.unicodeScalars.count)
        } else {
            return nil
        }
        guard let hostEnd = domainEnd(from: hostStart, in: scalars, limit: limit) else { return nil }
        var end = hostEnd
        while end < limit, !scalars[end].properties.isWhitespace, scalars[end] != "<" { end += 1 }
        end = trimmedEnd(scalars, start: hostEnd, end: end)
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        return ExtendedAutolink(range: start..<end, url: prefix + text)
    }

    /// An e-mail address whose `@` is at `at`; the address may start before `at`, not before `range`.
    private static func email(around at: Int, in scalars: [Unicode.Scalar], range: Range<Int>) -> ExtendedAutolink? {
        guard scalars[at] == "@" else { return nil }
        var start = at
        while start > range.lowerBound, isLocalPart(scalars[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1, dots = 0
        while end < range.upperBound, isDomain(scalars[end]) || scalars[end] == "." {
            if scalars[end] == "." {
                guard end + 1 < range.upperBound, isDomain(scalars[end + 1]) else { break }
                dots += 1
            }
            end += 1
        }
        guard dots > 0, end > at + 1, scalars[end - 1] != "-", scalars[end - 1] != "_" else { return nil }
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        return ExtendedAutolink(range: start..<end, url: "mailto:" + text)
    }

    /// The end of a valid domain starting at `start`: at least one dot, no `_` in the last two parts.
    private static func domainEnd(from start: Int, in scalars: [Unicode.Scalar], limit: Int) -> Int? {
        var end = start
        var parts: [Bool] = [false]  // whether each part has an underscore
        var partLength = 0
        while end < limit {
            let scalar = scalars[end]
            if scalar == "." {
                guard partLength > 0 else { break }
                parts.append(false)
                partLength = 0
            } else if isDomain(scalar) {
                if scalar == "_" { parts[parts.count - 1] = true }
                partLength += 1
            } else {
                break
            }
            end += 1
        }
        if partLength == 0, parts.count > 1 { parts.removeLast(); end -= 1 }
        guard parts.count >= 2, !parts.suffix(2).contains(true), end > start else { return nil }
        return end
    }

    /// Where a link ends once trailing punctuation, unmatched `)` and an entity-like ending are left out.
    private static func trimmedEnd(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = scalars[end - 1]
            if "?!.,:*_~".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" {
                let opened = scalars[start..<end].filter { $0 == "(" }.count
                let closed = scalars[start..<end].filter { $0 == ")" }.count
                guard closed > opened else { break }
                end -= 1
            } else if last == ";" {
                var probe = end - 2
                while probe >= start, scalars[probe].properties.isAlphabetic || ("0"..."9").contains(scalars[probe]) { probe -= 1 }
                guard probe >= start, probe < end - 2, scalars[probe] == "&" else { break }
                end = probe
            } else {
                break
            }
        }
        return end
    }

    private static func hasPrefix(_ prefix: String, at start: Int, in scalars: [Unicode.Scalar], limit: Int) -> Bool {
        let pattern = Array(prefix.unicodeScalars)
        guard start + pattern.count <= limit else { return false }
        return zip(pattern, scalars[start..<start + pattern.count]).allSatisfy { $0 == $1 || ($0.isASCII && String($0) == String($1).lowercased()) }
    }

    private static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || "*_~(".unicodeScalars.contains(scalar)
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }

    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) || ".-_+".unicodeScalars.contains(scalar)
    }
}
