import Foundation

/// The `Host` header values the preview answers to. A web page on another site can point its own domain name at
/// 127.0.0.1 (DNS rebinding) and then read the preview as its own origin; its requests still carry that domain in
/// `Host`, so answering only to this machine's names stops it.
///
/// Listening on a loopback address (the default), the names are `localhost`, `127.0.0.1`, `[::1]` and that address.
/// With another `--host`, that address and this computer's name are accepted too, and with `0.0.0.0` or `::` (every interface)
/// any IP address: a page opened by IP address has that address as its origin, so it cannot be a rebinding.
/// Any port may follow a name (a forwarded port keeps the name).
package struct HostAllowList: Sendable {
    private let names: Set<String>
    private let anyAddress: Bool

    /// The list for a server listening on `listenHost`; `machineName` is this computer's host name.
    package init(listenHost: String, machineName: String = HostAllowList.machineName()) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let host = listenHost.lowercased()
        let wildcard = ["0.0.0.0", "::", "[::]"].contains(host)
        // The address itself (as a URL writes it), also when it is another loopback one (127.0.0.2).
        if !wildcard { names.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host) }
        if !Self.isLoopback(host) && !machineName.isEmpty {
            names.insert(machineName.lowercased())
            names.insert(machineName.lowercased() + ".local")
        }
        self.names = names
        self.anyAddress = wildcard
    }

    /// Whether `host` (a `Host` header value: a name or address, maybe with `:port`) is one of this machine's.
    package func allows(_ host: String) -> Bool {
        var name = host.lowercased()
        // Strip the port: after the bracket of an IPv6 literal, or after the only colon of a name.
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            let rest = name[name.index(after: close)...]
            guard rest.isEmpty || Self.isPort(rest) else { return false }
            name = String(name[...close])
        } else if let colon = name.firstIndex(of: ":") {
            guard Self.isPort(name[colon...]) else { return false }
            name = String(name[..<colon])
        }
        if names.contains(name) { return true }
        return anyAddress && Self.isAddressLiteral(name)
    }

    /// The refusal: 421 (the request reached a server that does not serve that name), plain text.
    package var refusal: PreviewResponse {
        .plain(421, "This preview answers only to \(names.sorted().joined(separator: ", "))\(anyAddress ? " and IP addresses" : "").\n")
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// `:` followed by 1–5 digits.
    private static func isPort(_ text: Substring) -> Bool {
        text.first == ":" && (2...6).contains(text.count) && text.dropFirst().allSatisfy(\.isASCII) && text.dropFirst().allSatisfy(\.isNumber)
    }

    private static func isAddressLiteral(_ name: String) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") {
            var address = in6_addr()
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &address) == 1
        }
        var address = in_addr()
        return inet_pton(AF_INET, name, &address) == 1
    }

    /// This computer's host name (`gethostname`), without asking DNS.
    package static func machineName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
