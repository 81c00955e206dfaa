/// Gives every inline `<svg>` of a page its own copy of the chart styles before the page goes to the PDF engine.
///
/// Debian's WeasyPrint (57.2, the engine the README installs) draws an inline SVG as a separate image: the page's
/// stylesheets do not reach inside it, so chart text falls back to 16 px and long bar labels run past the left
/// edge of the chart ("erage session rating"). A `<style>` inside the `<svg>` does reach it. Browsers and newer
/// WeasyPrint apply the page's stylesheets as well, so the copy changes nothing there.
package enum PrintChartStyle {
    /// Theme asset holding the chart styles for paper (plain colours: custom properties do not resolve in there).
    package static let assetPath = "assets/css/chart-print.css"

    /// `html` with `<style>css</style>` as the first child of every `<svg>` element.
    package static func embedding(_ css: String, in html: String) -> String {
        guard !css.isEmpty, html.contains("<svg") else { return html }
        // Inside `<svg>` a `<style>` is not raw text: its content is parsed as markup, so `<` and `&` are escaped.
        let style = "<style>" + css.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;") + "</style>"
        return HTMLRewriter.rewrite(html) { tag in
            guard tag.name == "svg", !tag.isEnd, !tag.selfClosing else { return .keep }
            return .replace(tag.serialized + style)
        }
    }
}

extension SiteModel {
    /// The theme's chart styles for paper (`PrintChartStyle.assetPath`), empty when the theme has none.
    package var printChartCSS: String {
        themeAssets[PrintChartStyle.assetPath].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
