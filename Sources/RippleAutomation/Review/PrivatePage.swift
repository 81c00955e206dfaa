import RippleCore

/// One self-contained HTML page for the program team (styles inline, no script, nothing fetched), under a
/// "contains personal data" banner. Every text is escaped here, so callers pass plain text.
package struct PrivatePage: Sendable {
    /// A table of the page: heading, a sentence saying what it lists, column names and rows of plain text.
    package struct Section: Sendable {
        package var heading: String
        package var intro: String
        package var columns: [String]
        package var rows: [[String]]
        /// Creates a section.
        package init(heading: String, intro: String, columns: [String], rows: [[String]]) {
            self.heading = heading; self.intro = intro; self.columns = columns; self.rows = rows
        }
    }

    /// The page title.
    package var title: String
    /// A line under the title (date, what the page is for).
    package var subtitle: String
    /// The tables.
    package var sections: [Section]

    /// Creates a page.
    package init(title: String, subtitle: String, sections: [Section]) {
        self.title = title; self.subtitle = subtitle; self.sections = sections
    }

    /// The page's HTML.
    package var html: String {
        var out = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>\(Escape.xml(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <p class="banner" role="alert"><strong>Contains personal data.</strong> For the program team only: do not publish, \
        forward or put on a shared drive. Delete it when the follow-up is done.</p>
        <main>
        <h1>\(Escape.xml(title))</h1>
        <p class="subtitle">\(Escape.xml(subtitle))</p>

        """
        if sections.count > 1 {
            out += "<nav><ul>"
            for (i, section) in sections.enumerated() {
                out += "<li><a href=\"#s\(i + 1)\">\(Escape.xml(section.heading))</a> <span class=\"count\">\(section.rows.count)</span></li>"
            }
            out += "</ul></nav>\n"
        }
        for (i, section) in sections.enumerated() {
            out += "<section id=\"s\(i + 1)\">\n<h2>\(Escape.xml(section.heading)) <span class=\"count\">\(section.rows.count)</span></h2>\n"
            out += "<p>\(Escape.xml(section.intro))</p>\n"
            guard !section.rows.isEmpty else { out += "<p class=\"none\">Nobody to list.</p>\n</section>\n"; continue }
            out += "<div class=\"scroll\"><table>\n<thead><tr>"
            for column in section.columns { out += "<th scope=\"col\">\(Escape.xml(column))</th>" }
            out += "</tr></thead>\n<tbody>\n"
            for row in section.rows {
                // The column name rides on each cell so that a phone can show rows as labelled cards.
                out += "<tr>" + zip(section.columns, row).map { column, cell in
                    "<td data-label=\"\(Escape.xml(column))\">\(Escape.xml(cell))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody></table></div>\n</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    private static let style = """
    :root{color-scheme:light dark;--fg:#1c2430;--muted:#5b6677;--bg:#fff;--line:#d9dee5;--band:#f4f6f9;--warn:#8a1c1c;--warnbg:#fdecea}
    @media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--muted:#a4adbb;--bg:#15191f;--line:#2f3742;--band:#1d232b;--warn:#ffb4ab;--warnbg:#3b1714}}
    *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
    .banner{margin:0;padding:.7rem 1.25rem;background:var(--warnbg);color:var(--warn);border-bottom:2px solid var(--warn)}
    main{max-width:80rem;margin:0 auto;padding:1rem 1.25rem 3rem}h1{margin:.5rem 0 0;font-size:1.6rem}
    .subtitle{color:var(--muted);margin-top:.25rem}nav ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
    nav a{display:inline-block;padding:.25rem .6rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;color:inherit}
    .count{display:inline-block;min-width:1.6em;padding:0 .4em;border-radius:999px;background:var(--band);color:var(--muted);font-size:.8em;text-align:center}
    h2{margin-top:2rem;font-size:1.2rem}.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th{background:var(--band);font-weight:600;white-space:nowrap}tbody tr:nth-child(even){background:var(--band)}.none{color:var(--muted)}
    @media (max-width:48rem){.scroll{overflow:visible}table,tbody,tr,td{display:block}thead{display:none}
    tr{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .75rem;padding:.35rem .75rem}
    td{display:grid;grid-template-columns:minmax(6.5rem,35%) 1fr;gap:.75rem;border:0;padding:.3rem 0}
    td::before{content:attr(data-label);font-weight:600;color:var(--muted)}}
    @media print{.banner{border:1px solid}nav{display:none}}
    """
}
