import RippleCore
@testable import RippleData

/// A small valid program as CSV text, table → content, that tests tweak one table at a time.
enum Fixtures {
    static let participants = """
    participant_id,display_name,email,department,level,level_rank,location,roles,joined_date,left_date,mentor_capacity,directory_opt_in,expertise
    P1,Ada Ashdown,ada@example.com,Engineering,L5,5,London,mentor,2025-01-06,,2,yes,leadership;writing
    P2,Ben Birchley,,Sales,L2,2,Berlin,mentee,2025-01-10,,,no,
    P3,Cy Carrow,,Finance,L3,3,,mentor;mentee,2025-01-12,,1,,
    """
    static let cohorts = """
    cohort_id,name,program_type,start_date,end_date
    C1,Spring 2025,traditional,2025-02-01,2025-12-31
    """
    static let pairs = """
    pair_id,cohort_id,mentor_id,mentee_id,requested_date,start_date,end_date,status,match_method
    PR1,C1,P1,P2,2025-01-20,2025-02-03,,active,admin
    PR2,C1,P3,P2,2025-01-21,2025-02-04,2025-06-30,completed,self
    """
    static let sessions = """
    session_id,pair_id,date,duration_min,status,led_by,format,rating_mentor,rating_mentee,topics
    S1,PR1,2025-02-10,60,completed,mentor,video,5,4,career;feedback
    S2,PR1,2025-03-10,45,,,,,,
    S3,PR2,2025-03-11,30,cancelled,mentee,phone,,,
    """

    static func tables(_ changes: [String: String] = [:]) -> [String: String] {
        var tables = ["participants": participants, "cohorts": cohorts, "pairs": pairs, "sessions": sessions]
        for (k, v) in changes { tables[k] = v }
        return tables
    }

    static func files(_ tables: [String: String], ext: String = "csv") -> [DataFile] {
        tables.sorted { $0.key < $1.key }.map { name, text in
            DataFile(path: name.contains(".") ? "content/data/\(name)" : "content/data/\(name).\(ext)",
                     bytes: Array(text.utf8))
        }
    }

    static func load(_ changes: [String: String] = [:], settings: DataSettings = DataSettings())
        -> (program: Program?, diagnostics: [Diagnostic]) {
        ProgramLoader(settings: settings).load(files(tables(changes)))
    }

    /// The rendered text of every diagnostic.
    static func texts(_ changes: [String: String] = [:], settings: DataSettings = DataSettings()) -> [String] {
        load(changes, settings: settings).diagnostics.map(\.description)
    }
}
