import RippleCore

/// The sanity window for dates (docs/data-format.md, "What is checked"): without `program.as_of`, the
/// reporting date is the latest date in the data, so one mistyped year would stretch every period,
/// quarter list and report up to it.
extension TableSet {
    /// One date column of a table: how to read it from a record.
    private struct DateColumn<Record> {
        let field: Int
        let day: (Record) -> Day?
    }

    /// Reports every date more than a year after the bulk of the data (see `DateWindow`), unless `asOf`
    /// is set: then dates after it are left to the metrics, which ignore them, and `asOf` itself must not be
    /// more than a year after the bulk (every quarter up to it gets a report). Goals' target dates are
    /// plans and may lie far ahead, so they neither count nor are checked. O(n) in the number of dates.
    /// Returns the problem with `asOf`, which belongs to ripple.yaml rather than to a data file.
    func checkDateWindow(asOf: Day?, reports: [FileReport]) -> [Diagnostic] {
        let participantDates = [DateColumn<Participant>(field: ParticipantField.joined.rawValue) { $0.joined },
                                DateColumn(field: ParticipantField.left.rawValue) { $0.left },
                                DateColumn(field: ParticipantField.requested.rawValue) { $0.requested }]
        let cohortDates = [DateColumn<Cohort>(field: CohortField.start.rawValue) { $0.start },
                           DateColumn(field: CohortField.end.rawValue) { $0.end }]
        let pairDates = [DateColumn<Pair>(field: PairField.requested.rawValue) { $0.requested },
                         DateColumn(field: PairField.start.rawValue) { $0.start },
                         DateColumn(field: PairField.end.rawValue) { $0.end }]
        let sessionDates = [DateColumn<Session>(field: SessionField.date.rawValue) { $0.date }]
        let goalDates = [DateColumn<Goal>(field: GoalField.created.rawValue) { $0.created },
                         DateColumn(field: GoalField.completed.rawValue) { $0.completed }]
        let feedbackDates = [DateColumn<Feedback>(field: FeedbackField.submitted.rawValue) { $0.submitted }]
        let trainingDates = [DateColumn<Training>(field: TrainingField.completed.rawValue) { $0.completed }]

        var window = DateWindow()
        func count<R>(_ table: Decoded<R>, _ columns: [DateColumn<R>]) {
            for record in table.records { for column in columns { if let day = column.day(record) { window.add(day) } } }
        }
        count(participants, participantDates); count(cohorts, cohortDates); count(pairs, pairDates)
        count(sessions, sessionDates); count(goals, goalDates); count(feedback, feedbackDates)
        count(trainings, trainingDates)
        guard let end = window.bulkEnd, let latest = window.latest else { return [] }
        let limit = end.adding(days: 365)
        if let asOf {
            guard asOf > limit else { return [] }
            return [.error("program.as_of \(asOf) is more than a year after the data, which ends by \(end)",
                           at: SourceLocation(file: "ripple.yaml"),
                           hint: "set as_of to the reporting date, or remove it to report up to the latest date in the data")]
        }
        guard latest > limit else { return [] }

        func check<R>(_ table: Decoded<R>, _ schema: TableSchema, _ columns: [DateColumn<R>]) {
            guard let report = reports.first(where: { $0.table == schema.name }) else { return }
            for (index, record) in table.records.enumerated() {
                for column in columns {
                    guard let day = column.day(record), day > limit else { continue }
                    let header = column.field < table.headers.count ? table.headers[column.field] : schema.fields[column.field].name
                    report.error("\(ByteText.quoted(day.iso)) is more than a year after the rest of the data, which ends by \(end)",
                                 line: Int(table.lines[index]), field: header,
                                 cell: column.field < table.columns.count ? table.columns[column.field] : nil,
                                 hint: "fix the date, or set program.as_of in ripple.yaml if it is right")
                }
            }
        }
        check(participants, .participants, participantDates); check(cohorts, .cohorts, cohortDates)
        check(pairs, .pairs, pairDates); check(sessions, .sessions, sessionDates); check(goals, .goals, goalDates)
        check(feedback, .feedback, feedbackDates); check(trainings, .trainings, trainingDates)
        return []
    }
}
