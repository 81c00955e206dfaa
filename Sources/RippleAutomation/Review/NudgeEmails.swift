import Foundation
import RippleCore

/// `ripple followup --format email`: one unsent `.eml` message per person to nudge, for the organisation's own
/// mail program to open and send (Ripple sends nothing). At-risk pairs nudge both people, unclosed pairs the
/// mentor; people without an email address are only in the lists.
package struct NudgeEmails: Sendable {
    /// The program.
    package var program: Program
    /// The lists.
    package var lists: FollowUpLists
    /// The sender shown in the messages (`title` of the site: "Mentoring at Northwind").
    package var programName: String

    /// Creates the messages for the lists.
    package init(program: Program, lists: FollowUpLists, programName: String) {
        self.program = program; self.lists = lists; self.programName = programName
    }

    /// File name (`email/…eml`) and bytes of each message, in list order.
    package var files: [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        func add(_ person: Int, subject: String, body: String) {
            let p = program.participants[person]
            guard let email = p.email, !email.isEmpty else { return }
            let name = "email/\(String(format: "%03d", out.count + 1))-\(Cohort.slug(forID: p.id)).eml"
            out.append((name, Self.message(to: email, name: p.displayName, subject: subject, body: body)))
        }
        for entry in lists.atRisk {
            let pair = program.pairs[entry.pair]
            let since = entry.lastSession.map { "since \($0.iso)" } ?? "yet"
            for (person, other) in [(pair.mentor, pair.mentee), (pair.mentee, pair.mentor)] {
                add(person, subject: "How is your mentoring going?",
                    body: "Hello \(first(person)),\n\nWe have not seen a session of you and \(first(other)) recorded \(since). "
                        + "If something got in the way, we are happy to help: reply to this message, or book your next session "
                        + "and let us know.\n\nBest wishes,\n\(programName)\n")
            }
        }
        for p in lists.unclosed {
            let pair = program.pairs[p]
            add(pair.mentor, subject: "Closing your mentoring pair",
                body: "Hello \(first(pair.mentor)),\n\nYour mentoring with \(first(pair.mentee)) was planned to end on "
                    + "\(pair.end?.iso ?? "")."
                    + " Could you tell us how it ended, so that we can close it and thank you both?\n\nBest wishes,\n\(programName)\n")
        }
        return out
    }

    private func first(_ person: Int) -> String {
        let p = program.participants[person]
        return p.displayName.flatMap { $0.split(separator: " ").first.map(String.init) } ?? "there"
    }

    /// An RFC 5322 message marked unsent; header values without line breaks, non-ASCII ones as encoded words.
    static func message(to email: String, name: String?, subject: String, body: String) -> [UInt8] {
        func header(_ text: String) -> String {
            let flat = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            return flat.unicodeScalars.allSatisfy(\.isASCII) ? flat : "=?utf-8?B?\(Data(flat.utf8).base64EncodedString())?="
        }
        let address = header(email).filter { !"<>\",;".contains($0) }
        // An encoded word may not sit inside quotes; a plain name goes in quotes without its own quotes.
        let to = name.map { name in
            let shown = header(name)
            return (shown.hasPrefix("=?") ? shown : "\"\(shown.filter { $0 != "\"" && $0 != "\\" })\"") + " <\(address)>"
        } ?? address
        let text = body.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "\r\n")
        return Array(("To: \(to)\r\nSubject: \(header(subject))\r\nX-Unsent: 1\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\(text)").utf8)
    }
}
