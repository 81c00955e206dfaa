import RippleMetrics

/// A table of a quarterly report, shown as HTML and downloadable as `reports/<quarter>/<id>.csv`.
///
/// CSV cells hold plain numbers as in metrics.json (shares as fractions 0–1, hours with one decimal);
/// a figure hidden for privacy is written `fewer than N`, exactly as on the page, and a figure with
/// nothing to measure is left empty. No cell the page hides is ever written as a number.
package struct ReportTable: Sendable, Hashable {
    /// File stem of the CSV and the HTML id (`summary`, `by-department`).
    package var id: String
    /// Caption.
    package var title: String
    /// Column headings; the first column holds row headings.
    package var columns: [String]
    /// Rows of cells, aligned with `columns`.
    package var rows: [[Cell]]

    /// One cell: what the page shows and what the CSV holds.
    package struct Cell: Sendable, Hashable {
        /// Text on the page.
        package var text: String
        /// Text in the CSV file.
        package var csv: String
        /// Hidden for privacy (styled with the hatch on the page).
        package var isSuppressed: Bool
        /// Extra class for the page (`target-met`, `change-up`).
        package var style: String

        /// A cell whose page and CSV text are the same.
        package init(_ text: String, csv: String? = nil, isSuppressed: Bool = false, style: String = "") {
            self.text = text; self.csv = csv ?? text; self.isSuppressed = isSuppressed; self.style = style
        }

        /// A metric value: formatted on the page, the raw number in the CSV.
        package static func value(_ value: MetricValue, shown: String) -> Cell {
            switch value {
            case .number(let number): return Cell(shown, csv: ReportCSV.number(number))
            case .suppressed: return Cell(shown, isSuppressed: true)
            case .unavailable: return Cell(shown, csv: "")
            }
        }
    }

    /// Creates a table.
    package init(id: String, title: String, columns: [String], rows: [[Cell]]) {
        self.id = id; self.title = title; self.columns = columns; self.rows = rows
    }

    /// The CSV file (RFC 4180, CRLF line ends, header row first).
    package var csv: String {
        var lines = [columns.map(ReportCSV.field).joined(separator: ",")]
        lines += rows.map { $0.map { ReportCSV.field($0.csv) }.joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// CSV text helpers for report downloads.
enum ReportCSV {
    /// A field, quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-`, `@`, tab, carriage
    /// return or line feed (spreadsheets skip the last three and then read a formula) is prefixed with `'`
    /// so spreadsheets do not run it as a formula, unless the field is a number.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        // Scalars, not Characters: "\r\n" is one Character that equals neither "\r" nor "\n".
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number without a trailing `.0` and at most three decimals.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
