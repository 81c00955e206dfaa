import FlyingFox
import Foundation

extension PreviewServer {
    /// What one request gets: the events stream, a file, a redirect, or the 404 page.
    static func respond(to request: HTTPRequest, resolver: StaticFileResolver, status: StatusBroadcaster,
                        liveReload: Bool) async -> HTTPResponse {
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return plain(.methodNotAllowed, "Only GET and HEAD are supported.\n", head: false,
                         extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let path = request.target.path(percentEncoded: true)
        if liveReload && path == LiveReloadInjector.eventsPath {
            var response = HTTPResponse(statusCode: .ok, headers: HTTPHeaders([
                .contentType: "text/event-stream; charset=utf-8",
                .cacheControl: "no-cache",
                HTTPHeader("X-Accel-Buffering"): "no",
            ]), body: isHead ? HTTPBodySequence() : HTTPBodySequence(from: EventStreamBody(statuses: await status.subscribe())))
            if isHead { response.headers[.contentLength] = "0" }
            return response
        }
        switch resolver.resolve(path, query: request.target.query(percentEncoded: true)) {
        case .redirect(let location):
            var response = plain(.movedPermanently, "Moved to \(location)\n", head: isHead)
            response.headers[.location] = location
            return response
        case .refused:
            return plain(.forbidden, "This address is not part of the site.\n", head: isHead)
        case .notFound:
            if let page = resolver.notFoundPage, let bytes = try? [UInt8](Data(contentsOf: page)) {
                return body(liveReload ? LiveReloadInjector.inject(into: bytes) : bytes,
                            status: .notFound, contentType: "text/html; charset=utf-8", head: isHead)
            }
            let fallback = Array("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body><h1>Page not found</h1>\n<p>There is no page at this address.</p>\n</body></html>\n".utf8)
            return body(liveReload ? LiveReloadInjector.inject(into: fallback) : fallback,
                        status: .notFound, contentType: "text/html; charset=utf-8", head: isHead)
        case .file(let url, let contentType):
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  let size = (attributes[.size] as? NSNumber)?.intValue,
                  let modified = attributes[.modificationDate] as? Date else {
                return plain(.notFound, "Not found.\n", head: isHead)
            }
            let isHTML = contentType.hasPrefix("text/html")
            // The tag names the served bytes: an injected page differs from the file on disk.
            var etag = StaticFileResolver.etag(size: size, modified: modified)
            if isHTML && liveReload { etag.insert(contentsOf: "lr-", at: etag.index(after: etag.startIndex)) }
            if StaticFileResolver.ifNoneMatch(request.headers[.ifNoneMatch], matches: etag) {
                return HTTPResponse(statusCode: .notModified, headers: HTTPHeaders([.eTag: etag, .cacheControl: "no-cache"]))
            }
            guard var bytes = try? [UInt8](Data(contentsOf: url)) else {
                return plain(.notFound, "Not found.\n", head: isHead)
            }
            if isHTML && liveReload { bytes = LiveReloadInjector.inject(into: bytes) }
            var response = body(bytes, status: .ok, contentType: contentType, head: isHead)
            response.headers[.eTag] = etag
            return response
        }
    }

    /// A response with `bytes` as its body (or, for HEAD, only their length).
    static func body(_ bytes: [UInt8], status: HTTPStatusCode, contentType: String, head: Bool) -> HTTPResponse {
        var response = HTTPResponse(statusCode: status, headers: HTTPHeaders([
            .contentType: contentType,
            .cacheControl: "no-cache",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]), body: head ? Data() : Data(bytes))
        if head { response.headers[.contentLength] = String(bytes.count) }
        return response
    }

    static func plain(_ status: HTTPStatusCode, _ text: String, head: Bool, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var response = body(Array(text.utf8), status: status, contentType: "text/plain; charset=utf-8", head: head)
        for (header, value) in extra { response.headers[header] = value }
        return response
    }
}
