import RippleCore

/// Row decoders for participants, cohorts and trainings, and the mentor-capacity check.
extension TableSet {
    private static let cohortTypes = Choices<ProgramType>("program type")

    func decodeParticipant(_ row: inout RowReader, _ out: inout Decoded<Participant>, _ interner: inout Interner) {
        typealias F = ParticipantField
        let id = row.text(F.id.rawValue)
        let unique = id.map { out.register($0, row: &row, field: F.id.rawValue, what: "participant_id") } ?? false
        let department = row.present(F.department.rawValue).map { interner.string($0) }
        let level = row.present(F.level.rawValue).map { interner.string($0) }
        let rank = row.int(F.levelRank.rawValue)
        let location = row.raw(F.location.rawValue).map { interner.string($0) }
        var roles = Roles()
        for item in row.list(F.roles.rawValue) {
            switch item.lowercased() {
            case "mentor": roles.insert(.mentor)
            case "mentee": roles.insert(.mentee)
            case "both": roles.formUnion([.mentor, .mentee])
            default:
                row.error(F.roles.rawValue, "\(ByteText.quoted(item)) is not a role",
                          hint: "use mentor, mentee or both, separated by '\(settings.listSeparator)'")
            }
        }
        if roles.isEmpty, row.raw(F.roles.rawValue) != nil, row.ok {
            row.error(F.roles.rawValue, "a value is required", hint: "fill in roles on this row")
        }
        let joined = row.day(F.joined.rawValue)
        let left = row.day(F.left.rawValue)
        if let joined, let left, left < joined {
            row.error(F.left.rawValue, "the left date \(left) is before the joined date \(joined)",
                      hint: "check the dates: left_date must be on or after joined_date")
        }
        let capacity = row.int(F.capacity.rawValue, in: 0...Int.max)
        let optIn = row.bool(F.optIn.rawValue) ?? false
        let expertise = interner.list(row.raw(F.expertise.rawValue), layout: row.table)
        let wants = interner.list(row.raw(F.wants.rawValue), layout: row.table)
        let requested = row.day(F.requested.rawValue)
        guard row.ok, unique, let id, let department, let level, let joined else {
            out.reject(id, unique: unique)
            return
        }
        out.append(Participant(id: id, displayName: row.text(F.displayName.rawValue), email: row.text(F.email.rawValue),
                               department: department, level: level, levelRank: rank, location: location,
                               roles: roles, joined: joined, left: left, mentorCapacity: capacity,
                               directoryOptIn: optIn, expertise: expertise, wants: wants,
                               managerID: row.text(F.manager.rawValue), requested: requested), line: row.line)
    }

    func decodeCohort(_ row: inout RowReader, _ out: inout Decoded<Cohort>, _ interner: inout Interner) {
        typealias F = CohortField
        let id = row.text(F.id.rawValue)
        let unique = id.map { out.register($0, row: &row, field: F.id.rawValue, what: "cohort_id") } ?? false
        if unique, let id {
            let slug = Cohort.slug(forID: id)
            if let first = out.slugs[slug] {
                row.error(F.id.rawValue, "\(ByteText.quoted(id)) would share the web address dashboards/cohorts/\(slug)/ with the cohort \(ByteText.quoted(first.id)) on row \(first.line)",
                          hint: "cohort ids become addresses in lower case with punctuation as dashes; give the cohorts ids that differ in their letters or digits")
            } else {
                out.slugs[slug] = (id, Int32(row.line))
            }
        }
        let name = row.text(F.name.rawValue)
        let type = row.choice(F.programType.rawValue, Self.cohortTypes)
        let start = row.day(F.start.rawValue)
        let end = row.day(F.end.rawValue)
        if let start, let end, end < start {
            row.error(F.end.rawValue, "the end date \(end) is before the start date \(start)",
                      hint: "check the dates: end_date must be on or after start_date")
        }
        guard row.ok, unique, let id, let name, let type, let start else {
            out.reject(id, unique: unique)
            return
        }
        out.append(Cohort(id: id, name: name, programType: type, start: start, end: end), line: row.line)
    }

    func decodeTraining(_ row: inout RowReader, _ out: inout Decoded<Training>, _ interner: inout Interner) {
        typealias F = TrainingField
        let person = participants.resolve(&row, F.participant.rawValue, noun: "participant", idField: "participant_id")
        let module = row.present(F.module.rawValue).map { interner.string($0) }
        let completed = row.day(F.completed.rawValue)
        let hours = row.number(F.hours.rawValue)
        if let hours, hours < 0 {
            row.error(F.hours.rawValue, "\(ByteText.quoted(String(hours))) is below 0", hint: "write 0 or more")
        }
        guard row.ok, let person, let module, let completed else { return }
        out.append(Training(participant: person, module: module, completed: completed, hours: hours),
                   line: row.line)
    }

    /// Warns on the participant's row when they mentor more active pairs than their capacity.
    func checkMentorCapacity(_ report: FileReport?) {
        guard let report else { return }
        var active = Array(repeating: 0, count: participants.records.count)
        for pair in pairs.records where pair.status == .active && pair.mentor >= 0 { active[pair.mentor] += 1 }
        let field = TableSchema.participants.fields[ParticipantField.capacity.rawValue].name
        for (index, person) in participants.records.enumerated() {
            guard let capacity = person.mentorCapacity, active[index] > capacity else { continue }
            report.warning("\(ByteText.quoted(person.id)) mentors \(active[index]) active pairs but mentor_capacity is \(capacity)",
                           line: Int(participants.lines[index]), field: settings.columns["participants"]?[field] ?? field,
                           cell: participants.columns.isEmpty ? nil : participants.columns[ParticipantField.capacity.rawValue],
                           hint: "raise mentor_capacity or rematch some of this mentor's mentees")
        }
    }
}
