import RippleCore

/// An analysed document in Ripple's binary form (`BinaryWriter`), about a third of its size as Swift values.
/// The 10,000 documents of a large guide wait in this form from the Markdown stage until the search index is
/// merged, and the incremental cache keeps them as they are.
package struct PackedDocument: Sendable, Hashable {
    /// The packed bytes, exactly as many as needed.
    package let bytes: [UInt8]

    /// Packs `document`.
    package init(_ document: AnalysedDocument) {
        var writer = BinaryWriter(capacity: 4096)
        writer.add(document.title); writer.add(document.url)
        writer.add(document.sections.count)
        for section in document.sections {
            writer.add(section.id); writer.add(section.heading); writer.add(section.snippet)
            writer.add(section.body); writer.add(section.head)
        }
        writer.add(document.terms)
        writer.add(document.titleTerms)
        bytes = writer.bytes.withUnsafeBufferPointer(Array.init)
    }

    /// Bytes packed by `init(_:)` and kept by the incremental cache, whose segments are checked against their
    /// hashes before they are read (unpacking every document there would cost the load its time).
    package init(trusting bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The document.
    package var document: AnalysedDocument {
        // Only `init(_:)` and the hash-checked cache make these bytes.
        Self.unpack(bytes) ?? AnalysedDocument(title: "", url: "", sections: [], terms: [], titleTerms: [])
    }

    private static func unpack(_ bytes: [UInt8]) -> AnalysedDocument? {
        var reader = BinaryReader(bytes)
        do throws(BinaryReader.Corrupt) {
            let title = try reader.string(), url = try reader.string()
            var sections: [AnalysedDocument.Section] = []
            for _ in 0..<(try reader.count(each: 40)) {
                sections.append(AnalysedDocument.Section(id: try reader.string(), heading: try reader.string(),
                                                         snippet: try reader.string(), body: try reader.int32s(),
                                                         head: try reader.int32s()))
            }
            let terms = try reader.strings(), titleTerms = try reader.int32s()
            let count = Int32(terms.count)
            guard reader.atEnd, titleTerms.allSatisfy({ $0 >= 0 && $0 < count }),
                  sections.allSatisfy({ $0.body.allSatisfy { $0 >= 0 && $0 < count } && $0.head.allSatisfy { $0 >= 0 && $0 < count } })
            else { return nil }
            return AnalysedDocument(title: title, url: url, sections: sections, terms: terms, titleTerms: titleTerms)
        } catch {
            return nil
        }
    }
}
