/// One change to a part of the index: an item inserted before old item `index`, or old item `index` replaced or
/// removed. A part's edits are in ascending `index`, inserts before the replacement or removal at the same index.
struct SegmentEdit: Sendable {
    enum Kind: Sendable { case insert, replace, remove }
    var index: Int
    var kind: Kind
    var bytes: [UInt8]
}

/// The pieces `IncrementalSearchIndex` works with: a document's use of its terms, pieces of output written
/// alone, posting lists decoded and encoded, and a part written again from the last output and its edits.
enum SearchIndexPatch {
    /// How one document uses one term: its byte string there, and the document's own section numbers (from 0)
    /// whose text or heading hold it, whose heading holds it, and whether the title holds it.
    struct Use: Sendable, Equatable {
        var term: String
        var body: [Int32] = []
        var head: [Int32] = []
        var title = false
    }

    /// One changed document's use of a term before and after (nil: not used).
    struct Change: Sendable {
        var page: Int
        var old: Use?
        var new: Use?
    }

    /// The document's terms and their uses, by term (`String` equality, as the index merges them); nil when two
    /// of its terms are different byte strings comparing equal.
    static func uses(_ document: AnalysedDocument) -> [String: Use]? {
        var local = document.terms.map { Use(term: $0) }
        for t in document.titleTerms { local[Int(t)].title = true }
        for (s, section) in document.sections.enumerated() {
            for t in section.body { local[Int(t)].body.append(Int32(s)) }
            for t in section.head { local[Int(t)].head.append(Int32(s)) }
        }
        var uses: [String: Use] = [:]
        uses.reserveCapacity(local.count)
        for use in local {
            guard uses.updateValue(use, forKey: use.term) == nil else { return nil }
        }
        return uses
    }

    /// The document's entry of `pages`.
    static func pageBytes(_ document: AnalysedDocument) -> [UInt8] {
        written(bound: SearchIndex.bound(of: document)) { SearchIndex.writePage(document, to: &$0) }
    }

    /// The document's entries of `sections`.
    static func sectionBytes(_ document: AnalysedDocument, page: Int) -> [UInt8] {
        written(bound: SearchIndex.bound(of: document) + 20 * document.sections.count) {
            SearchIndex.writeSections(document, page: page, to: &$0)
        }
    }

    /// A term as the `terms` part writes it.
    static func escapedBytes(_ term: String) -> [UInt8] {
        written(bound: 6 * term.utf8.count) { $0.appendEscaped(term) }
    }

    /// A posting list in `PostingCode`.
    static func encode(_ numbers: [Int32]) -> [UInt8] {
        numbers.withUnsafeBufferPointer { numbers in
            written(bound: 7 * numbers.count) { $0.appendPostings(numbers) }
        }
    }

    private static func written(bound: Int, _ write: (inout ByteWriter) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            var out = ByteWriter(buffer)
            write(&out)
            initialized = out.count
        }
    }

    /// Each byte's digit value in `PostingCode`: 0–31 for a continuation digit, 32–63 for a final one.
    private static let digits: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (value, byte) in PostingCode.continuation.enumerated() { table[Int(byte)] = UInt8(value) }
        for (value, byte) in PostingCode.final.enumerated() { table[Int(byte)] = UInt8(32 + value) }
        return table
    }()

    /// Decodes a posting list written by `ByteWriter.appendPostings`.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var numbers: [Int32] = []
        numbers.reserveCapacity(text.count)
        digits.withUnsafeBufferPointer { digits in
            var value: Int32 = 0, previous: Int32 = -1
            for byte in text {
                let digit = Int32(digits[Int(byte)])
                if digit >= 32 {
                    previous += value &* 32 + (digit - 32) + 1
                    numbers.append(previous)
                    value = 0
                } else {
                    value = value &* 32 + digit
                }
            }
        }
        return numbers
    }

    /// The first position in ascending `items` whose item is not below `item`.
    static func lowerBound<T: Comparable>(_ items: [T], _ item: T) -> Int {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle] < item { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Replaces the numbers in `from..<to` of an ascending list by `numbers` (ascending, all in that range).
    static func replace(in list: inout [Int32], from: Int32, to: Int32, with numbers: [Int32]) {
        let low = lowerBound(list, from)
        var high = low
        while high < list.count, list[high] < to { high += 1 }
        if list[low..<high].elementsEqual(numbers) { return }
        list.replaceSubrange(low..<high, with: numbers)
    }

    /// Writes a part again: the last output's items with `edits` applied, unchanged runs copied whole; returns
    /// where the part and its items now lie.
    static func write(_ old: SearchIndexLayout.Segment, edits: [SegmentEdit], separator: StaticString,
                      from bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteWriter) -> SearchIndexLayout.Segment {
        var new = SearchIndexLayout.Segment()
        new.start = out.count
        new.itemStarts.reserveCapacity(old.count + edits.count)
        new.itemEnds.reserveCapacity(old.count + edits.count)
        var next = 0  // the first old item not yet copied or dropped
        func copy(upTo end: Int, into out: inout ByteWriter) {
            guard next < end else { return }
            if !new.itemStarts.isEmpty { out.append(separator) }
            let start = old.itemStarts[next], delta = out.count - start
            out.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<old.itemEnds[end - 1]]))
            for k in next..<end {
                new.itemStarts.append(old.itemStarts[k] + delta)
                new.itemEnds.append(old.itemEnds[k] + delta)
            }
            next = end
        }
        for edit in edits {
            copy(upTo: edit.index, into: &out)
            if edit.kind != .insert { next = edit.index + 1 }
            if edit.kind == .remove { continue }
            if !new.itemStarts.isEmpty { out.append(separator) }
            new.itemStarts.append(out.count)
            edit.bytes.withUnsafeBufferPointer { out.append(bytes: $0) }
            new.itemEnds.append(out.count)
        }
        copy(upTo: old.count, into: &out)
        new.end = out.count
        return new
    }

    /// `items` with the edits of the `terms` part applied; `inserted` are the inserted items, in order.
    static func apply<T>(_ edits: [SegmentEdit], to items: [T], inserted: [T]) -> [T] {
        guard !edits.isEmpty else { return items }
        var result: [T] = []
        result.reserveCapacity(items.count + inserted.count)
        var next = 0, insertion = 0
        for edit in edits {
            result += items[next..<max(next, edit.index)]
            next = max(next, edit.index)
            switch edit.kind {
            case .insert:
                result.append(inserted[insertion])
                insertion += 1
            case .replace:
                result.append(items[edit.index])
                next = edit.index + 1
            case .remove:
                next = edit.index + 1
            }
        }
        result += items[next...]
        return result
    }
}
