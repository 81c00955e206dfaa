import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's `XMLParser` over one workbook part and hands its events to closures, with
/// namespaces resolved (elements by local name, so `x:c` and `c` read alike) and external
/// entities never loaded.
final class XMLEvents: NSObject, XMLParserDelegate {
    /// An element opened: its local name and attributes (keys without prefix).
    var start: (String, [String: String]) -> Void = { _, _ in }
    /// An element closed.
    var end: (String) -> Void = { _ in }
    /// Text inside the current element.
    var text: (String) -> Void = { _ in }

    /// Parses `data`; returns the parser's error description when the XML is not well formed.
    func parse(_ data: Data) -> String? {
        // From a stream, not `XMLParser(data:)`: on Linux that hands libxml2 the whole part at once, which
        // fails past about 10 MB (swift-corelibs-foundation#4851); a stream is parsed in chunks.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        guard parser.parse() else {
            return parser.parserError.map { "\($0.localizedDescription) (line \(parser.lineNumber))" } ?? "line \(parser.lineNumber)"
        }
        return nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var attributes = attributeDict
        for (key, value) in attributeDict {
            if let colon = key.lastIndex(of: ":") { attributes[String(key[key.index(after: colon)...])] = value }
        }
        start(elementName, attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        end(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }
}
