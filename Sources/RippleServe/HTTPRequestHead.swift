import Foundation

/// The start of one HTTP/1.1 request: its request line and header fields. The preview server answers only
/// GET and HEAD, so it never reads a body.
package struct HTTPRequestHead: Sendable, Equatable {
    /// `GET`, `HEAD`, … as sent (methods are case-sensitive).
    package var method: String
    /// The request target as sent: a percent-encoded path, maybe with `?query`.
    package var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    package var version: String
    /// Header fields in order, names lower-cased.
    package var fields: [(name: String, value: String)]

    package init(method: String, target: String, version: String, fields: [(name: String, value: String)]) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version
            && a.fields.elementsEqual(b.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The target's path, still percent-encoded.
    package var path: String { String(target.prefix { $0 != "?" }) }

    /// The target's query without its `?` (empty when there is none).
    package var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// The first field named `name` (any case).
    package func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name == lower }?.value
    }

    /// Whether the connection may carry another request after this one: HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`; never after a request that announced a body, which is not read.
    package var keepsAlive: Bool {
        if header("content-length").map({ $0 != "0" }) == true || header("transfer-encoding") != nil { return false }
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return !tokens.contains("close")
    }
}
