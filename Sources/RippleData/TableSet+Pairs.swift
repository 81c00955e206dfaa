import RippleCore

/// Row decoders for pairs and the tables that hang off them: sessions, goals and feedback.
extension TableSet {
    private static let pairStatuses = Choices<PairStatus>("pair status")
    private static let matchMethods = Choices<MatchMethod>("match method")
    private static let sessionStatuses = Choices<SessionStatus>("session status")
    private static let leads = Choices<SessionLead>("session lead (led_by)")
    private static let formats = Choices<SessionFormat>("session format")
    private static let goalStatuses = Choices<GoalStatus>("goal status")
    private static let surveys = Choices<SurveyKind>("survey")

    func decodePair(_ row: inout RowReader, _ out: inout Decoded<Pair>, _ interner: inout Interner) {
        typealias F = PairField
        let id = row.text(F.id.rawValue)
        let unique = id.map { out.register($0, row: &row, field: F.id.rawValue, what: "pair_id") } ?? false
        let cohort = cohorts.resolve(&row, F.cohort.rawValue, noun: "cohort", idField: "cohort_id")
        let mentor = participants.resolve(&row, F.mentor.rawValue, noun: "participant", idField: "participant_id")
        let mentee = participants.resolve(&row, F.mentee.rawValue, noun: "participant", idField: "participant_id")
        if let a = row.raw(F.mentor.rawValue), let b = row.raw(F.mentee.rawValue), a.elementsEqual(b) {
            row.error(F.mentee.rawValue, "the mentor and the mentee are the same person (\(ByteText.quoted(b)))",
                      hint: "a pair needs two different people; check mentor_id and mentee_id")
        }
        let requested = row.day(F.requested.rawValue)
        let start = row.day(F.start.rawValue)
        let end = row.day(F.end.rawValue)
        let status = row.choice(F.status.rawValue, Self.pairStatuses)
        let method = row.choice(F.matchMethod.rawValue, Self.matchMethods)
        if let start, let end, end < start {
            row.error(F.end.rawValue, "the end date \(end) is before the start date \(start)",
                      hint: "check the dates: end_date must be on or after start_date")
        }
        if let status, status == .completed || status == .closedEarly, end == nil, row.raw(F.end.rawValue) == nil {
            row.error(F.end.rawValue, "a \(status.rawValue) pair needs an end date",
                      hint: "fill in end_date with the day the pair ended, or change the status to active or paused")
        }
        guard row.ok, unique, let id, let cohort, let mentor, let mentee, let start, let status else {
            out.reject(id, unique: unique)
            return
        }
        out.append(Pair(id: id, cohort: cohort, mentor: mentor, mentee: mentee, requested: requested, start: start,
                        end: end, status: status, matchMethod: method), line: row.line)
    }

    func decodeSession(_ row: inout RowReader, _ out: inout Decoded<Session>, _ interner: inout Interner) {
        typealias F = SessionField
        let id = row.text(F.id.rawValue)
        let unique = id.map { out.register($0, row: &row, field: F.id.rawValue, what: "session_id") } ?? false
        // Exports usually list a pair's sessions together: reuse the last lookup while the id repeats.
        let pair: Int?
        if let b = row.raw(F.pair.rawValue), let cached = interner.lastReference, interner.lastReferenceID.elementsEqual(b) {
            pair = cached
        } else {
            pair = pairs.resolve(&row, F.pair.rawValue, noun: "pair", idField: "pair_id")
            interner.lastReference = pair
            interner.lastReferenceID = row.raw(F.pair.rawValue).map(Array.init) ?? []
        }
        let date = row.day(F.date.rawValue)
        let duration = row.int(F.duration.rawValue, in: 0...Int.max)
        let status = row.choice(F.status.rawValue, Self.sessionStatuses) ?? .completed
        let lead = row.choice(F.ledBy.rawValue, Self.leads) ?? .mentor
        let format = row.choice(F.format.rawValue, Self.formats)
        let ratingMentor = row.int(F.ratingMentor.rawValue, in: 1...5)
        let ratingMentee = row.int(F.ratingMentee.rawValue, in: 1...5)
        let topics = interner.list(row.raw(F.topics.rawValue), layout: row.table)
        if let pair, pair >= 0, let date {
            let p = pairs.records[pair]
            if date < p.start || p.end.map({ date > $0 }) == true {
                let span = p.end.map { "\(p.start) to \($0)" } ?? "from \(p.start)"
                row.warning(F.date.rawValue, "\(date) is outside the dates of pair \(ByteText.quoted(p.id)) (\(span))",
                            hint: "check the session date, or the pair's start_date and end_date")
            }
        }
        guard row.ok, unique, let id, let pair, let date, let duration else {
            out.reject(id, unique: unique)
            return
        }
        out.append(Session(id: id, pair: pair, date: date, durationMinutes: duration, status: status, ledBy: lead,
                           format: format, ratingMentor: ratingMentor.map(Int8.init),
                           ratingMentee: ratingMentee.map(Int8.init), topics: topics), line: row.line)
    }

    func decodeGoal(_ row: inout RowReader, _ out: inout Decoded<Goal>, _ interner: inout Interner) {
        typealias F = GoalField
        let id = row.text(F.id.rawValue)
        let unique = id.map { out.register($0, row: &row, field: F.id.rawValue, what: "goal_id") } ?? false
        let pair = pairs.resolve(&row, F.pair.rawValue, noun: "pair", idField: "pair_id")
        let owner = participants.resolve(&row, F.owner.rawValue, noun: "participant", idField: "participant_id")
        if let pair, pair >= 0, let owner, owner >= 0 {
            let p = pairs.records[pair]
            if owner != p.mentor && owner != p.mentee {
                row.error(F.owner.rawValue,
                          "\(ByteText.quoted(participants.records[owner].id)) is not the mentor or the mentee of pair \(ByteText.quoted(p.id))",
                          hint: "owner_id must be one of the two people in the pair")
            }
        }
        let competency = row.raw(F.competency.rawValue).map { interner.string($0) }
        let created = row.day(F.created.rawValue)
        let target = row.day(F.target.rawValue)
        let completed = row.day(F.completed.rawValue)
        let status = row.choice(F.status.rawValue, Self.goalStatuses)
        guard row.ok, unique, let id, let pair, let owner, let created, let status else {
            out.reject(id, unique: unique)
            return
        }
        out.append(Goal(id: id, pair: pair, owner: owner, competency: competency, created: created, target: target,
                        completed: completed, status: status), line: row.line)
    }

    func decodeFeedback(_ row: inout RowReader, _ out: inout Decoded<Feedback>, _ interner: inout Interner) {
        typealias F = FeedbackField
        let id = row.text(F.id.rawValue)
        let unique = id.map { out.register($0, row: &row, field: F.id.rawValue, what: "response_id") } ?? false
        let respondent = participants.resolve(&row, F.respondent.rawValue, noun: "participant", idField: "participant_id")
        let pair = row.raw(F.pair.rawValue) == nil
            ? nil : pairs.resolve(&row, F.pair.rawValue, noun: "pair", idField: "pair_id")
        let survey = row.choice(F.survey.rawValue, Self.surveys)
        let submitted = row.day(F.submitted.rawValue)
        let question = row.present(F.question.rawValue).map { interner.string($0) }
        let score = row.number(F.score.rawValue)
        let scaleMax = row.number(F.scaleMax.rawValue)
        if let scaleMax, scaleMax <= 0 {
            row.error(F.scaleMax.rawValue, "\(ByteText.quoted(format(scaleMax))) is not greater than 0",
                      hint: "write the top of the survey's scale, such as 5")
        } else if let score, let scaleMax, score < 0 || score > scaleMax {
            row.error(F.score.rawValue, "\(ByteText.quoted(format(score))) is not between 0 and \(format(scaleMax))",
                      hint: "a score must be between 0 and the scale_max of its row")
        }
        guard row.ok, unique, let id, let respondent, let survey, let submitted, let question, let score,
              let scaleMax else {
            out.reject(id, unique: unique)
            return
        }
        out.append(Feedback(id: id, respondent: respondent, pair: pair, survey: survey, submitted: submitted,
                            question: question, score: score, scaleMax: scaleMax,
                            comment: row.text(F.comment.rawValue)), line: row.line)
    }

    private func format(_ value: Double) -> String {
        abs(value) < 1e15 && value == Double(Int(value)) ? String(Int(value)) : String(value)
    }
}
