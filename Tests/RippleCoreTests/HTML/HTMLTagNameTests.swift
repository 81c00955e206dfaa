import Testing
@testable import RippleCore

/// `HTMLTagName.lowercased` writes the name straight into the string; it must give what lowering into an array and
/// decoding it gave (NUL as U+FFFD, invalid UTF-8 repaired), for short inline names and long ones alike.
@Suite struct HTMLTagNameTests {
    private func reference(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        for b in bytes {
            if b == 0 { out += [0xEF, 0xBF, 0xBD] } else { out.append(b &- 65 < 26 ? b | 0x20 : b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func lowercasedMatchesLoweringIntoAnArray() {
        let pieces: [[UInt8]] = [Array("A".utf8), Array("z".utf8), Array("-".utf8), [0], Array("É".utf8), [0xC3], [0xFF],
                                 Array("Q".utf8), Array("😀".utf8), [0x80]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var bytes: [UInt8] = [0x20]  // a range that does not start at 0
            for _ in 0..<Int.random(in: 0...24, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let name = Array(bytes.dropFirst())
            let lowered = bytes.withUnsafeBufferPointer { HTMLTagName.lowercased($0, 1..<$0.count) }
            #expect(lowered == reference(name), "\(name)")
            #expect(Array(lowered.utf8) == Array(reference(name).utf8), "\(name)")
        }
        #expect(Array("DIV".utf8).withUnsafeBufferPointer { HTMLTagName.lowercased($0, 0..<3) } == "div")
    }
}
