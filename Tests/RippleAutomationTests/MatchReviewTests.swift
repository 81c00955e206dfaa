import RippleCore
import Testing
@testable import RippleAutomation

/// `ripple match`'s files carry data as text: escaped in the page, never a formula in the CSV.
@Suite struct MatchReviewTests {
    @Test func escapesNamesInThePageAndDefusesFormulasInTheCSV() {
        let joined = Day(iso: "2026-01-05")!
        let program = Program(participants: [
            Participant(id: "M1", displayName: "=HYPERLINK(\"http://evil\")", department: "Sales", level: "L5", levelRank: 5,
                        roles: .mentor, joined: joined, mentorCapacity: 1, expertise: ["writing"]),
            Participant(id: "E1", displayName: "<script>alert(1)</script>", department: "Legal & Co", level: "L3", levelRank: 3,
                        roles: .mentee, joined: joined, wants: ["writing"]),
        ])
        let asOf = Day(iso: "2026-06-30")!
        let plan = MatchPlanner(program: program, settings: MatchingSettings(), asOf: asOf).plan()
        let review = MatchReview(program: program, plan: plan, cohortID: "C-1", asOf: asOf)
        let csv = String(decoding: review.csv, as: UTF8.self)
        #expect(csv == """
        pair_id,cohort_id,mentor_id,mentee_id,requested_date,start_date,end_date,status,match_method,score,reasons,mentor_name,mentee_name
        SUGGESTED-1,C-1,M1,E1,2026-01-05,,,active,algorithm,16,shares 1 topic (writing); Sales → Legal & Co; 2 levels apart,"'=HYPERLINK(""http://evil"")",<script>alert(1)</script>

        """)
        let html = review.page.html
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; (E1)") && !html.contains("<script>"))
        #expect(html.contains("Legal &amp; Co") && html.contains("Contains personal data."))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
    }
}
