/// Matches field bytes against an enum's raw values without allocating, forgiving case and
/// writing `closed early` or `closed-early` for `closed_early`.
struct Choices<Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
    private let options: [([UInt8], Value)]
    /// What the values are called in messages (`pair status`).
    let noun: String

    init(_ noun: String) {
        self.noun = noun
        options = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The allowed values, for hints.
    var allowed: String { options.map { String(decoding: $0.0, as: UTF8.self) }.joined(separator: ", ") }

    /// The value the bytes name, or `nil`.
    func match(_ b: UnsafeBufferPointer<UInt8>) -> Value? {
        outer: for (raw, value) in options where raw.count == b.count {
            for i in 0..<b.count {
                var c = b[i]
                if c >= 65 && c <= 90 { c += 32 } else if c == 32 || c == 45 { c = 95 }
                if c != raw[i] { continue outer }
            }
            return value
        }
        return nil
    }
}
