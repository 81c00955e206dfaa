extension AnalysedDocument {
    /// This document with `other`'s sections put in at `index`: the text before `other`'s first heading joins the
    /// section at `index` (whose text must be empty; it takes `other`'s snippet), `other`'s other sections follow
    /// it. A report page holds its narrative this way, analysed once with the narrative's Markdown.
    func splicing(_ other: AnalysedDocument, at index: Int) -> AnalysedDocument {
        var result = self
        var numbers = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, Int32($0)) })
        let map: [Int32] = other.terms.map { term in
            if let known = numbers[term] { return known }
            let number = Int32(result.terms.count)
            result.terms.append(term)
            numbers[term] = number
            return number
        }
        func mapped(_ list: [Int32]) -> [Int32] { list.map { map[Int($0)] } }
        guard let first = other.sections.first else { return result }
        var joined = result.sections[index]
        var seen = Set(joined.body)
        for term in mapped(first.body) where seen.insert(term).inserted { joined.body.append(term) }
        joined.snippet = first.snippet
        result.sections[index] = joined
        result.sections.insert(contentsOf: other.sections.dropFirst().map { section in
            Section(id: section.id, heading: section.heading, snippet: section.snippet, body: mapped(section.body), head: mapped(section.head))
        }, at: index + 1)
        return result
    }
}
