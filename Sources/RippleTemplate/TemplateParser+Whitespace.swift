/// The Mustache whitespace rules, applied to the token list before nodes are built:
///
/// - a non-interpolation tag alone on its line is *standalone*: the line's whitespace and line
///   end are dropped (a standalone partial or parent keeps the whitespace as indentation);
/// - a parent pair `{{<p}}…{{/p}}` whose start has only whitespace before it and whose end has
///   only whitespace after it is standalone as a pair;
/// - a block whose start tag ends its line has an *intrinsic indentation* (the next line's
///   leading whitespace) that is removed from each of its lines and added back where the block
///   is expanded (spec `~inheritance`, "Block reindentation").
extension TemplateParser {
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    // MARK: - Pass 1: matching tags and dedenting blocks

    mutating func matchAndDedent() {
        var stack: [Int] = []
        var dedents: [(indent: [UInt8], owner: Int)] = []
        var arguments = Set<Int>()

        for i in tokens.indices {
            switch tokens[i].kind {
            case .text:
                if !dedents.isEmpty, startsLine(i) {
                    for dedent in dedents { tokens[i].start = strip(dedent.indent, at: tokens[i].start, end: tokens[i].end) }
                }
            case .section, .inverted, .parent:
                stack.append(i)
            case .block:
                let isArgument = stack.last.map { tokens[$0].kind == .parent } ?? false
                stack.append(i)
                if isArgument { arguments.insert(i) }
                guard i + 1 < tokens.count, tokens[i + 1].kind == .text, isBlank(i + 1), endsLine(i + 1) else { break }
                if !isArgument, !onlyBlankBefore(i) { break }
                if isArgument { tokens[i + 1].removed = true }
                var intrinsic: [UInt8] = []
                if i + 2 < tokens.count, tokens[i + 2].kind == .text {
                    var start = tokens[i + 2].start
                    let end = tokens[i + 2].end
                    for dedent in dedents { start = strip(dedent.indent, at: start, end: end) }
                    while start < end, bytes[start] == Self.space || bytes[start] == Self.tab {
                        intrinsic.append(bytes[start])
                        start += 1
                    }
                }
                if !isArgument { tokens[i].blockLayout = .intrinsic(String(decoding: intrinsic, as: UTF8.self)) }
                if !intrinsic.isEmpty { dedents.append((intrinsic, i)) }
            case .close:
                let name = tokens[i].name
                if let top = stack.last, tokens[top].name == name {
                    pair(top, i)
                    stack.removeLast()
                } else if let k = stack.lastIndex(where: { tokens[$0].name == name }) {
                    for unclosed in stack[(k + 1)...] { reportUnclosed(unclosed) }
                    stack.removeSubrange((k + 1)...)
                    pair(stack[k], i)
                    stack.removeLast()
                } else if let top = stack.last {
                    reportMismatch(close: i, open: top)
                    stack.removeLast()
                } else {
                    reportStrayClose(i)
                }
                while let last = dedents.last, !stack.contains(last.owner) { dedents.removeLast() }
            default:
                break
            }
        }
        for unclosed in stack { reportUnclosed(unclosed) }
        argumentBlocks = arguments
    }

    private mutating func pair(_ open: Int, _ close: Int) {
        tokens[open].partner = close
        tokens[close].partner = open
    }

    // MARK: - Pass 2: standalone lines and pairs

    mutating func removeStandaloneLines() {
        let lines = self.lines()
        var lineOf = [Int](repeating: 0, count: tokens.count)
        for (number, line) in lines.enumerated() { for i in line { lineOf[i] = number } }

        for line in lines {
            var tag: Int?
            var tags = 0
            var blank = true
            for i in line where !tokens[i].removed {
                if tokens[i].kind == .text {
                    if !isBlank(i) { blank = false; break }
                } else {
                    tags += 1
                    tag = i
                }
            }
            guard blank, tags == 1, let tag, tokens[tag].kind.canStandAlone else { continue }
            tokens[tag].standalone = true
            tokens[tag].indentation = whitespace(in: line.lowerBound..<tag)
            for i in line where tokens[i].kind == .text { tokens[i].removed = true }
        }

        for i in tokens.indices {
            guard let close = tokens[i].partner, tokens[i].kind == .parent || tokens[i].kind == .block else { continue }
            let before = lines[lineOf[i]].lowerBound..<i
            let after = (close + 1)..<lines[lineOf[close]].upperBound
            guard before.allSatisfy({ tokens[$0].removed || (tokens[$0].kind == .text && isBlank($0)) }),
                  after.allSatisfy({ tokens[$0].removed || (tokens[$0].kind == .text && isBlank($0)) })
            else { continue }
            if tokens[i].kind == .parent {
                if !tokens[i].standalone {
                    tokens[i].standalone = true
                    tokens[i].indentation = whitespace(in: before)
                }
                for j in before where tokens[j].kind == .text { tokens[j].removed = true }
                for j in after where tokens[j].kind == .text { tokens[j].removed = true }
            } else if !argumentBlocks.contains(i), !tokens[i].standalone, tokens[i].blockLayout == .plain {
                tokens[i].blockLayout = .inline(whitespace(in: before))
            }
        }
    }

    // MARK: - Pass 3: line starts

    /// Marks the first token of each remaining line, where an indented partial adds indentation.
    /// Lines without output of their own (blank, or only section tags) get none, so indented
    /// partials do not leave trailing spaces.
    mutating func markLineStarts() {
        for line in lines() {
            let hasContent = line.contains { i in
                guard !tokens[i].removed else { return false }
                switch tokens[i].kind {
                case .text: return tokens[i].start < tokens[i].end && !isLineEndOnly(i)
                case .variable, .unescaped, .partial, .parent: return true
                default: return false
                }
            }
            guard hasContent else { continue }
            for i in line where !tokens[i].removed {
                if tokens[i].kind == .text {
                    if tokens[i].start >= tokens[i].end || isLineEndOnly(i) { continue }
                } else if tokens[i].standalone {
                    break
                }
                tokens[i].lineStart = true
                break
            }
        }
    }

    // MARK: - Helpers

    /// Token index ranges of the source lines.
    private func lines() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in tokens.indices where tokens[i].kind == .text && endsLine(i) {
            result.append(start..<(i + 1))
            start = i + 1
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }

    private func startsLine(_ i: Int) -> Bool {
        i == 0 || (tokens[i - 1].kind == .text && endsLine(i - 1))
    }

    private func endsLine(_ i: Int) -> Bool {
        tokens[i].end > 0 && bytes[tokens[i].end - 1] == Self.newline
    }

    /// Spaces and tabs only, optionally ending in `\n` or `\r\n`.
    private func isBlank(_ i: Int) -> Bool {
        var end = tokens[i].end
        if endsLine(i) {
            end -= 1
            if end > tokens[i].start, bytes[end - 1] == Self.carriageReturn { end -= 1 }
        }
        var k = tokens[i].start
        while k < end {
            if bytes[k] != Self.space && bytes[k] != Self.tab { return false }
            k += 1
        }
        return true
    }

    private func isLineEndOnly(_ i: Int) -> Bool {
        let length = tokens[i].end - tokens[i].start
        return endsLine(i) && (length == 1 || (length == 2 && bytes[tokens[i].start] == Self.carriageReturn))
    }

    private func onlyBlankBefore(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 {
            guard tokens[k].kind == .text else { return false }
            if endsLine(k) { return true }
            if !isBlank(k) { return false }
            k -= 1
        }
        return true
    }

    private func whitespace(in range: Range<Int>) -> String {
        var result: [UInt8] = []
        for i in range where tokens[i].kind == .text && !tokens[i].removed {
            result.append(contentsOf: bytes[tokens[i].start..<tokens[i].end])
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func strip(_ prefix: [UInt8], at start: Int, end: Int) -> Int {
        guard end - start >= prefix.count else { return start }
        for k in prefix.indices where bytes[start + k] != prefix[k] { return start }
        return start + prefix.count
    }
}
