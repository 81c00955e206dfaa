import RippleCore
/// Receives the sections `SearchHTMLScanner` finds. Text arrives with white space already collapsed.
protocol SearchSectionSink {
    /// A heading with an id opens a new section (the first section, id "", is implied).
    mutating func startSection(id: String)
    /// The heading text of the section opened last.
    mutating func finishHeading(_ heading: UnsafeBufferPointer<UInt8>)
    /// The text of the current section, once it is complete.
    mutating func finishText(_ text: UnsafeBufferPointer<UInt8>)
}

/// The byte scanner behind `SearchHTML.sections` and `SearchIndex.analyse`: the same rules as the
/// `HTMLTag`-based scanner it replaced (the tests keep that one as a reference), with tag names matched as
/// packed bytes, no `String` per tag, and white space collapsed as text is gathered.
enum SearchHTMLScanner {
    /// A tag name's lower-cased bytes packed little-endian; `long` for names over 8 bytes, `comment` for `<!…>`.
    typealias Key = UInt64

    static let comment: Key = 0x21
    static let long: Key = .max
    static let anchor: Key = pack("a")
    private static let skipped: [Key] = ["script", "style", "template", "svg", "noscript"].map(pack)
    private static let inline: [Key] = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ].map(pack).sorted()

    static func pack(_ name: String) -> Key {
        var key: Key = 0
        for (k, b) in name.utf8.enumerated() { key |= Key(b) << (8 * Key(k)) }
        return key
    }

    /// Scans `bytes` (UTF-8 HTML) and reports its sections to `sink`.
    static func scan<Sink: SearchSectionSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        let skipped = self.skipped, inline = self.inline
        // Collapsed text is never longer than the HTML it comes from (references are longer than their text).
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * bytes.count + 2)
        defer { storage.deallocate() }
        var text = CollapsedText(base: storage), heading = CollapsedText(base: storage + bytes.count + 1)
        var inHeading: Key = 0  // the heading's key while inside a heading with an id
        var skipDepth = 0, skipTag: Key = 0
        var anchorDepth = 0  // inside `<a class="anchor">`, whose "#" is not heading text
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), let tag = Tag.parse(bytes, at: i) {
                i = tag.end
                if skipDepth > 0 {
                    if tag.key == skipTag { skipDepth += tag.closing ? -1 : (tag.selfClosing ? 0 : 1) }
                    continue
                }
                if !tag.closing, !tag.selfClosing, skipped.contains(tag.key) {
                    skipDepth = 1; skipTag = tag.key
                    continue
                }
                if tag.key == anchor {
                    let isAnchor = tag.hasAnchorClass(bytes)
                    if anchorDepth > 0 || isAnchor {
                        if !tag.closing, isAnchor { anchorDepth += 1 } else if tag.closing { anchorDepth = max(0, anchorDepth - 1) }
                        continue
                    }
                }
                if isHeading(tag.key) {
                    if !tag.closing, tag.idStart >= 0, inHeading == 0 {
                        sink.finishText(text.finish())
                        inHeading = tag.key
                        sink.startSection(id: tag.id(bytes))
                        continue
                    }
                    if tag.closing, tag.key == inHeading {
                        sink.finishHeading(heading.finish())
                        inHeading = 0
                        continue
                    }
                }
                if !isInline(tag.key, inline) {
                    if inHeading != 0 { heading.space() } else { text.space() }
                }
                continue
            }
            if skipDepth > 0 || anchorDepth > 0 {  // up to the next tag
                i += 1
                while i < n, bytes[i] != UInt8(ascii: "<") { i += 1 }
                continue
            }
            if byte == UInt8(ascii: "<") {  // not a tag
                if inHeading != 0 { heading.append(byte) } else { text.append(byte) }
                i += 1
                continue
            }
            if byte == UInt8(ascii: "&") {
                if let (scalar, end) = Entity.decodeScalar(bytes, at: i) {
                    if inHeading != 0 { heading.append(scalar: scalar) } else { text.append(scalar: scalar) }
                    i = end
                } else {
                    if inHeading != 0 { heading.append(byte) } else { text.append(byte) }
                    i += 1
                }
                continue
            }
            i = inHeading != 0 ? heading.appendRun(bytes, from: i) : text.appendRun(bytes, from: i)
        }
        if inHeading != 0 { sink.finishHeading(heading.finish()) }
        sink.finishText(text.finish())
    }

    private static func isHeading(_ key: Key) -> Bool {
        key & 0xFFFF_FFFF_FFFF_00FF == Key(UInt8(ascii: "h")) && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(UInt8(truncatingIfNeeded: key >> 8))
    }

    private static func isInline(_ key: Key, _ inline: [Key]) -> Bool {
        var low = 0, high = inline.count
        while low < high {
            let mid = (low + high) / 2
            if inline[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < inline.count && inline[low] == key
    }

    /// Text with runs of white space (and no-break spaces) turned into single spaces, ends trimmed, written
    /// to memory the scanner owns.
    struct CollapsedText {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0
        var pendingSpace = false

        init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

        mutating func space() { pendingSpace = count > 0 }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if pendingSpace { base[count] = 32; count += 1; pendingSpace = false }
            base[count] = byte
            count += 1
        }

        mutating func append(scalar: UInt32) {
            switch scalar {
            case 32, 10, 9, 13, 12, 0xA0: space()
            case ..<0x80: append(UInt8(scalar))
            case ..<0x800:
                append(UInt8(0xC0 | scalar >> 6)); append(UInt8(0x80 | scalar & 0x3F))
            case ..<0x10000:
                append(UInt8(0xE0 | scalar >> 12)); append(UInt8(0x80 | scalar >> 6 & 0x3F)); append(UInt8(0x80 | scalar & 0x3F))
            default:
                append(UInt8(0xF0 | scalar >> 18)); append(UInt8(0x80 | scalar >> 12 & 0x3F))
                append(UInt8(0x80 | scalar >> 6 & 0x3F)); append(UInt8(0x80 | scalar & 0x3F))
            }
        }

        /// Appends text from `bytes[start...]` up to the next `<` or `&`; returns where it stopped.
        mutating func appendRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            let n = bytes.count
            var i = start, c = count, pending = pendingSpace
            while i < n {
                let b = bytes[i]
                if b > 32, b != UInt8(ascii: "<"), b != UInt8(ascii: "&"), b != 0xC2 {
                    if pending { base[c] = 32; c &+= 1; pending = false }
                    base[c] = b
                    c &+= 1
                    i &+= 1
                } else if b == 32 || b == 10 || b == 9 || b == 13 || b == 12 {
                    pending = c > 0
                    i &+= 1
                } else if b == 0xC2 {
                    if i + 1 < n && bytes[i + 1] == 0xA0 {  // no-break space
                        pending = c > 0
                        i &+= 2
                    } else {
                        if pending { base[c] = 32; c &+= 1; pending = false }
                        base[c] = b
                        c &+= 1
                        i &+= 1
                    }
                } else if b == UInt8(ascii: "<") || b == UInt8(ascii: "&") {
                    break
                } else {  // other control characters
                    if pending { base[c] = 32; c &+= 1; pending = false }
                    base[c] = b
                    c &+= 1
                    i &+= 1
                }
            }
            count = c; pendingSpace = pending
            return i
        }

        /// The text so far; the buffer starts again (the text stays readable until more is appended).
        mutating func finish() -> UnsafeBufferPointer<UInt8> {
            defer { count = 0; pendingSpace = false }
            return UnsafeBufferPointer(start: base, count: count)
        }
    }

    /// What the scanner needs of a tag: the rules of `HTMLTag.parse`, keeping only byte ranges.
    struct Tag {
        var key: Key
        var closing = false
        var selfClosing = false
        var end: Int
        /// The first `id` attribute's value range (`idStart` is -1 without one).
        var idStart = -1, idEnd = -1
        /// The first `class` attribute's value range (`classStart` is -1 without one).
        var classStart = -1, classEnd = -1

        func id(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            Entity.decodeAll(ArraySlice(UnsafeBufferPointer(rebasing: bytes[idStart..<idEnd])))
        }

        /// Whether a word of the class attribute is `anchor`.
        func hasAnchorClass(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard classStart >= 0 else { return false }
            let value = UnsafeBufferPointer(rebasing: bytes[classStart..<classEnd])
            guard value.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "&") }) else {
                return Entity.decodeAll(ArraySlice(value)).split(separator: " ").contains("anchor")
            }
            var wordStart = 0
            for k in 0...value.count where k == value.count || value[k] == 32 {
                if k - wordStart == 6, UnsafeBufferPointer(rebasing: value[wordStart..<k]).elementsEqual("anchor".utf8) { return true }
                wordStart = k + 1
            }
            return false
        }

        static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag? {
            let n = bytes.count
            var i = start + 1
            guard i < n else { return nil }
            if bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?") {
                let isComment = i + 2 < n && bytes[i + 1] == UInt8(ascii: "-") && bytes[i + 2] == UInt8(ascii: "-")
                var end = n
                if isComment {
                    var j = i
                    while j + 3 <= n {
                        if bytes[j] == UInt8(ascii: "-"), bytes[j + 1] == UInt8(ascii: "-"), bytes[j + 2] == UInt8(ascii: ">") { end = j + 3; break }
                        j += 1
                    }
                } else {
                    var j = i
                    while j < n, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    end = min(n, j + 1)
                }
                return Tag(key: comment, closing: false, selfClosing: true, end: end)
            }
            var closing = false
            if bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
            let nameStart = i
            var key: Key = 0
            while i < n, isNameByte(bytes[i]) {
                if i - nameStart < 8 { key |= Key(bytes[i] | 0x20) << (8 * Key(i - nameStart)) }
                i += 1
            }
            guard i > nameStart, isLetter(bytes[nameStart]) else { return nil }
            if i - nameStart > 8 { key = long }
            var tag = Tag(key: key, closing: closing, end: 0)
            while i < n {
                while i < n, isSpace(bytes[i]) { i += 1 }
                guard i < n else { break }
                if bytes[i] == UInt8(ascii: ">") { i += 1; break }
                if bytes[i] == UInt8(ascii: "/") { tag.selfClosing = true; i += 1; continue }
                let attrStart = i
                while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                      !(bytes[i] == UInt8(ascii: "/") && i + 1 < n && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
                if i == attrStart { i += 1; continue }
                let attrEnd = i
                while i < n, isSpace(bytes[i]) { i += 1 }
                var valueStart = i, valueEnd = i
                if i < n, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < n, isSpace(bytes[i]) { i += 1 }
                    if i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        valueStart = i + 1
                        i = valueStart
                        while i < n, bytes[i] != quote { i += 1 }
                        valueEnd = min(i, n)
                        i = min(i + 1, n)
                    } else {
                        valueStart = i
                        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                        valueEnd = i
                    }
                }
                switch attrEnd - attrStart {
                case 2 where tag.idStart < 0 && bytes[attrStart] | 0x20 == UInt8(ascii: "i") && bytes[attrStart + 1] | 0x20 == UInt8(ascii: "d"):
                    tag.idStart = valueStart; tag.idEnd = valueEnd
                case 5 where tag.classStart < 0 && isClass(bytes, attrStart):
                    tag.classStart = valueStart; tag.classEnd = valueEnd
                default:
                    break
                }
            }
            tag.end = i
            return tag
        }

        private static func isClass(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
            var k = 0
            for expected in "class".utf8 {
                guard bytes[start + k] | 0x20 == expected else { return false }
                k += 1
            }
            return true
        }

        private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        private static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") }
        private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
    }
}
