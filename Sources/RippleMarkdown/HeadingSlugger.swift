import RippleCore

/// Gives headings stable ids that are unique within one document.
///
/// The rule (guide writers link to these ids, so keep it stable):
/// 1. take the heading's plain text and lowercase it;
/// 2. keep letters and digits, including non-Latin letters (and the accents/marks that belong to them);
/// 3. turn every run of other characters (spaces, punctuation, symbols) into a single `-`;
/// 4. trim `-` from both ends; if nothing is left, use `section`;
/// 5. when the id was already used in the document, add `-1`, `-2`, … (as GitHub does).
///
/// "Asking powerful questions" → `asking-powerful-questions`, "Step 3: Launch!" → `step-3-launch`,
/// a second "Overview" → `overview-1`, "Café & Ümlaut" → `café-ümlaut`, "???" → `section`.
///
/// With `HeadingIDStyle.github` steps 2–4 are GitHub's instead: letters, digits, marks, `-` and `_` are kept,
/// each space becomes `-` and everything else is dropped ("push_str()" → `push_str`, "A & B" → `a--b`).
///
/// De-duplication is O(1) expected per heading (O(n) for a document of n headings): each base id remembers the
/// next suffix to try, so n identical headings do not each walk `-1`, `-2`, … again. A suffix already taken by a
/// real heading (`## Same 1` is `same-1`) is still skipped, so the ids are those of the plain rule.
package struct HeadingSlugger {
    /// Which rule makes the slug.
    var style: HeadingIDStyle = .ripple
    private var used: Set<String> = []
    /// For each base id that was asked for, the first suffix not yet tried. Every suffix below it is in `used`
    /// (ids are never released), so starting there gives the same id as starting at 1.
    private var nextSuffix: [String: Int] = [:]

    /// The slug of `text` before de-duplication (steps 1–4 of the rule).
    package static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var result = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if isKept(scalar, afterKept: !result.isEmpty && !pendingDash) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : String(result)
    }

    /// The same rule on UTF-8 bytes for ASCII text (nearly every heading); nil when `text` is not ASCII.
    private static func asciiSlug(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(lower)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
    }

    /// GitHub's slug of `text` (github-slugger's rule), `section` when nothing is left.
    package static func githubSlug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case " ": result.append("-")
            case "-", "_": result.append(scalar)
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
                     .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation:
                    result.append(scalar)
                default: break
                }
            }
        }
        return result.isEmpty ? "section" : String(result)
    }

    /// Takes `id` (written by the author, `{#id}`) so that no other heading gets it.
    mutating func reserve(_ id: String) {
        used.insert(id)
    }

    /// A unique id for a heading with this text.
    mutating func uniqueID(for text: String) -> String {
        let base = style == .github ? Self.githubSlug(text) : Self.slug(text)
        var candidate = base
        var counter = nextSuffix[base] ?? 0
        if counter > 0 { candidate = "\(base)-\(counter)" }
        // Each candidate `base-k` names one (base, k) pair, so over a document every id is tried at most
        // twice: as a heading's own slug and as one base's suffixed candidate.
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        nextSuffix[base] = counter + 1
        used.insert(candidate)
        return candidate
    }

    private static func isKept(_ scalar: Unicode.Scalar, afterKept: Bool) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        case .nonspacingMark, .spacingMark:
            // Vowel signs and combining accents are part of the letter before them.
            return afterKept
        default:
            return false
        }
    }
}
