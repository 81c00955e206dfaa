import RippleCore

/// The state of the served site after the latest build, as the browser is told about it.
package enum BuildStatus: Equatable, Sendable {
    /// The latest build succeeded; `version` changes with every successful build. `only` lists the output
    /// pages (relative paths) that changed, when the build changed nothing else: other pages need no reload.
    case succeeded(version: String, only: [String]? = nil)
    /// The latest build failed with these diagnostics; the last good site is still served.
    case failed(version: String, diagnostics: [Diagnostic])

    /// Identifies the build, so a page can tell a new site from the one it shows.
    package var version: String {
        switch self {
        case .succeeded(let version, _), .failed(let version, _): version
        }
    }

    /// The JSON the live-reload script reads: `{"state": "ok"|"failed", "version": …, "only": […], "report": {…}}`,
    /// the report being `ripple check --format json`'s.
    package var json: String {
        var w = JSONWriter()
        w.object(nil, inline: true) { w in
            switch self {
            case .succeeded(let version, let only):
                w.string("state", "ok")
                w.string("version", version)
                if let only { w.array("only") { w in for page in only { w.string(nil, page) } } }
            case .failed(let version, let diagnostics):
                w.string("state", "failed")
                w.string("version", version)
                w.raw("report", DiagnosticJSON.encode(diagnostics))
            }
        }
        return w.text
    }

    /// The status as one Server-Sent Event named `status` (each JSON line its own `data:` line).
    package var serverSentEvent: String {
        var text = "event: status\n"
        for line in json.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }
}
