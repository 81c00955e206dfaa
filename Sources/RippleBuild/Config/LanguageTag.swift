/// Checks `language` in ripple.yaml: it becomes `<html lang>` and the EPUB's `dc:language`, which must be a
/// well-formed BCP 47 tag (RFC 5646) or e-book readers reject the book.
enum LanguageTag {
    /// Common mistakes and the tag meant: language names and the locale spelling `en_GB`.
    private static let names = ["english": "en", "french": "fr", "francais": "fr", "français": "fr", "german": "de",
                                "deutsch": "de", "spanish": "es", "espanol": "es", "español": "es", "dutch": "nl",
                                "nederlands": "nl", "italian": "it", "italiano": "it", "portuguese": "pt",
                                "swedish": "sv", "danish": "da", "norwegian": "nb", "finnish": "fi", "polish": "pl",
                                "japanese": "ja", "chinese": "zh", "korean": "ko"]

    /// nil when `tag` is well-formed; else a message and a hint with the likely tag.
    static func problem(_ tag: String) -> (message: String, hint: String)? {
        if isWellFormed(tag) { return nil }
        let message = "'language' must be a language tag such as en, en-GB or fr, not '\(tag)'"
        let guess = names[tag.lowercased()]
            ?? (tag.contains("_") && isWellFormed(tag.replacingOccurrences(of: "_", with: "-"))
                ? tag.replacingOccurrences(of: "_", with: "-") : nil)
        let rule = "write the BCP 47 tag of the site's language: two or three letters, then optionally a region"
        return (message, guess.map { "did you mean '\($0)'? " + rule } ?? rule)
    }

    /// RFC 5646 `langtag` syntax (plus a private-use tag `x-…`): language, extlang, script, region,
    /// variants, extensions, private use. Case-insensitive. The language must have two or three letters:
    /// longer ones are reserved and unassigned (so `English` is refused), grandfathered tags are not accepted.
    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) } })
        else { return false }
        func alpha(_ p: [Unicode.Scalar]) -> Bool { p.allSatisfy { $0.properties.isAlphabetic } }
        func digits(_ p: [Unicode.Scalar]) -> Bool { p.allSatisfy { ("0"..."9").contains($0) } }
        var i = 0
        if parts[0].count == 1, parts[0][0] == "x" || parts[0][0] == "X" { return parts.count > 1 }
        guard alpha(parts[0]), (2...3).contains(parts[0].count) else { return false }
        i = 1
        var extlangs = 0
        while i < parts.count, parts[0].count <= 3, extlangs < 3, parts[i].count == 3, alpha(parts[i]) { i += 1; extlangs += 1 }
        if i < parts.count, parts[i].count == 4, alpha(parts[i]) { i += 1 }  // script
        if i < parts.count, (parts[i].count == 2 && alpha(parts[i])) || (parts[i].count == 3 && digits(parts[i])) { i += 1 }
        while i < parts.count, parts[i].count >= 5 || (parts[i].count == 4 && digits([parts[i][0]])) { i += 1 }  // variants
        while i < parts.count, parts[i].count == 1 {  // extensions and private use
            let privateUse = parts[i][0] == "x" || parts[i][0] == "X"
            i += 1
            let start = i
            while i < parts.count, privateUse || parts[i].count >= 2 { i += 1 }
            if i == start { return false }
        }
        return i == parts.count
    }
}
