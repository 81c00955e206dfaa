import Testing
@testable import RippleRender

@Suite struct MainContentTests {
    @Test func theInsideOfMainWithoutItsNavigation() {
        let page = "<header><nav>Home</nav></header><main class=\"page\"><h1>T</h1><nav class=tabs><a>1</a><nav>in</nav></nav>"
            + "<p>Body</p><NAV>x</NAV></main><footer>f</footer>"
        #expect(MainContent.of(page) == "<h1>T</h1><p>Body</p>")
    }

    @Test func thePageWhenThereIsNoMain() {
        #expect(MainContent.of("<p>a</p><nav>n</nav>") == "<p>a</p><nav>n</nav>")
        #expect(MainContent.of("<main><p>open") == "<main><p>open")
        #expect(MainContent.of("</main><main>") == "</main><main>")
    }

    @Test func tagsInCommentsScriptsAndAttributesDoNotCount() {
        let page = "<!-- <main> --><main title=\"<nav>\"><script>'</main>'</script>a<nav>b</nav><!-- </main> -->c</main>d"
        #expect(MainContent.of(page) == "<script>'</main>'</script>a<!-- </main> -->c")
    }

    @Test func lastMainEndTagAndUnclosedNavigation() {
        #expect(MainContent.of("<main>a</main>b</main>") == "a</main>b")
        #expect(MainContent.of("<main>a<nav>b</main>") == "a<nav>b")
    }
}
