import RippleCore

/// Decodes the tables of one load in dependency order, resolving references as it goes.
struct TableSet {
    let settings: DataSettings
    let files: [String: DataFile]
    /// One report per file read, in table order.
    private(set) var reports: [FileReport] = []

    var participants = Decoded<Participant>()
    var cohorts = Decoded<Cohort>()
    var pairs = Decoded<Pair>()
    var sessions = Decoded<Session>()
    var goals = Decoded<Goal>()
    var feedback = Decoded<Feedback>()
    var trainings = Decoded<Training>()

    init(settings: DataSettings, files: [String: DataFile]) {
        self.settings = settings
        self.files = files
    }

    /// The program built from every valid record.
    var program: Program {
        Program(participants: participants.records, cohorts: cohorts.records, pairs: pairs.records,
                sessions: sessions.records, goals: goals.records, feedback: feedback.records,
                trainings: trainings.records)
    }

    mutating func decodeAll() {
        participants = read(.participants, TableSet.decodeParticipant)
        cohorts = read(.cohorts, TableSet.decodeCohort)
        pairs = read(.pairs, TableSet.decodePair)
        checkMentorCapacity()
        sessions = read(.sessions, TableSet.decodeSession)
        goals = read(.goals, TableSet.decodeGoal)
        feedback = read(.feedback, TableSet.decodeFeedback)
        trainings = read(.trainings, TableSet.decodeTraining)
    }

    /// Reads one table's file (if given) with a row decoder.
    private mutating func read<Record>(
        _ schema: TableSchema,
        _ decode: (TableSet) -> (inout RowReader, inout Decoded<Record>, inout Interner) -> Void
    ) -> Decoded<Record> {
        var result = Decoded<Record>()
        result.fileName = "\(schema.name).csv"
        guard let file = files[schema.name] else { return result }
        result.fileName = file.fileName
        let report = FileReport(file: file.path)
        reports.append(report)
        var interner = Interner()
        let decodeRow = decode(self)
        result.readable = TableReader(file: file, schema: schema, settings: settings, report: report).read { row in
            decodeRow(&row, &result, &interner)
        }
        return result
    }

    func report(for table: String) -> FileReport? {
        guard let path = files[table]?.path else { return nil }
        return reports.first { $0.file == path }
    }
}
