/// Where the pieces of a written search index lie in its bytes, so `IncrementalSearchIndex` can copy the
/// unchanged ones and write only the rest.
///
/// The index is fixed text with six lists in it (the parts); each part's items are separated by one fixed
/// separator, so a run of consecutive items is one contiguous byte range.
struct SearchIndexLayout: Sendable {
    /// The six lists of the index.
    enum Part: Int, CaseIterable, Sendable {
        /// One `[title,url]` per page.
        case pages
        /// One item per page with sections: its `[page,id,heading,snippet]` entries.
        case sections
        /// One escaped term per term.
        case terms
        /// One posting list per term.
        case body, head, title

        /// The bytes between two items.
        var separator: StaticString {
            switch self {
            case .pages: ","
            case .sections: ",\n"
            case .terms, .body, .head, .title: " "
            }
        }
    }

    /// One part: its byte range and each item's.
    struct Segment: Sendable {
        var start = 0, end = 0
        var itemStarts: [Int] = [], itemEnds: [Int] = []
        var count: Int { itemStarts.count }
    }

    /// Whether `startItem` and the others note anything (writing without a layout costs nothing extra).
    let recording: Bool
    var segments = [Segment](repeating: Segment(), count: Part.allCases.count)
    private var current = 0

    init(recording: Bool) {
        self.recording = recording
    }

    subscript(part: Part) -> Segment {
        get { segments[part.rawValue] }
        set { segments[part.rawValue] = newValue }
    }

    @inline(__always)
    mutating func startSegment(_ part: Part, at offset: Int) {
        guard recording else { return }
        current = part.rawValue
        segments[current].start = offset
    }

    @inline(__always)
    mutating func endSegment(at offset: Int) {
        guard recording else { return }
        segments[current].end = offset
    }

    @inline(__always)
    mutating func startItem(at offset: Int) {
        guard recording else { return }
        segments[current].itemStarts.append(offset)
    }

    @inline(__always)
    mutating func endItem(at offset: Int) {
        guard recording else { return }
        segments[current].itemEnds.append(offset)
    }
}
