import Foundation
import RippleCore
import Testing
@testable import RippleMetrics

@Suite struct MetricsJSONTests {
    let json = MetricsJSON.encode(MetricsEngine(settings: Fixtures.settings()).compute(Fixtures.small))

    @Test func isValidJSONWithStableKeyOrder() throws {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["as_of"] as? String == "2026-06-30")
        #expect(json.hasPrefix("{\n  \"as_of\": \"2026-06-30\",\n  \"min_group_size\": 1,\n"))
        let order = ["\"id\": \"2026-Q1\"", "\"kind\": \"quarter\"", "\"label\": \"Q1 2026\"", "\"start\": \"2026-01-01\"",
                     "\"end\": \"2026-03-31\"", "\"to_date\": false", "\"participants_active\": 6", "\"mentors_active\": 3",
                     "\"mentees_active\": 3", "\"pairs_active\": 3", "\"pairs_started\": 3", "\"sessions_completed\": 4",
                     "\"session_hours\": 4", "\"avg_session_rating\": 4", "\"cross_department_share\": 0.667",
                     "\"cross_level_share\": 1", "\"role_swap_share\": 0.333", "\"at_risk_pairs\": 0",
                     "\"median_days_to_match\": 17.5", "\"goals_achieved\": 1", "\"trainings_completed\": {",
                     "\"active_listening\": 1", "\"match_rate\": 0.75", "\"monthly_meeting_share\": 0",
                     "\"survey_score\": {", "\"participants_enrolled\": 6", "\"mentors_enrolled\": 3",
                     "\"mentees_enrolled\": 4", "\"enrolment_share\": null", "\"enrolment_share_by_department\": {}",
                     "\"by_department\": {", "\"enrolled\": {", "\"department_matrix\": {", "\"suppressed\": []"]
        var cursor = try #require(json.range(of: order[0])).upperBound
        for needle in order.dropFirst() {
            let found = try #require(json.range(of: needle, range: cursor..<json.endIndex), "missing or out of order: \(needle)")
            cursor = found.upperBound
        }
    }

    @Test func suppressedValuesAreNullAndListed() throws {
        let set = MetricsEngine(settings: Fixtures.settings(minGroupSize: 5, asOf: "2026-03-31")).compute(PrimaryTests.program)
        let text = MetricsJSON.encode(set)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let periods = try #require(object["periods"] as? [[String: Any]])
        let all = try #require(periods.first)
        let byDepartment = try #require(all["by_department"] as? [String: [String: Any]])
        #expect(byDepartment["participants"]?["Legal"] is NSNull)
        #expect(byDepartment["participants"]?["Eng"] as? Int == 10)
        let suppressed = try #require(all["suppressed"] as? [String])
        #expect(suppressed.contains("by_department.participants[Legal]"))
        #expect(suppressed.prefix(3) == ["session_hours", "avg_session_rating", "role_swap_share"])
    }

    @Test func deterministic() {
        let again = MetricsJSON.encode(MetricsEngine(settings: Fixtures.settings()).compute(Fixtures.small))
        #expect(json == again)
    }

    @Test func escapesStrings() {
        #expect(JSONWriter.quote("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
        #expect(JSONWriter.number(0.5) == "0.5" && JSONWriter.number(3) == "3")
    }

    @Test func catalogFormats() {
        #expect(MetricCatalog.format(.number(0.425), key: "match_rate", minGroupSize: 5) == "42.5%")
        #expect(MetricCatalog.format(.number(1234), key: "sessions_completed", minGroupSize: 5) == "1,234")
        #expect(MetricCatalog.format(.number(4.25), key: "avg_session_rating", minGroupSize: 5) == "4.25 / 5")
        #expect(MetricCatalog.format(.unavailable, key: "avg_session_rating", minGroupSize: 5) == "—")
        #expect(MetricCatalog.definition("survey_score[pulse/progress/mentee]")?.unit == .share)
        #expect(MetricCatalog.definition("trainings_completed.guiding")?.label == "Trainings completed")
    }
}
