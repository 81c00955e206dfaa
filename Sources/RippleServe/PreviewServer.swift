import FlyingSocks
import Foundation
import RippleCore

/// Serves the built site over HTTP, with the live-reload script in HTML pages and the build status as
/// Server-Sent Events on `/__ripple/events`.
///
/// `HTTPConnectionServer` reads requests (with size and time limits) and writes responses; this type decides
/// what each request gets, and answers only to this machine's names (`HostAllowList`).
package actor PreviewServer {
    /// The address to listen on: an IPv4 or IPv6 literal, or `localhost`.
    package let host: String
    /// The port asked for; 0 picks a free one (see `start()`'s result).
    package let requestedPort: UInt16
    private let resolver: StaticFileResolver
    private let status: StatusBroadcaster
    private let liveReload: Bool
    private let limits: HTTPConnectionServer.Limits
    private var server: HTTPConnectionServer?

    /// Creates a server for the files under `root`; `liveReload: false` serves pages unchanged.
    package init(root: URL, host: String = "127.0.0.1", port: UInt16, status: StatusBroadcaster, liveReload: Bool = true) {
        self.init(root: root, host: host, port: port, status: status, liveReload: liveReload, limits: .init())
    }

    init(root: URL, host: String = "127.0.0.1", port: UInt16, status: StatusBroadcaster, liveReload: Bool = true,
         limits: HTTPConnectionServer.Limits) {
        self.host = host
        self.requestedPort = port
        self.resolver = StaticFileResolver(root: root)
        self.status = status
        self.liveReload = liveReload
        self.limits = limits
    }

    /// Binds and starts serving; returns the port actually bound. A port that is taken, or a host that
    /// is not an address of this machine, is a diagnostic.
    package func start() async throws(DiagnosticError) -> UInt16 {
        let address = try Self.socketAddress(host: host, port: requestedPort)
        let resolver = self.resolver, status = self.status, liveReload = self.liveReload
        let hosts = HostAllowList(listenHost: host)
        do {
            let server = try await HTTPConnectionServer(address: address, limits: limits) { request in
                await Self.respond(to: request, resolver: resolver, status: status, liveReload: liveReload, hosts: hosts)
            }
            self.server = server
            return server.port ?? requestedPort
        } catch {
            throw Self.diagnostic(for: error, host: host, port: requestedPort)
        }
    }

    /// Closes the event streams and the listener, and waits for the connections to finish.
    package func stop() async {
        await status.close()
        guard let server else { return }
        self.server = nil
        await server.stop()
    }

    static func socketAddress(host: String, port: UInt16) throws(DiagnosticError) -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if let address = try? sockaddr_in.inet(ip4: name, port: port) { return address }
        if let address = try? sockaddr_in6.inet6(ip6: name.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port) {
            return address
        }
        throw DiagnosticError(.error("'\(host)' is not an address this computer can listen on",
                                     hint: "use --host 127.0.0.1 (only this computer) or the IP address of one of its network interfaces"))
    }

    static func diagnostic(for error: any Error, host: String, port: UInt16) -> DiagnosticError {
        if case SocketError.failed(_, let code, _) = error, code == EADDRINUSE {
            let suggestion = port == UInt16.max ? 8081 : Int(port) + 1
            return DiagnosticError(.error("port \(port) is already in use",
                                          hint: "choose another with --port, e.g. --port \(suggestion)"))
        }
        if case SocketError.failed(_, let code, _) = error, code == EACCES {
            return DiagnosticError(.error("not allowed to listen on port \(port)",
                                          hint: "ports below 1024 need administrator rights; use e.g. --port 8080"))
        }
        if case SocketError.failed(_, let code, _) = error, code == EADDRNOTAVAIL {
            return DiagnosticError(.error("'\(host)' is not an address of this computer",
                                          hint: "use --host 127.0.0.1, or the IP address of one of its network interfaces"))
        }
        return DiagnosticError(.error("cannot start the preview server: \(error.localizedDescription)",
                                      hint: "try another port with --port, e.g. --port 8081"))
    }
}
