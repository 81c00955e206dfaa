/// One piece of a template's text as the lexer sees it: a run of literal text (never spanning
/// more than one line) or a tag. Later passes mark tokens removed or standalone instead of
/// deleting them, so byte offsets and line structure stay intact.
struct TemplateToken: Sendable {
    enum Kind: Sendable, Equatable {
        case text, variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters

        /// Whether a tag of this kind may be standalone (alone on its line, which is then dropped).
        var canStandAlone: Bool {
            switch self {
            case .text, .variable, .unescaped: return false
            default: return true
            }
        }

        /// Whether the tag opens an element closed by `{{/name}}`.
        var opensElement: Bool {
            self == .section || self == .inverted || self == .parent || self == .block
        }
    }

    /// How an overridable block re-indents the content that replaces it.
    enum BlockLayout: Sendable, Equatable {
        /// Content renders with the surrounding indentation only.
        case plain
        /// The start tag stood alone: its content was dedented by this indentation, which is
        /// added back to whatever content fills the block.
        case intrinsic(String)
        /// The block pair stood alone on one line after this indentation (kept as literal text):
        /// replacing content gets it on every line but the first.
        case inline(String)
    }

    var kind: Kind
    /// Byte range in the source: for text the literal bytes (dedenting moves `start`), for tags
    /// the whole tag including delimiters.
    var start: Int
    var end: Int
    /// The tag's trimmed name without its sigil (`toc` for `{{#toc}}`); empty for text.
    var name: String = ""
    /// 1-based line and column (in Unicode scalars) where the tag starts.
    var line: Int = 0
    var column: Int = 0
    /// The closing delimiter in force, for hints that quote tags back to the user.
    var openDelimiter: String = "{{"
    var closeDelimiter: String = "}}"

    var removed = false
    var standalone = false
    /// Whether rendering must emit the current indentation before this token (it starts a line).
    var lineStart = false
    /// Indentation of a standalone partial or parent tag.
    var indentation = ""
    var blockLayout = BlockLayout.plain
    /// Index of the matching open or close tag.
    var partner: Int?
}
