import Yams

/// A parsed YAML value with the position of each node: what Ripple's config and front matter readers walk.
///
/// Ripple's own type rather than Yams' `Node`, so that simple front matter can be read by a fast path
/// (`SimpleYAML`) without going through libyaml, with exactly the same locations.
indirect enum YAMLNode: Sendable {
    /// A plain or quoted scalar.
    case scalar(String, line: Int, column: Int)
    /// A mapping, in document order.
    case mapping([(key: YAMLNode, value: YAMLNode)], line: Int, column: Int)
    /// A sequence.
    case sequence([YAMLNode], line: Int, column: Int)

    /// 1-based line within the YAML text.
    var line: Int {
        switch self {
        case let .scalar(_, line, _), let .mapping(_, line, _), let .sequence(_, line, _): line
        }
    }

    /// 1-based column, in Unicode scalars.
    var column: Int {
        switch self {
        case let .scalar(_, _, column), let .mapping(_, _, column), let .sequence(_, _, column): column
        }
    }

    /// The text of a scalar.
    var string: String? {
        if case let .scalar(text, _, _) = self { return text }
        return nil
    }

    /// Converts a Yams node (aliases resolved by Yams' composer already).
    init(_ node: Node) {
        let line = node.mark?.line ?? 1, column = node.mark?.column ?? 1
        switch node {
        case let .scalar(scalar): self = .scalar(scalar.string, line: line, column: column)
        case let .mapping(mapping): self = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }, line: line, column: column)
        case let .sequence(sequence): self = .sequence(sequence.map(YAMLNode.init), line: line, column: column)
        case .alias: self = .scalar("", line: line, column: column)
        }
    }
}
