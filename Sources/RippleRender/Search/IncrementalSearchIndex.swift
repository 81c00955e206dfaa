import Synchronization

/// Keeps the last index and its serialised pieces, so that the next index of nearly the same documents is
/// patched instead of merged again. Byte-identical to `SearchIndex(analysed:).javaScriptBytes` always.
///
/// A patch handles a few changed documents at the same positions with the same number of sections each (so no
/// other page's section numbers move): their page and section entries are written again, and so are the posting
/// lists of the terms whose lists they change (decoded from the last output, edited, encoded again); terms are
/// inserted and dropped in sorted order; everything else is copied from the last output in long runs. Anything
/// else (pages added, removed or reordered widely, a section added, many pages changed, a term touched that
/// stands for several byte strings comparing equal) is merged in full, as `SearchIndex` does.
package final class IncrementalSearchIndex: Sendable {
    private let state = Mutex<IncrementalSearchState?>(nil)

    /// Creates an index that remembers nothing yet (the first call merges in full).
    package init() {}

    /// The bytes of `SearchIndex(analysed: documents).javaScriptBytes`.
    package func javaScriptBytes(_ documents: [AnalysedDocument]) -> [UInt8] {
        state.withLock { state in
            if state?.patch(to: documents) == true, let bytes = state?.bytes { return bytes }
            state = nil  // frees the last output before the next is made
            let full = IncrementalSearchState(documents)
            state = full
            return full.bytes
        }
    }

    /// Whether the last call patched the previous index rather than merging in full (for tests).
    package var lastCallPatched: Bool { state.withLock { $0?.patched ?? false } }
}

/// The last index: its documents and output, and where each piece of the output lies.
struct IncrementalSearchState: Sendable {
    private(set) var documents: [AnalysedDocument]
    private(set) var bytes: [UInt8]
    private var layout: SearchIndexLayout
    private var sortedTerms: [String]
    /// Terms that stand for several byte strings (see `SearchIndex.ambiguousTerms`).
    private let ambiguous: Set<String>
    /// Each document's first section number.
    private let firstSection: [Int32]
    /// Each document's item in the `sections` part, or -1 when it has no sections.
    private let sectionItem: [Int32]
    /// Whether some document lists a term that neither its title nor its sections hold (a term then stays in the
    /// index when its lists are empty, which a patch cannot tell).
    private let listsUnusedTerms: Bool
    /// Whether the state came from a patch.
    private(set) var patched = false

    /// The state after a full merge.
    init(_ documents: [AnalysedDocument]) {
        let index = SearchIndex(analysed: documents)
        var layout = SearchIndexLayout(recording: true)
        bytes = index.javaScriptBytes(layout: &layout)
        self.layout = layout
        self.documents = documents
        sortedTerms = index.sortedTerms
        ambiguous = Set(index.ambiguousTerms.map { index.sortedTerms[Int($0)] })
        var first: [Int32] = [], item: [Int32] = []
        first.reserveCapacity(documents.count)
        item.reserveCapacity(documents.count)
        var sections: Int32 = 0, items: Int32 = 0
        var unused = false
        var seen: [Int32] = []
        for (k, document) in documents.enumerated() {
            first.append(sections)
            sections += Int32(document.sections.count)
            item.append(document.sections.isEmpty ? -1 : items)
            if !document.sections.isEmpty { items += 1 }
            if !unused { unused = Self.listsUnusedTerms(document, stamp: Int32(k), seen: &seen) }
        }
        firstSection = first
        sectionItem = item
        listsUnusedTerms = unused
    }

    /// Whether `document.terms` holds a term its title and sections do not; `seen` is scratch space.
    private static func listsUnusedTerms(_ document: AnalysedDocument, stamp: Int32, seen: inout [Int32]) -> Bool {
        if seen.count < document.terms.count { seen += [Int32](repeating: -1, count: document.terms.count - seen.count) }
        var distinct = 0
        func see(_ t: Int32) {
            if seen[Int(t)] != stamp { seen[Int(t)] = stamp; distinct += 1 }
        }
        for t in document.titleTerms { see(t) }
        for section in document.sections {
            for t in section.body { see(t) }
            for t in section.head { see(t) }
        }
        return distinct != document.terms.count
    }

    /// Turns the state into that of `documents` by patching; false (and the state unchanged) when it cannot.
    mutating func patch(to documents: [AnalysedDocument]) -> Bool {
        guard documents.count == self.documents.count, !listsUnusedTerms else { return false }
        let limit = max(4, documents.count / 25)
        var changed: [Int] = []
        for k in documents.indices where documents[k] != self.documents[k] {
            changed.append(k)
            if changed.count > limit { return false }
        }
        var scratch: [Int32] = []
        for k in changed {
            guard documents[k].sections.count == self.documents[k].sections.count,
                  !Self.listsUnusedTerms(documents[k], stamp: -2 - Int32(k), seen: &scratch) else { return false }
        }
        guard let terms = termEdits(changed: changed, documents: documents) else { return false }

        var edits = [[SegmentEdit]](repeating: [], count: SearchIndexLayout.Part.allCases.count)
        var extra = terms.extra
        for k in changed {
            let page = SearchIndexPatch.pageBytes(documents[k])
            extra += page.count
            edits[SearchIndexLayout.Part.pages.rawValue].append(SegmentEdit(index: k, kind: .replace, bytes: page))
            if sectionItem[k] >= 0 {
                let sections = SearchIndexPatch.sectionBytes(documents[k], page: k)
                extra += sections.count
                edits[SearchIndexLayout.Part.sections.rawValue].append(SegmentEdit(index: Int(sectionItem[k]), kind: .replace, bytes: sections))
            }
        }
        for part in [SearchIndexLayout.Part.terms, .body, .head, .title] { edits[part.rawValue] = terms.edits[part.rawValue] }

        var newLayout = layout
        let output = bytes.withUnsafeBufferPointer { old in
            [UInt8](unsafeUninitializedCapacity: old.count + extra + 64) { buffer, initialized in
                var out = ByteWriter(buffer)
                var from = 0
                for part in SearchIndexLayout.Part.allCases {
                    let segment = layout[part]
                    out.append(bytes: UnsafeBufferPointer(rebasing: old[from..<segment.start]))
                    newLayout[part] = SearchIndexPatch.write(segment, edits: edits[part.rawValue], separator: part.separator,
                                                             from: old, to: &out)
                    from = segment.end
                }
                out.append(bytes: UnsafeBufferPointer(rebasing: old[from...]))
                initialized = out.count
            }
        }
        sortedTerms = SearchIndexPatch.apply(terms.edits[SearchIndexLayout.Part.terms.rawValue], to: sortedTerms,
                                             inserted: terms.insertedTerms)
        bytes = output
        layout = newLayout
        self.documents = documents
        patched = true
        return true
    }

    /// What the changed documents do to the terms: edits of the `terms`, `body`, `head` and `title` parts, the
    /// terms inserted (in order) and a bound of the bytes written; nil when a full merge is needed.
    private func termEdits(changed: [Int], documents: [AnalysedDocument])
        -> (edits: [[SegmentEdit]], insertedTerms: [String], extra: Int)? {
        // Per term, how each changed document's use of it changes.
        var changes: [String: [SearchIndexPatch.Change]] = [:]
        for k in changed {
            guard let old = SearchIndexPatch.uses(self.documents[k]), let new = SearchIndexPatch.uses(documents[k]) else { return nil }
            for (term, o) in old {
                let n = new[term]
                let sameBytes = n.map { $0.term.utf8.elementsEqual(o.term.utf8) } ?? false
                if !sameBytes, ambiguous.contains(term) { return nil }
                if sameBytes, n == o { continue }
                changes[term, default: []].append(.init(page: k, old: o, new: n))
            }
            for (term, n) in new where old[term] == nil {
                if ambiguous.contains(term) { return nil }
                changes[term, default: []].append(.init(page: k, old: nil, new: n))
            }
        }
        var edits = [[SegmentEdit]](repeating: [], count: SearchIndexLayout.Part.allCases.count)
        var inserted: [String] = []
        var extra = 0
        let parts: [SearchIndexLayout.Part] = [.body, .head, .title]
        return bytes.withUnsafeBufferPointer { old -> (edits: [[SegmentEdit]], insertedTerms: [String], extra: Int)? in
            for term in changes.keys.sorted(by: <) {
                let uses = changes[term]!.sorted { $0.page < $1.page }
                let p = SearchIndexPatch.lowerBound(sortedTerms, term)
                let exists = p < sortedTerms.count && sortedTerms[p] == term
                // A byte string the index does not hold yet for this term would change which one stands for it.
                guard let shown = exists ? sortedTerms[p] : uses.lazy.compactMap(\.new).first?.term else { return nil }
                for use in uses {
                    if let n = use.new, !n.term.utf8.elementsEqual(shown.utf8) { return nil }
                }
                var lists: [[Int32]] = parts.map { part in
                    guard exists else { return [] }
                    let segment = layout[part]
                    return SearchIndexPatch.decode(UnsafeBufferPointer(rebasing: old[segment.itemStarts[p]..<segment.itemEnds[p]]))
                }
                let original = lists
                for use in uses {
                    let first = firstSection[use.page]
                    let count = Int32(self.documents[use.page].sections.count)
                    let base = [first, first, Int32(use.page)], width = [count, count, 1]
                    let numbers: [[Int32]] = [
                        (use.new?.body ?? []).map { $0 + first },
                        (use.new?.head ?? []).map { $0 + first },
                        use.new?.title == true ? [Int32(use.page)] : [],
                    ]
                    for l in 0..<3 {
                        SearchIndexPatch.replace(in: &lists[l], from: base[l], to: base[l] + width[l], with: numbers[l])
                    }
                }
                if lists.allSatisfy(\.isEmpty) {
                    guard exists else { continue }
                    for part in [SearchIndexLayout.Part.terms] + parts { edits[part.rawValue].append(SegmentEdit(index: p, kind: .remove, bytes: [])) }
                    continue
                }
                if !exists {
                    inserted.append(shown)
                    let escaped = SearchIndexPatch.escapedBytes(shown)
                    extra += escaped.count + 1
                    edits[SearchIndexLayout.Part.terms.rawValue].append(SegmentEdit(index: p, kind: .insert, bytes: escaped))
                }
                for (l, part) in parts.enumerated() where !exists || lists[l] != original[l] {
                    let encoded = SearchIndexPatch.encode(lists[l])
                    extra += encoded.count + 1
                    edits[part.rawValue].append(SegmentEdit(index: p, kind: exists ? .replace : .insert, bytes: encoded))
                }
            }
            return (edits, inserted, extra)
        }
    }
}
