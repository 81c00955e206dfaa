/// How headings get their ids (`markdown.heading_ids` in ripple.yaml).
package enum HeadingIDStyle: String, Sendable, Hashable, CaseIterable {
    /// Letters and digits kept, every other run of characters one `-`: "push_str()" → `push-str`.
    case ripple
    /// GitHub's rule, so deep links into an imported book keep working: punctuation other than `-` and `_`
    /// dropped, each space a `-`: "push_str()" → `push_str`.
    case github
}
