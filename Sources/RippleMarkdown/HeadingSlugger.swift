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
struct HeadingSlugger {
    private var used: Set<String> = []

    /// The slug of `text` before de-duplication (steps 1–4 of the rule).
    static func slug(_ text: String) -> String {
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

    /// A unique id for a heading with this text.
    mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
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
