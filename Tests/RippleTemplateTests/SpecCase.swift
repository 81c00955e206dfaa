import Foundation
import Testing
@testable import RippleTemplate

/// One case of the official Mustache spec (`MustacheSpec/*.json` beside this file, with its licence).
struct SpecCase: Sendable, CustomTestStringConvertible {
    static let templateName = "__spec_template__"

    var file: String
    var name: String
    var template: String
    var partials: [String: String]
    var data: TemplateValue
    var expected: String

    var testDescription: String { "\(file): \(name)" }

    /// The spec's files, kept in the repository beside this file.
    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustacheSpec")

    /// Every case of every spec file, in file order.
    static let all: [SpecCase] = {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var cases: [SpecCase] = []
        for file in files.sorted() where file.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = root["tests"] as? [[String: Any]]
            else { continue }
            for test in tests {
                cases.append(SpecCase(
                    file: file,
                    name: test["name"] as? String ?? "?",
                    template: test["template"] as? String ?? "",
                    partials: test["partials"] as? [String: String] ?? [:],
                    data: templateValue(test["data"] ?? NSNull()),
                    expected: test["expected"] as? String ?? ""))
            }
        }
        return cases
    }()

    /// Converts what `JSONSerialization` produces; numbers keep their JSON kind (85 stays an
    /// integer, 1.21 a decimal) and booleans are told apart by their Objective-C type code.
    static func templateValue(_ json: Any) -> TemplateValue {
        switch json {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "d", "f": return .double(number.doubleValue)
            default: return .int(number.intValue)
            }
        case let list as [Any]: return .list(list.map(templateValue))
        case let object as [String: Any]: return .object(object.mapValues(templateValue))
        default: return .null
        }
    }
}
