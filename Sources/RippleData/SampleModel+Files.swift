import RippleCore

/// Writing the invented program out as CSV, generating the activity tables on the way.
extension SampleModel {
    static let topics = ["career", "leadership", "communication", "feedback", "networking", "wellbeing",
                         "technical_skills", "visibility", "work_life_balance", "promotion"]
    static let competencies = ["Communication", "Leadership", "Strategic thinking", "Influencing", "Delegation",
                               "Technical depth", "Coaching others", "Resilience"]
    static let comments = ["Really useful, thank you.", "We ran out of time, but the next steps are clear.",
                           "Helpful to talk through the \"stretch\" project.", "Hard to find time this quarter.",
                           "Great listener; asked the right questions.", "Would like more structure, e.g. an agenda."]

    mutating func files() -> [DataFile] {
        [
            DataFile(path: "participants.csv", bytes: participantsCSV()),
            DataFile(path: "cohorts.csv", bytes: cohortsCSV()),
            DataFile(path: "pairs.csv", bytes: pairsCSV()),
        ] + activityCSVs() + [DataFile(path: "trainings.csv", bytes: trainingsCSV()),
                                DataFile(path: "headcount.csv", bytes: headcountCSV())]
    }

    /// Eligible employees per department: the department's participants at a fixed enrolment rate per department
    /// (no random draws, so the other files stay byte for byte what they were).
    private func headcountCSV() -> [UInt8] {
        let rates = [0.22, 0.35, 0.3, 0.18, 0.45, 0.25, 0.28, 0.4]
        var people = Array(repeating: 0, count: Self.departments.count)
        for p in self.people { people[p.department] += 1 }
        var w = CSVWriter(header: TableSchema.headcount.fields.map(\.name), reserve: 256)
        for d in Self.departments.indices.sorted(by: { Self.departments[$0] < Self.departments[$1] }) where people[d] > 0 {
            w.field(Self.departments[d])
            w.int(Int((Double(people[d]) / rates[d]).rounded(.up)))
            w.endRow()
        }
        return w.bytes
    }

    private func participantsCSV() -> [UInt8] {
        // Up to expertise: the matching columns (wants, manager_id, requested_date) came later, and leaving them
        // out keeps every sample generated before them byte for byte.
        let columns = TableSchema.participants.fields.prefix(ParticipantField.expertise.rawValue + 1)
        var w = CSVWriter(header: columns.map(\.name), reserve: people.count * 140)
        for (i, p) in people.enumerated() {
            let first = Self.firstNames[p.first], last = Self.lastNames[p.last]
            w.id("E", i + 1, width: 6)
            w.field("\(first) \(last)")
            w.field("\(first.lowercased()).\(last.lowercased()).\(i + 1)@example.com")
            w.field(Self.departments[p.department])
            w.field("L\(p.level)")
            w.int(p.level)
            w.field(Self.locations[p.location])
            w.field(p.roles == [.mentor, .mentee] ? "mentor;mentee" : p.roles.contains(.mentor) ? "mentor" : "mentee")
            w.day(p.joined)
            w.day(p.left)
            w.int(p.capacity)
            w.field(p.optIn ? "yes" : "no")
            w.field(p.expertise.joined(separator: ";"))
            w.endRow()
        }
        return w.bytes
    }

    private func cohortsCSV() -> [UInt8] {
        var w = CSVWriter(header: TableSchema.cohorts.fields.map(\.name))
        for c in cohorts {
            w.field(c.id); w.field(c.name); w.field(c.type.rawValue); w.day(c.start); w.day(c.end)
            w.endRow()
        }
        return w.bytes
    }

    private func pairsCSV() -> [UInt8] {
        var w = CSVWriter(header: TableSchema.pairs.fields.map(\.name), reserve: pairs.count * 80)
        for (i, p) in pairs.enumerated() {
            w.id("PR", i + 1, width: 6)
            w.field(cohorts[p.cohort].id)
            w.id("E", p.mentor + 1, width: 6)
            w.id("E", p.mentee + 1, width: 6)
            w.day(p.requested); w.day(p.start); w.day(p.end)
            w.field(p.status.rawValue); w.field(p.method.rawValue)
            w.endRow()
        }
        return w.bytes
    }

    /// Sessions, goals and feedback, which all follow each pair's timeline.
    private mutating func activityCSVs() -> [DataFile] {
        var sessions = CSVWriter(header: TableSchema.sessions.fields.map(\.name), reserve: pairs.count * 25 * 75)
        var goals = CSVWriter(header: TableSchema.goals.fields.map(\.name), reserve: pairs.count * 2 * 70)
        var feedback = CSVWriter(header: TableSchema.feedback.fields.map(\.name), reserve: pairs.count * 5 * 70)
        var sessionNumber = 0, goalNumber = 0, responseNumber = 0
        func respond(_ w: inout CSVWriter, _ person: Int, _ pair: Int, _ survey: SurveyKind, _ day: Day,
                     _ question: String, _ score: Int, _ comment: String?) {
            responseNumber += 1
            w.id("R", responseNumber, width: 7)
            w.id("E", person + 1, width: 6)
            w.id("PR", pair + 1, width: 6)
            w.field(survey.rawValue); w.day(day); w.field(question); w.int(score); w.int(5); w.field(comment)
            w.endRow()
        }
        for (i, p) in pairs.enumerated() {
            let reciprocal = cohorts[p.cohort].type == .reciprocal
            var last = p.end ?? asOf
            if p.status == .paused { last = max(p.start, asOf.adding(days: -random.int(30...120))) }
            if p.status == .active, random.chance(0.12) { last = max(p.start, asOf.adding(days: -random.int(61...150))) }
            let cadence = [14, 14, 14, 21, 21, 21][random.int(0...5)]
            var day = p.start.adding(days: random.int(0...10))
            while day <= last {
                sessionNumber += 1
                let statusRoll = random.weighted([88, 8, 4])
                let status: SessionStatus = [.completed, .cancelled, .noShow][statusRoll]
                sessions.id("S", sessionNumber, width: 7)
                sessions.id("PR", i + 1, width: 6)
                sessions.day(day)
                sessions.int([30, 45, 60, 60, 60, 90][random.int(0...5)])
                sessions.field(status.rawValue)
                let lead = reciprocal ? random.weighted([58, 30, 12]) : random.weighted([95, 2, 3])
                sessions.field(SessionLead.allCases[lead].rawValue)
                let format = random.weighted([30, 50, 10, 10])
                sessions.field(format < 3 ? SessionFormat.allCases[format].rawValue : nil)
                let rated = status == .completed && random.chance(0.8)
                let menteeRating = rated ? 5 - random.weighted([45, 38, 12, 4, 1]) : nil
                sessions.int(rated ? 5 - random.weighted([40, 42, 13, 4, 1]) : nil)
                sessions.int(menteeRating)
                let topicCount = random.weighted([25, 50, 25])
                var topics: [String] = []
                for _ in 0..<topicCount {
                    let topic = random.pick(Self.topics)
                    if !topics.contains(topic) { topics.append(topic) }
                }
                sessions.field(topics.joined(separator: ";"))
                sessions.endRow()
                if let menteeRating, random.chance(0.06) {
                    respond(&feedback, p.mentee, i, .postSession, day, "session_value", menteeRating,
                            random.chance(0.2) ? random.pick(Self.comments) : nil)
                }
                day = day.adding(days: status == .completed ? cadence + random.int(-3...3) : 7)
            }
            let end = p.end ?? asOf
            for _ in 0..<random.int(1...3) {
                goalNumber += 1
                let created = min(p.start.adding(days: random.int(0...30)), end)
                let target = created.adding(days: random.int(90...180))
                let roll = p.end != nil ? random.weighted([60, 25, 15]) : random.weighted([25, 10, 65])
                let status: GoalStatus = [.achieved, .dropped, .open][roll]
                goals.id("G", goalNumber, width: 7)
                goals.id("PR", i + 1, width: 6)
                goals.id("E", (reciprocal && random.chance(0.5) ? p.mentor : p.mentee) + 1, width: 6)
                goals.field(random.pick(Self.competencies))
                goals.day(created)
                goals.day(target <= asOf ? target : nil)
                goals.day(status == .achieved ? created.adding(days: random.int(0...max(0, created.days(to: end)))) : nil)
                goals.field(status.rawValue)
                goals.endRow()
            }
            var pulse = p.start.adding(days: 90)
            while pulse <= end {
                if random.chance(0.5) {
                    let survey: SurveyKind = p.start.days(to: pulse) / 90 == 2 ? .midpoint : .pulse
                    respond(&feedback, random.chance(0.5) ? p.mentee : p.mentor, i, survey, pulse, "progress",
                            5 - random.weighted([35, 40, 17, 6, 2]), random.chance(0.15) ? random.pick(Self.comments) : nil)
                }
                pulse = pulse.adding(days: 90)
            }
            if let pairEnd = p.end {
                for person in [p.mentee, p.mentor] where random.chance(0.7) {
                    let day = min(pairEnd.adding(days: random.int(0...14)), asOf)
                    respond(&feedback, person, i, .close, day, "overall_satisfaction",
                            5 - random.weighted([45, 35, 12, 6, 2]), random.chance(0.25) ? random.pick(Self.comments) : nil)
                    respond(&feedback, person, i, .close, day, "would_recommend",
                            5 - random.weighted([50, 30, 12, 6, 2]), nil)
                }
            }
        }
        return [DataFile(path: "sessions.csv", bytes: sessions.bytes), DataFile(path: "goals.csv", bytes: goals.bytes),
                DataFile(path: "feedback.csv", bytes: feedback.bytes)]
    }

    private mutating func trainingsCSV() -> [UInt8] {
        var w = CSVWriter(header: TableSchema.trainings.fields.map(\.name), reserve: people.count * 4 * 40)
        for (i, p) in people.enumerated() {
            let room = max(0, p.joined.days(to: asOf))
            let modules = [("orientation", 0.9)] + Training.foundationalModules.map { ($0, 0.55 + random.unit() * 0.2) }
            for (module, chance) in modules where random.chance(chance) {
                w.id("E", i + 1, width: 6)
                w.field(module)
                w.day(p.joined.adding(days: random.int(0...min(room, module == "orientation" ? 30 : 240))))
                w.number([1, 1.5, 2, 3][random.int(0...3)])
                w.endRow()
            }
        }
        return w.bytes
    }
}
