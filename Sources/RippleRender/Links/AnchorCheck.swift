import RippleCore

/// Checks that every `#fragment` a link names exists on its target page.
package enum AnchorCheck {
    /// Diagnostics for references whose anchor is missing; `anchors` maps page sources to their heading ids.
    package static func check(_ references: [LinkResolver.AnchorReference], anchors: [String: Set<String>]) -> [Diagnostic] {
        references.compactMap { reference in
            guard let ids = anchors[reference.target], !ids.contains(reference.fragment) else { return nil }
            var hint = "link to one of the page's headings"
            if let near = ids.sorted().first(where: { $0.hasPrefix(reference.fragment) || reference.fragment.hasPrefix($0) }) {
                hint = "did you mean '#\(near)'? " + hint
            }
            return .error("'#\(reference.fragment)' is not a heading on '\(reference.target)'", at: reference.location, hint: hint)
        }
    }
}
