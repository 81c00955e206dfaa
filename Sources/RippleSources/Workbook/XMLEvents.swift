import Foundation

/// Reads one workbook part with `XMLScanner` and hands its events to closures: elements by local name
/// (so `x:c` and `c` read alike), attributes by local name, text. External entities and DTDs are
/// never read.
final class XMLEvents {
    /// An element opened: its local name and attributes.
    var start: (String, XMLScanner.Attributes) -> Void = { _, _ in }
    /// An element closed.
    var end: (String) -> Void = { _ in }
    /// Text inside the current element (possibly in several pieces).
    var text: (String) -> Void = { _ in }

    /// Parses `data`; returns why and where when the XML is not well-formed.
    func parse(_ data: Data) -> String? {
        data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            do throws(XMLScanner.Failure) {
                try scanner.scan(start: start, end: end, text: text)
                return nil
            } catch {
                return "\(error.message) (line \(error.line))"
            }
        }
    }
}
