import RippleCore
import Foundation
import RippleRender

/// Receives what `PageScan` finds in a page, in document order.
protocol PageScanVisitor {
    /// Whether link texts are wanted at all (tracking them costs a copy of every byte inside `<a>`).
    var collectsText: Bool { get }
    /// Whether the text of link number `ordinal` is wanted.
    func wantsText(_ ordinal: Int) -> Bool
    /// An `id` (or `<a name>`), entity-decoded.
    mutating func id(_ value: String)
    /// Link number `ordinal` (0-based, in the order `LinkScanner.scanHTML` lists them); its line is the line of
    /// byte `lineOffset` plus `extraLines`.
    mutating func link(_ url: String, ordinal: Int, lineOffset: Int, extraLines: Int)
    /// The text of link number `ordinal`, as `LinkScanner.scanHTML` computes it.
    mutating func text(_ text: String, ordinal: Int)
}

/// The byte scanner behind the link check: finds exactly the ids and links `LinkScanner.scanHTML` finds (same
/// tag and attribute rules as `HTMLTag.parse`), but decodes only the attributes that matter and skips
/// everything else at `memchr` speed.
enum PageScan {
    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let equals = UInt8(ascii: "="), bang = UInt8(ascii: "!"), question = UInt8(ascii: "?")
    private static let dash = UInt8(ascii: "-"), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")

    fileprivate enum TagKind { case a, object, script, style, textarea, title, other }
    private enum Attribute { case id, name, srcset, data, style, url, href, other }

    /// Scans `bytes`, reporting to `visitor`.
    static func scan<V: PageScanVisitor>(_ bytes: UnsafeBufferPointer<UInt8>, into visitor: inout V) {
        let n = bytes.count
        let collects = visitor.collectsText
        var i = 0
        var ordinal = 0
        var openLink: Int?
        var text: [UInt8] = []
        var tagLinks: [(ordinal: Int, url: String)] = []
        while i < n {
            let next = find(lt, in: bytes, from: i)
            if collects, openLink != nil { text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<next])) }
            i = next
            guard i < n else { break }
            let tagStart = i
            // Comments, doctypes and processing instructions.
            i += 1
            guard i < n else {
                if collects, openLink != nil { text.append(lt) }
                break
            }
            if bytes[i] == bang || bytes[i] == question {
                let isComment = i + 2 < n && bytes[i + 1] == dash && bytes[i + 2] == dash
                if isComment {
                    var j = i
                    while true {
                        j = find(dash, in: bytes, from: j)
                        if j + 3 > n { j = n; break }
                        if bytes[j + 1] == dash && bytes[j + 2] == gt { break }
                        j += 1
                    }
                    i = min(n, j + 3)
                } else {
                    i = min(n, find(gt, in: bytes, from: i) + 1)
                }
                continue
            }
            var closing = false
            if bytes[i] == slash { closing = true; i += 1 }
            let nameStart = i
            while i < n, isNameByte(bytes[i]) { i += 1 }
            guard i > nameStart, isLetter(bytes[nameStart]) else {
                if collects, openLink != nil { text.append(lt) }
                i = tagStart + 1
                continue
            }
            let kind = tagKind(bytes, nameStart..<i)
            var selfClosing = false
            var href: String?
            tagLinks.removeAll(keepingCapacity: true)
            while i < n {
                while i < n, isSpace(bytes[i]) { i += 1 }
                guard i < n else { break }
                if bytes[i] == gt { i += 1; break }
                if bytes[i] == slash { selfClosing = true; i += 1; continue }
                let attrStart = i
                while i < n, !isSpace(bytes[i]), bytes[i] != equals, bytes[i] != gt,
                      !(bytes[i] == slash && i + 1 < n && bytes[i + 1] == gt) { i += 1 }
                let attrEnd = i
                if i == attrStart { i += 1; continue }
                while i < n, isSpace(bytes[i]) { i += 1 }
                var value = i..<i
                if i < n, bytes[i] == equals {
                    i += 1
                    while i < n, isSpace(bytes[i]) { i += 1 }
                    if i < n, bytes[i] == dquote || bytes[i] == squote {
                        let quote = bytes[i]
                        let valueStart = i + 1
                        i = find(quote, in: bytes, from: valueStart)
                        value = valueStart..<i
                        i = min(i + 1, n)
                    } else {
                        let valueStart = i
                        while i < n, !isSpace(bytes[i]), bytes[i] != gt { i += 1 }
                        value = valueStart..<i
                    }
                }
                guard !closing else { continue }
                let attribute = attributeKind(bytes, attrStart..<attrEnd)
                func emit(_ url: String, lineOffset: Int = tagStart, extraLines: Int = 0) {
                    visitor.link(url, ordinal: ordinal, lineOffset: lineOffset, extraLines: extraLines)
                    if collects, kind == .a { tagLinks.append((ordinal, url)) }
                    ordinal += 1
                }
                switch attribute {
                case .other: continue
                case .id: visitor.id(decode(bytes, value))
                case .name: if kind == .a { visitor.id(decode(bytes, value)) }
                case .srcset:
                    for candidate in decode(bytes, value).split(separator: ",") {
                        if let url = candidate.split(whereSeparator: \.isWhitespace).first { emit(String(url)) }
                    }
                case .data: if kind == .object { emit(decode(bytes, value)) }
                case .style:
                    for found in LinkScanner.cssURLs(Array(decode(bytes, value).utf8)) { emit(found.url) }
                case .url: emit(decode(bytes, value))
                case .href:
                    let url = decode(bytes, value)
                    if collects, kind == .a, href == nil { href = url }
                    emit(url)
                }
            }
            if closing {
                if collects, kind == .a, let index = openLink {
                    if visitor.wantsText(index) {
                        let decoded = text.withUnsafeBufferPointer { Entity.decodeAll(ArraySlice($0)) }
                        visitor.text(decoded.split(whereSeparator: \.isWhitespace).joined(separator: " "), ordinal: index)
                    }
                    openLink = nil
                    text.removeAll(keepingCapacity: true)
                }
                continue
            }
            if collects, kind == .a, !selfClosing, let href {
                openLink = tagLinks.first { $0.url == href }?.ordinal
            }
            switch kind {
            case .script, .style, .textarea, .title:
                guard !selfClosing else { continue }
                let end = findClosing(bytes, nameStart..<(nameStart + kind.nameLength), from: i)
                if kind == .style {
                    for found in LinkScanner.cssURLs(Array(UnsafeBufferPointer(rebasing: bytes[i..<end]))) {
                        visitor.link(found.url, ordinal: ordinal, lineOffset: i, extraLines: found.line - 1)
                        ordinal += 1
                    }
                }
                i = end
            default: continue
            }
        }
    }

    /// The first `byte` at or after `start`, or `bytes.count`.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        guard let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where `</name` starts (compared as `LinkScanner` does, each byte `| 0x20`), or `bytes.count`.
    private static func findClosing(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, from start: Int) -> Int {
        let length = name.count + 2
        var i = start
        while i + length <= bytes.count {
            if bytes[i] | 0x20 == lt, bytes[i + 1] | 0x20 == slash {
                var k = 0
                while k < name.count, bytes[i + 2 + k] | 0x20 == bytes[name.lowerBound + k] | 0x20 { k += 1 }
                if k == name.count { return i }
            }
            i += 1
        }
        return bytes.count
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if memchr(slice.baseAddress ?? bytes.baseAddress!, Int32(UInt8(ascii: "&")), slice.count) == nil {
            return String(decoding: slice, as: UTF8.self)
        }
        return Entity.decodeAll(ArraySlice(slice))
    }

    private static func tagKind(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> TagKind {
        switch name.count {
        case 1: return bytes[name.lowerBound] | 0x20 == UInt8(ascii: "a") ? .a : .other
        case 5:
            if equalsLowercased(bytes, name, "style") { return .style }
            if equalsLowercased(bytes, name, "title") { return .title }
        case 6:
            if equalsLowercased(bytes, name, "object") { return .object }
            if equalsLowercased(bytes, name, "script") { return .script }
        case 8: if equalsLowercased(bytes, name, "textarea") { return .textarea }
        default: break
        }
        return .other
    }

    private static func attributeKind(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Attribute {
        for k in name where bytes[k] >= 0x80 {
            // Unicode lower-casing and equivalence can turn odd names into ours (the Kelvin sign into `k`).
            return attributeKind(String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self).lowercased())
        }
        switch name.count {
        case 2: return equalsLowercased(bytes, name, "id") ? .id : .other
        case 3: return equalsLowercased(bytes, name, "src") ? .url : .other
        case 4:
            if equalsLowercased(bytes, name, "href") { return .href }
            if equalsLowercased(bytes, name, "name") { return .name }
            if equalsLowercased(bytes, name, "data") { return .data }
        case 5: return equalsLowercased(bytes, name, "style") ? .style : .other
        case 6:
            if equalsLowercased(bytes, name, "srcset") { return .srcset }
            if equalsLowercased(bytes, name, "poster") { return .url }
        case 10: return equalsLowercased(bytes, name, "xlink:href") ? .url : .other
        default: break
        }
        return .other
    }

    private static func attributeKind(_ name: String) -> Attribute {
        switch name {
        case "id": .id
        case "name": .name
        case "srcset": .srcset
        case "data": .data
        case "style": .style
        case "href": .href
        case "src", "poster", "xlink:href": .url
        default: .other
        }
    }

    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for k in 0..<range.count {
            let b = bytes[range.lowerBound + k]
            let lower = b >= 65 && b <= 90 ? b | 0x20 : b
            if lower != pointer[k] { return false }
        }
        return true
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 48 && b <= 57) || b == dash || b == UInt8(ascii: ":") }
    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
}

extension PageScan.TagKind {
    var nameLength: Int {
        switch self {
        case .a: 1
        case .style, .title: 5
        case .object, .script: 6
        case .textarea: 8
        case .other: 0
        }
    }
}
