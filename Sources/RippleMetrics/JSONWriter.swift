import RippleCore

/// A tiny JSON writer that keeps keys in the order they are written, with 2-space indentation.
struct JSONWriter {
    private(set) var text = ""
    private var indent = 0
    private var needsComma: [Bool] = []

    /// A JSON string literal.
    static func quote(_ s: String) -> String { Escape.json(s) }

    /// A JSON number: whole numbers without a fraction, others in Swift's shortest round-trip form.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    private mutating func newline() {
        if needsComma.last == true { text += "," }
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true; text += "\n" }
        text += String(repeating: "  ", count: indent)
    }

    private mutating func key(_ name: String?) {
        newline()
        if let name { text += JSONWriter.quote(name) + ": " }
    }

    /// Writes a raw JSON value (already encoded) under a key (nil inside arrays).
    mutating func raw(_ name: String?, _ json: String) { key(name); text += json }

    mutating func string(_ name: String?, _ value: String) { raw(name, JSONWriter.quote(value)) }
    mutating func int(_ name: String?, _ value: Int?) { raw(name, value.map(String.init) ?? "null") }
    mutating func double(_ name: String?, _ value: Double?) { raw(name, value.map(JSONWriter.number) ?? "null") }
    mutating func bool(_ name: String?, _ value: Bool) { raw(name, value ? "true" : "false") }

    /// Opens `{` or `[`; `body` writes the members; closes on its own line (or `{}`/`[]` when empty).
    mutating func container(_ name: String?, array: Bool = false, _ body: (inout JSONWriter) -> Void) {
        key(name)
        text += array ? "[" : "{"
        indent += 1
        needsComma.append(false)
        body(&self)
        let wroteAny = needsComma.removeLast()
        indent -= 1
        if wroteAny { text += "\n" + String(repeating: "  ", count: indent) }
        text += array ? "]" : "}"
    }
}
