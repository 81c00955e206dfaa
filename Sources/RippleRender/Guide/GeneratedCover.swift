/// A cover drawn from the guide's title, author and organisation, for guides without a cover image.
package enum GeneratedCover {
    /// An SVG image (600 × 900) with the title set in large type over calm concentric "ripples".
    package static func svg(title: String, author: String, organisation: String) -> String {
        let e = XHTML.escape
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 600 900" width="600" height="900">
              <title>\(e(title))</title>
              <rect width="600" height="900" fill="#0b4f5c"/>
              <g fill="none" stroke="#5fb3b3" stroke-opacity="0.35" stroke-width="3">
                <circle cx="470" cy="760" r="60"/>
                <circle cx="470" cy="760" r="120"/>
                <circle cx="470" cy="760" r="190"/>
                <circle cx="470" cy="760" r="270"/>
              </g>
              <rect x="60" y="120" width="80" height="6" fill="#f2c14e"/>

            """
        var y = 220
        for line in wrap(title, width: 16).prefix(5) {
            text += "  <text x=\"60\" y=\"\(y)\" fill=\"#ffffff\" font-family=\"Georgia, 'DejaVu Serif', serif\" font-size=\"58\" font-weight=\"bold\">\(e(line))</text>\n"
            y += 70
        }
        y += 30
        for line in wrap(author, width: 30).prefix(2) where !line.isEmpty {
            text += "  <text x=\"60\" y=\"\(y)\" fill=\"#e6f2f2\" font-family=\"'DejaVu Sans', Arial, sans-serif\" font-size=\"28\">\(e(line))</text>\n"
            y += 38
        }
        if !organisation.isEmpty {
            text += "  <text x=\"60\" y=\"840\" fill=\"#e6f2f2\" font-family=\"'DejaVu Sans', Arial, sans-serif\" font-size=\"24\" letter-spacing=\"2\">\(e(organisation.uppercased()))</text>\n"
        }
        return text + "</svg>\n"
    }

    /// Greedy word wrap at `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
