/// One template after parsing: its nodes and what it refers to.
struct CompiledTemplate: Sendable {
    var name: String
    var path: String
    var nodes: [TemplateNode]
    /// Partials and parents named with fixed names (dynamic names excluded).
    var references: Set<String>
    /// Bytes of literal text, to size the output buffer.
    var textSize: Int
}
