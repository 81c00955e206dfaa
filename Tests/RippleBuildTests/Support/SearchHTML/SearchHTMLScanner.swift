import RippleCore
import RippleRender

/// Receives the sections `SearchHTMLScanner` finds. Text arrives with white space already collapsed.
protocol SearchSectionSink {
    /// A heading with an id opens a new section (the first section, id "", is implied).
    mutating func startSection(id: String)
    /// The heading text of the section opened last.
    mutating func finishHeading(_ heading: UnsafeBufferPointer<UInt8>)
    /// The text of the current section, once it is complete.
    mutating func finishText(_ text: UnsafeBufferPointer<UInt8>)
}

/// The element names `SearchHTMLScanner` treats apart (a generic type cannot hold them).
private enum SearchTagNames {
    static let skipped: [HTMLTagName] = [.script, .style, .template, .svg, .noscript]
    /// Inline elements (all up to 8 bytes long, compared by `HTMLTagName.low`), sorted.
    static let inline: [UInt64] = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ].map { HTMLTagName($0).low }.sorted()
}

/// The search side of `HTMLTokenizer`: turns the tokens of a page into sections for `SearchHTML.sections`
/// and `SearchIndex.analyse`, with tag names compared as packed bytes and white space collapsed as text is
/// gathered. Script and style contents, and `template`, `svg` and `noscript` elements, are not text.
struct SearchHTMLScanner<Sink: SearchSectionSink>: HTMLTokenVisitor {
    let bytes: UnsafeBufferPointer<UInt8>
    var sink: Sink
    private let skipped = SearchTagNames.skipped, inline = SearchTagNames.inline
    private var text: CollapsedText, heading: CollapsedText
    private var inHeading: HTMLTagName?  // while inside a heading with an id
    private var skipDepth = 0, skipTag = HTMLTagName("")
    private var anchorDepth = 0  // inside `<a class="anchor">`, whose "#" is not heading text

    private init(bytes: UnsafeBufferPointer<UInt8>, sink: Sink, storage: UnsafeMutablePointer<UInt8>) {
        self.bytes = bytes
        self.sink = sink
        text = CollapsedText(base: storage)
        heading = CollapsedText(base: storage + bytes.count + 1)
    }

    /// Scans `bytes` (UTF-8 HTML) and reports its sections to `sink`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        // Collapsed text is never longer than the HTML it comes from (references are longer than their text).
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * bytes.count + 2)
        defer { storage.deallocate() }
        var scanner = SearchHTMLScanner(bytes: bytes, sink: sink, storage: storage)
        HTMLTokenizer.tokenize(bytes, into: &scanner)
        if scanner.inHeading != nil { scanner.sink.finishHeading(scanner.heading.finish()) }
        scanner.sink.finishText(scanner.text.finish())
        sink = scanner.sink
    }

    mutating func text(_ range: Range<Int>) {
        guard skipDepth == 0, anchorDepth == 0 else { return }
        if inHeading != nil { heading.append(bytes, range) } else { text.append(bytes, range) }
    }

    mutating func rawText(_ range: Range<Int>, of element: HTMLTagName) {
        if element == .title || element == .textarea { text(range) } else { separate() }  // RCDATA is text; scripts and styles are not
    }

    mutating func markup(_ range: Range<Int>, _ kind: HTMLMarkupKind) { separate() }

    mutating func unfinished(_ range: Range<Int>) { separate() }

    /// What does not join the words around it (comments, block elements) ends a word.
    private mutating func separate() {
        guard skipDepth == 0 else { return }
        if inHeading != nil { heading.space() } else { text.space() }
    }

    mutating func tag(_ tag: HTMLTagToken) {
        if skipDepth > 0 {
            if tag.name == skipTag { skipDepth += tag.isEnd ? -1 : (tag.selfClosing ? 0 : 1) }
            return
        }
        if !tag.isEnd, !tag.selfClosing, skipped.contains(tag.name) {
            skipDepth = 1; skipTag = tag.name
            return
        }
        if tag.name == .a {
            let isAnchor = hasAnchorClass(tag)
            if anchorDepth > 0 || isAnchor {
                if !tag.isEnd, isAnchor { anchorDepth += 1 } else if tag.isEnd { anchorDepth = max(0, anchorDepth - 1) }
                return
            }
        }
        if tag.name.isHeading {
            if !tag.isEnd, inHeading == nil, let id = tag.attribute(.id) {
                sink.finishText(text.finish())
                inHeading = tag.name
                sink.startSection(id: id.value(bytes))
                return
            }
            if tag.isEnd, tag.name == inHeading {
                sink.finishHeading(heading.finish())
                inHeading = nil
                return
            }
        }
        if tag.name.count > 8 || !Self.isInline(tag.name.low, inline) { separate() }
    }

    /// Whether a word of the class attribute is `anchor`.
    private func hasAnchorClass(_ tag: HTMLTagToken) -> Bool {
        guard let attribute = tag.attribute(.class) else { return false }
        let value = UnsafeBufferPointer(rebasing: bytes[attribute.valueRange])
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

    private static func isInline(_ key: UInt64, _ inline: [UInt64]) -> Bool {
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

        /// Appends the text of `bytes[range]`, decoding character references.
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            var i = range.lowerBound
            while i < range.upperBound {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") {
                    append(byte)
                    i += 1
                } else if byte == UInt8(ascii: "&") {
                    if let (scalar, end) = Entity.decodeScalar(bytes, at: i), end <= range.upperBound {
                        append(scalar: scalar)
                        i = end
                    } else {
                        append(byte)
                        i += 1
                    }
                } else {
                    i = appendRun(bytes, from: i, to: range.upperBound)
                }
            }
        }

        /// Appends text from `bytes[start..<end]` up to the next `<` or `&`; returns where it stopped.
        mutating func appendRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
            let n = end
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
}
