import Dispatch
import RippleCore

/// Decodes the tables of one load in dependency order, resolving references as it goes.
///
/// Independent tables are decoded in parallel: participants with cohorts, then sessions (the
/// big one) alongside goals, feedback and trainings once pairs are known.
struct TableSet: Sendable {
    let settings: DataSettings
    let files: [String: TableInput]

    var participants = Decoded<Participant>()
    var cohorts = Decoded<Cohort>()
    var pairs = Decoded<Pair>()
    var sessions = Decoded<Session>()
    var goals = Decoded<Goal>()
    var feedback = Decoded<Feedback>()
    var trainings = Decoded<Training>()
    var headcount = Decoded<HeadcountEntry>()

    init(settings: DataSettings, files: [String: TableInput]) {
        self.settings = settings
        self.files = files
    }

    /// The program built from every valid record.
    var program: Program {
        Program(participants: participants.records, cohorts: cohorts.records, pairs: pairs.records,
                sessions: sessions.records, goals: goals.records, feedback: feedback.records,
                trainings: trainings.records,
                headcount: Dictionary(headcount.records.map { ($0.department, $0.count) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Decodes every table; returns one report per file read, in table order.
    mutating func decodeAll() -> [FileReport] {
        var reports: [String: FileReport] = [:]
        func keep<R>(_ result: (Decoded<R>, FileReport?)) -> Decoded<R> {
            if let report = result.1 { reports[result.1!.table] = report }
            return result.0
        }
        let first = self
        let people = Slot<(Decoded<Participant>, FileReport?)>(), groups = Slot<(Decoded<Cohort>, FileReport?)>()
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 { people.value = first.read(.participants, TableSet.decodeParticipant) }
            else { groups.value = first.read(.cohorts, TableSet.decodeCohort) }
        }
        participants = keep(people.value!)
        cohorts = keep(groups.value!)
        pairs = keep(read(.pairs, TableSet.decodePair))
        headcount = keep(read(.headcount, TableSet.decodeHeadcount))
        checkMentorCapacity(reports["participants"])

        let second = self
        let s = Slot<(Decoded<Session>, FileReport?)>(), g = Slot<(Decoded<Goal>, FileReport?)>()
        let f = Slot<(Decoded<Feedback>, FileReport?)>(), t = Slot<(Decoded<Training>, FileReport?)>()
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                s.value = second.read(.sessions, TableSet.decodeSession)
            } else {
                g.value = second.read(.goals, TableSet.decodeGoal)
                f.value = second.read(.feedback, TableSet.decodeFeedback)
                t.value = second.read(.trainings, TableSet.decodeTraining)
            }
        }
        sessions = keep(s.value!)
        goals = keep(g.value!)
        feedback = keep(f.value!)
        trainings = keep(t.value!)
        return TableSchema.all.compactMap { reports[$0.name] }
    }

    /// Reads one table's file (if given) with a row decoder.
    private func read<Record>(
        _ schema: TableSchema,
        _ decode: (TableSet) -> (inout RowReader, inout Decoded<Record>, inout Interner) -> Void
    ) -> (Decoded<Record>, FileReport?) {
        var result = Decoded<Record>()
        result.fileName = "\(schema.name).csv"
        guard let input = files[schema.name] else { return (result, nil) }
        result.fileName = input.displayName
        result.reserve(input.rowCount)
        let report = FileReport(file: input.path, table: schema.name, sheet: input.sheet)
        var interner = Interner()
        let decodeRow = decode(self)
        result.readable = TableReader(input: input, schema: schema, settings: settings, report: report).read { row in
            if result.headers.isEmpty {
                result.headers = schema.fields.indices.map(row.name)
                result.columns = row.table.columns
            }
            decodeRow(&row, &result, &interner)
        }
        return (result, report)
    }
}

/// A result handed back from a parallel task. Each slot is written by exactly one task and read
/// only after `concurrentPerform` returns, which orders the accesses.
private final class Slot<Value>: @unchecked Sendable {
    var value: Value?
}
