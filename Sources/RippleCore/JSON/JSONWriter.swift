/// Writes JSON text in the order members are written (deterministic output needs no sorting pass), indented by
/// two spaces; a container opened `inline` is written on one line (`{"a": 1, "b": [2, 3]}`), as are all it holds.
///
/// ```swift
/// var w = JSONWriter()
/// w.object(nil) { w in w.string("as_of", "2026-06-30"); w.array("ids", inline: true) { w in w.int(nil, 1) } }
/// // {\n  "as_of": "2026-06-30",\n  "ids": [1]\n}
/// ```
package struct JSONWriter {
    /// The JSON written so far.
    package private(set) var text = ""
    /// The open containers, innermost last.
    private var open: [Frame] = []

    private struct Frame {
        /// Written on one line (itself or a container around it was opened inline).
        var inline: Bool
        var hasMember = false
    }

    package init() {}

    /// A JSON string literal (see `JSONString`).
    package static func quote(_ text: String) -> String { JSONString.quote(text) }

    /// A JSON number: whole numbers without a fraction, others in Swift's shortest round-trip form; `null` when
    /// not finite.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Writes a raw JSON value (already encoded) under a key (nil inside arrays and at the top level).
    package mutating func raw(_ name: String?, _ json: String) { key(name); text += json }

    package mutating func string(_ name: String?, _ value: String) { raw(name, Self.quote(value)) }
    package mutating func int(_ name: String?, _ value: Int?) { raw(name, value.map(String.init) ?? "null") }
    package mutating func double(_ name: String?, _ value: Double?) { raw(name, value.map(Self.number) ?? "null") }
    package mutating func bool(_ name: String?, _ value: Bool) { raw(name, value ? "true" : "false") }

    /// Writes `{…}`; `body` writes the members. A non-empty multi-line object closes on its own line; an empty one
    /// is `{}`.
    package mutating func object(_ name: String?, inline: Bool = false, _ body: (inout JSONWriter) -> Void) {
        container(name, open: "{", close: "}", inline: inline, body)
    }

    /// Writes `[…]`; `body` writes the elements (with nil names). Laid out like `object`.
    package mutating func array(_ name: String?, inline: Bool = false, _ body: (inout JSONWriter) -> Void) {
        container(name, open: "[", close: "]", inline: inline, body)
    }

    private mutating func key(_ name: String?) {
        if let last = open.indices.last {
            let frame = open[last]
            if frame.hasMember { text += frame.inline ? ", " : "," }
            if !frame.inline { text += "\n" + String(repeating: "  ", count: open.count) }
            open[last].hasMember = true
        }
        if let name { text += Self.quote(name) + ": " }
    }

    private mutating func container(_ name: String?, open opener: String, close: String, inline: Bool,
                                    _ body: (inout JSONWriter) -> Void) {
        key(name)
        text += opener
        open.append(Frame(inline: inline || open.last?.inline == true))
        body(&self)
        let frame = open.removeLast()
        if frame.hasMember && !frame.inline { text += "\n" + String(repeating: "  ", count: open.count) }
        text += close
    }
}
