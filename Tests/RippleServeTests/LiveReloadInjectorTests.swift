import Testing
@testable import RippleServe

@Suite struct LiveReloadInjectorTests {
    func inject(_ html: String) -> String {
        String(decoding: LiveReloadInjector.inject(into: Array(html.utf8)), as: UTF8.self)
    }

    @Test func insertsBeforeTheLastClosingBody() {
        let out = inject("<html><body><p>x</p></body></html>")
        #expect(out == "<html><body><p>x</p>" + LiveReloadInjector.scriptTag + "</body></html>")
    }

    @Test func matchesAnyCaseAndTheLastOccurrence() {
        let out = inject("<BODY><pre>&lt;/body&gt; </body> in text</pre></BODY>\n")
        #expect(out.hasSuffix(LiveReloadInjector.scriptTag + "</BODY>\n"))
        #expect(out.hasPrefix("<BODY><pre>&lt;/body&gt; </body> in text</pre>"))
    }

    @Test func appendsWhenThereIsNoBody() {
        #expect(inject("<p>fragment") == "<p>fragment" + LiveReloadInjector.scriptTag)
        #expect(inject("") == LiveReloadInjector.scriptTag)
    }

    @Test func scriptListensToTheEventsEndpointAndNeverUsesInnerHTML() {
        let script = LiveReloadInjector.scriptTag
        #expect(script.contains("new EventSource(\"/__ripple/events\")"))
        #expect(script.contains("role\", \"alertdialog\""))
        #expect(script.contains("sessionStorage.setItem(KEY, String(window.scrollY))"))
        #expect(!script.contains("innerHTML"))
        #expect(!script.contains("</script", range: script.index(script.startIndex, offsetBy: 8)..<script.index(script.endIndex, offsetBy: -10)))
    }
}

private extension String {
    func contains(_ other: String, range: Range<String.Index>) -> Bool { self[range].contains(other) }
}
