/// One column of a data table as Ripple names it.
struct FieldSpec: Sendable {
    /// The Ripple field name (`participant_id`).
    let name: String
    /// Whether every row must have a value.
    let required: Bool
}

/// The columns of one data table. Field positions match the table's field enum raw values.
struct TableSchema: Sendable {
    /// The table name, which is also the file name stem (`pairs`).
    let name: String
    /// The fields, in the order of the table's field enum.
    let fields: [FieldSpec]

    /// The tables Ripple reads, in dependency order.
    static let all: [TableSchema] = [participants, cohorts, pairs, sessions, goals, feedback, trainings, headcount]

    /// The tables that must exist as soon as any data file does.
    static let requiredTables: Set<String> = ["participants", "cohorts", "pairs", "sessions"]

    private static func make(_ name: String, _ fields: [(String, Bool)]) -> TableSchema {
        TableSchema(name: name, fields: fields.map { FieldSpec(name: $0.0, required: $0.1) })
    }

    static let participants = make("participants", [
        ("participant_id", true), ("display_name", false), ("email", false), ("department", true), ("level", true),
        ("level_rank", false), ("location", false), ("roles", true), ("joined_date", true), ("left_date", false),
        ("mentor_capacity", false), ("directory_opt_in", false), ("expertise", false), ("wants", false),
        ("manager_id", false), ("requested_date", false),
    ])
    static let cohorts = make("cohorts", [
        ("cohort_id", true), ("name", true), ("program_type", true), ("start_date", true), ("end_date", false),
    ])
    static let pairs = make("pairs", [
        ("pair_id", true), ("cohort_id", true), ("mentor_id", true), ("mentee_id", true), ("requested_date", false),
        ("start_date", true), ("end_date", false), ("status", true), ("match_method", false),
    ])
    static let sessions = make("sessions", [
        ("session_id", true), ("pair_id", true), ("date", true), ("duration_min", true), ("status", false),
        ("led_by", false), ("format", false), ("rating_mentor", false), ("rating_mentee", false), ("topics", false),
    ])
    static let goals = make("goals", [
        ("goal_id", true), ("pair_id", true), ("owner_id", true), ("competency", false), ("created_date", true),
        ("target_date", false), ("completed_date", false), ("status", true),
    ])
    static let feedback = make("feedback", [
        ("response_id", true), ("respondent_id", true), ("pair_id", false), ("survey", true), ("submitted_date", true),
        ("question", true), ("score", true), ("scale_max", true), ("comment", false),
    ])
    static let headcount = make("headcount", [("department", true), ("headcount", true)])
    static let trainings = make("trainings", [
        ("participant_id", true), ("module", true), ("completed_date", true), ("hours", false),
    ])
}

enum ParticipantField: Int {
    case id, displayName, email, department, level, levelRank, location, roles, joined, left, capacity, optIn, expertise
    case wants, manager, requested
}
enum CohortField: Int { case id, name, programType, start, end }
enum PairField: Int { case id, cohort, mentor, mentee, requested, start, end, status, matchMethod }
enum SessionField: Int { case id, pair, date, duration, status, ledBy, format, ratingMentor, ratingMentee, topics }
enum GoalField: Int { case id, pair, owner, competency, created, target, completed, status }
enum FeedbackField: Int { case id, respondent, pair, survey, submitted, question, score, scaleMax, comment }
enum TrainingField: Int { case participant, module, completed, hours }
enum HeadcountField: Int { case department, headcount }
