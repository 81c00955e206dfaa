/// The compact text encoding of posting lists (ascending section or page numbers) in the search index.
///
/// The first number is written as is, each next one as its gap minus one (gaps are at least 1). Every number
/// is written in base 32, most significant digit first: all digits but the last from `continuation`, the
/// last from `final`. So numbers below 32 take one character and lists need no separators.
package enum PostingCode {
    /// Digits that end a number (values 0–31).
    package static let final = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    /// Digits followed by more digits of the same number (values 0–31).
    package static let continuation = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_".utf8)

    /// Encodes ascending, distinct numbers.
    package static func encode(_ numbers: [Int], into out: inout [UInt8]) {
        var previous = -1
        for number in numbers {
            append(number - previous - 1, to: &out)
            previous = number
        }
    }

    /// Encodes ascending, distinct numbers as a string.
    package static func encode(_ numbers: [Int]) -> String {
        var out: [UInt8] = []
        encode(numbers, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a list written by `encode`; nil when it holds a character that is not a digit.
    package static func decode(_ text: String) -> [Int]? {
        var numbers: [Int] = []
        var value = 0, previous = -1
        for byte in text.utf8 {
            if let digit = final.firstIndex(of: byte) {
                previous += value * 32 + digit + 1
                numbers.append(previous)
                value = 0
            } else if let digit = continuation.firstIndex(of: byte) {
                value = value * 32 + digit
            } else {
                return nil
            }
        }
        return numbers
    }

    private static func append(_ number: Int, to out: inout [UInt8]) {
        var digits: [Int] = []
        var n = number
        repeat {
            digits.append(n & 31)
            n >>= 5
        } while n > 0
        for (index, digit) in digits.reversed().enumerated() {
            out.append(index == digits.count - 1 ? final[digit] : continuation[digit])
        }
    }
}
