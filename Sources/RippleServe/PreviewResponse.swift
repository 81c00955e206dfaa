/// One HTTP response of the preview server: a status, header fields, and either bytes or an endless stream
/// (the live-reload events), which is sent until it ends and then closes the connection.
package struct PreviewResponse: Sendable {
    /// The body.
    package enum Body: Sendable {
        /// A complete body; its length is sent as `Content-Length` unless a field says otherwise (HEAD).
        case bytes([UInt8])
        /// Chunks sent as they come; the connection closes when the stream ends. The server finishes the
        /// continuation when the connection ends first, so that whatever feeds the stream stops.
        case stream(AsyncStream<[UInt8]>, AsyncStream<[UInt8]>.Continuation)
    }

    package var status: Int
    /// Header fields in the order they are sent.
    package var fields: [(name: String, value: String)]
    package var body: Body
    /// Closes the connection after this response even when the client would keep it.
    package var closesConnection = false

    package init(status: Int, fields: [(name: String, value: String)] = [], body: Body = .bytes([]), closesConnection: Bool = false) {
        self.status = status
        self.fields = fields
        self.body = body
        self.closesConnection = closesConnection
    }

    /// A short plain-text response (errors, redirects).
    package static func plain(_ status: Int, _ text: String, closesConnection: Bool = false) -> PreviewResponse {
        let bytes = Array(text.utf8)
        return PreviewResponse(status: status, fields: [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Cache-Control", "no-cache"),
            ("X-Content-Type-Options", "nosniff"),
            ("Content-Length", String(bytes.count)),
        ], body: .bytes(bytes), closesConnection: closesConnection)
    }

    /// The first field named `name` (any case); setting replaces it, or adds it at the end.
    package subscript(name: String) -> String? {
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        set {
            let index = fields.firstIndex { $0.name.lowercased() == name.lowercased() }
            switch (index, newValue) {
            case (let index?, let value?): fields[index].value = value
            case (let index?, nil): fields.remove(at: index)
            case (nil, let value?): fields.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// The response to a HEAD request: the same header fields (with the body's length), no body.
    package func withoutBody() -> PreviewResponse {
        var response = self
        if case .bytes(let bytes) = body, allowsBody, self["Content-Length"] == nil { response["Content-Length"] = String(bytes.count) }
        if case .stream(_, let producer) = body { producer.finish() }
        response.body = .bytes([])
        return response
    }

    /// Whether the response can have a body at all (RFC 9110 §6.4.1).
    private var allowsBody: Bool { status >= 200 && status != 204 && status != 304 }

    /// The status line and header fields, with `Content-Length` and `Connection` as the body and `keepAlive` need.
    package func encodedHead(keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for (name, value) in fields { text += "\(name): \(value)\r\n" }
        if case .bytes(let bytes) = body, allowsBody, self["Content-Length"] == nil {
            text += "Content-Length: \(bytes.count)\r\n"
        }
        text += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n"
        return Array((text + "\r\n").utf8)
    }

    /// Reason phrases of the statuses the preview sends.
    static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 421: "Misdirected Request"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }
}
