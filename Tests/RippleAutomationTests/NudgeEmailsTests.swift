import RippleCore
import Testing
@testable import RippleAutomation

/// `ripple followup --format email`: unsent messages that a name from the data cannot break.
@Suite struct NudgeEmailsTests {
    @Test func writesOneUnsentMessagePerPersonToNudge() {
        let joined = Day(iso: "2026-01-05")!
        let people = [
            Participant(id: "M/1", displayName: "Zoë Ångström", email: "zoe@example.com", department: "Sales", level: "L5", roles: .mentor, joined: joined),
            Participant(id: "E2", displayName: "Sam \"Bcc: x@evil\"\r\nBcc: y@evil", email: "sam@example.com", department: "Legal", level: "L2", roles: .mentee, joined: joined),
            Participant(id: "E3", department: "Legal", level: "L2", roles: .mentee, joined: joined),
        ]
        let pairs = [Pair(id: "P1", cohort: 0, mentor: 0, mentee: 1, start: Day(iso: "2026-02-01")!, status: .active),
                     Pair(id: "P2", cohort: 0, mentor: 0, mentee: 2, start: Day(iso: "2026-02-01")!, end: Day(iso: "2026-05-01")!, status: .active)]
        let program = Program(participants: people, pairs: pairs)
        let lists = FollowUpLists(program: program, settings: SiteConfig(), asOf: Day(iso: "2026-06-30")!)
        #expect(lists.atRisk.map(\.pair) == [0])
        let files = NudgeEmails(program: program, lists: lists, programName: "Mentoring at Northwind").files
        // P1 at risk: mentor and mentee; P2 unclosed: its mentor. E3 has no email and gets none.
        #expect(files.map(\.name) == ["email/001-m-1.eml", "email/002-e2.eml", "email/003-m-1.eml"])
        let first = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(first.hasPrefix("To: =?utf-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@example.com>\r\nSubject: How is your mentoring going?\r\nX-Unsent: 1\r\n"))
        #expect(first.contains("\r\n\r\nHello Zoë,\r\n\r\nWe have not seen a session of you and Sam recorded yet."))
        let second = String(decoding: files[1].bytes, as: UTF8.self)
        let headers = second.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headers.first == "To: \"Sam Bcc: x@evilBcc: y@evil\" <sam@example.com>")
        #expect(!headers.contains { $0.hasPrefix("Bcc") })
    }
}
