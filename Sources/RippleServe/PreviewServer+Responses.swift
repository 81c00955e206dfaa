import Foundation

extension PreviewServer {
    /// What one request gets: a refusal for a name this machine does not answer to, the events stream, a file,
    /// a redirect, or the 404 page.
    static func respond(to request: HTTPRequestHead, resolver: StaticFileResolver, status: StatusBroadcaster,
                        liveReload: Bool, hosts: HostAllowList) async -> PreviewResponse {
        let isHead = request.method == "HEAD"
        guard let host = request.header("host") ?? (request.version == "HTTP/1.0" ? "localhost" : nil) else {
            return .plain(400, "Malformed request: no Host header.\n", closesConnection: true)
        }
        // Before anything is read from the site, the events stream included.
        guard hosts.allows(host) else { return hosts.refusal }
        guard request.method == "GET" || isHead else {
            var response = PreviewResponse.plain(405, "Only GET and HEAD are supported.\n")
            response["Allow"] = "GET, HEAD"
            return response
        }
        let path = request.path
        if liveReload && path == LiveReloadInjector.eventsPath {
            var response = PreviewResponse(status: 200, fields: [
                ("Content-Type", "text/event-stream; charset=utf-8"),
                ("Cache-Control", "no-cache"),
                ("X-Accel-Buffering", "no"),
            ])
            if isHead {
                response["Content-Length"] = "0"
            } else {
                response.body = EventStreamBody.make(statuses: await status.subscribe())
            }
            return response
        }
        switch resolver.resolve(path, query: request.query) {
        case .redirect(let location):
            var response = PreviewResponse.plain(301, "Moved to \(location)\n")
            response["Location"] = location
            return response
        case .refused:
            return .plain(403, "This address is not part of the site.\n")
        case .notFound:
            if let page = resolver.notFoundPage, let bytes = resolver.contents(of: page) {
                return body(liveReload ? LiveReloadInjector.inject(into: bytes) : bytes,
                            status: 404, contentType: "text/html; charset=utf-8")
            }
            let fallback = Array("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body><h1>Page not found</h1>\n<p>There is no page at this address.</p>\n</body></html>\n".utf8)
            return body(liveReload ? LiveReloadInjector.inject(into: fallback) : fallback,
                        status: 404, contentType: "text/html; charset=utf-8")
        case .file(let url, let contentType):
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  let size = (attributes[.size] as? NSNumber)?.intValue,
                  let modified = attributes[.modificationDate] as? Date else {
                return .plain(404, "Not found.\n")
            }
            let isHTML = contentType.hasPrefix("text/html")
            // The tag names the served bytes: an injected page differs from the file on disk.
            var etag = StaticFileResolver.etag(size: size, modified: modified)
            if isHTML && liveReload { etag.insert(contentsOf: "lr-", at: etag.index(after: etag.startIndex)) }
            if StaticFileResolver.ifNoneMatch(request.header("if-none-match"), matches: etag) {
                return PreviewResponse(status: 304, fields: [("ETag", etag), ("Cache-Control", "no-cache")])
            }
            guard var bytes = resolver.contents(of: url) else {
                return .plain(404, "Not found.\n")
            }
            if isHTML && liveReload { bytes = LiveReloadInjector.inject(into: bytes) }
            var response = body(bytes, status: 200, contentType: contentType)
            response["ETag"] = etag
            return response
        }
    }

    /// A response with `bytes` as its body (for HEAD, the server sends only their length).
    static func body(_ bytes: [UInt8], status: Int, contentType: String) -> PreviewResponse {
        PreviewResponse(status: status, fields: [
            ("Content-Type", contentType),
            ("Cache-Control", "no-cache"),
            ("X-Content-Type-Options", "nosniff"),
            ("Content-Length", String(bytes.count)),
        ], body: .bytes(bytes))
    }
}
