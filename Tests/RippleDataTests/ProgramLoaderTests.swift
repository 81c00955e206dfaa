import Foundation
import Testing
import RippleCore
@testable import RippleData

@Suite struct ProgramLoaderTests {
    @Test func loadsAValidProgramWithResolvedReferences() throws {
        let (program, diagnostics) = Fixtures.load()
        #expect(diagnostics.isEmpty)
        let p = try #require(program)
        #expect(p.participants.map(\.id) == ["P1", "P2", "P3"])
        #expect(p.participants[0].expertise == ["leadership", "writing"])
        #expect(p.participants[0].directoryOptIn)
        #expect(p.participants[2].roles == [.mentor, .mentee])
        #expect(p.participants[1].email == nil)
        #expect(p.pairs[1].mentor == 2 && p.pairs[1].mentee == 1 && p.pairs[1].status == .completed)
        #expect(p.sessions.map(\.pair) == [0, 0, 1])
        #expect(p.sessions[1].status == .completed && p.sessions[1].ledBy == .mentor && p.sessions[1].format == nil)
        #expect(p.sessions[0].topics == ["career", "feedback"] && p.sessions[0].ratingMentee == 4)
        #expect(p.sessions[2].ledBy == .mentee && p.sessions[2].status == .cancelled)
    }

    @Test func noFilesIsAnEmptyProgram() {
        let (program, diagnostics) = ProgramLoader(settings: DataSettings()).load([])
        #expect(program?.participants.isEmpty == true && diagnostics.isEmpty)
    }

    @Test func missingRequiredTableIsLocatedAtTheFolder() {
        let files = Fixtures.files(Fixtures.tables()).filter { !$0.path.hasSuffix("sessions.csv") }
        let (program, diagnostics) = ProgramLoader(settings: DataSettings()).load(files)
        #expect(program == nil)
        #expect(diagnostics.map(\.description) == [
            "content/data: error: the required table 'sessions' is missing\n  hint: add sessions.csv to content/data; docs/data-format.md lists its columns",
        ])
    }

    @Test func unknownTableDuplicateFormatAndOtherFiles() {
        var tables = Fixtures.tables()
        tables["mentors"] = "a\n1\n"
        tables["cohorts.json"] = "[]"
        tables["notes.xlsx"] = "x"
        let texts = ProgramLoader(settings: DataSettings()).load(Fixtures.files(tables)).diagnostics.map(\.description)
        #expect(texts == [
            "content/data/cohorts.json: error: the table 'cohorts' is given twice, as cohorts.csv and cohorts.json\n  hint: keep only one of the two files",
            "content/data/mentors.csv: warning: ignoring unknown table 'mentors'\n  hint: Ripple reads participants, cohorts, pairs, sessions, goals, feedback, trainings, headcount; rename the file or move it out of content/data",
            "content/data/notes.xlsx: warning: ignoring 'notes.xlsx': only .csv, .json and .xlsx files are read as data\n  hint: export the sheet as CSV UTF-8, or move the file out of content/data",
        ])
    }

    /// Sessions pointing at the invalid PR1 and PR2 are not reported again: those rows already were.
    @Test func badDateEnumIntAndMissingField() {
        let pairs = """
        pair_id,cohort_id,mentor_id,mentee_id,requested_date,start_date,end_date,status,match_method
        PR1,C1,P1,P2,,2026-02-30,,ongoing,admin
        PR2,C1,P3,,2025-01-21,2025-02-04,,active,
        """
        #expect(Fixtures.texts(["pairs": pairs]) == [
            "content/data/pairs.csv:2: error: field 'start_date': '2026-02-30' is not a valid date\n  hint: write dates as YYYY-MM-DD",
            "content/data/pairs.csv:2: error: field 'status': 'ongoing' is not a pair status\n  hint: use one of: active, paused, completed, closed_early",
            "content/data/pairs.csv:3: error: field 'mentee_id': a value is required\n  hint: fill in mentee_id on this row",
        ])
    }

    @Test func rangesNumbersAndBooleans() {
        let sessions = """
        session_id,pair_id,date,duration_min,status,led_by,format,rating_mentor,rating_mentee,topics
        S1,PR1,2025-02-10,-5,completed,mentor,video,6,x,
        """
        let participants = Fixtures.participants.replacingOccurrences(of: ",2,yes,", with: ",two,maybe,")
        #expect(Fixtures.texts(["sessions": sessions, "participants": participants]) == [
            "content/data/participants.csv:2: error: field 'mentor_capacity': 'two' is not a whole number\n  hint: write a whole number such as 3",
            "content/data/participants.csv:2: error: field 'directory_opt_in': 'maybe' is not yes or no\n  hint: write true or false, yes or no, or 1 or 0",
            "content/data/sessions.csv:2: error: field 'duration_min': '-5' is below 0\n  hint: write 0 or more",
            "content/data/sessions.csv:2: error: field 'rating_mentor': '6' is not between 1 and 5\n  hint: write a whole number from 1 to 5",
            "content/data/sessions.csv:2: error: field 'rating_mentee': 'x' is not a whole number\n  hint: write a whole number such as 3",
        ])
    }

    @Test func duplicateIdsNameTheFirstRow() {
        let cohorts = Fixtures.cohorts + "\nC1,Again,peer,2025-03-01,"
        #expect(Fixtures.texts(["cohorts": cohorts]) == [
            "content/data/cohorts.csv:3: error: field 'cohort_id': 'C1' is used again; it is already the cohort_id on row 2\n  hint: every cohort_id must be unique; remove or renumber the duplicate row",
        ])
    }

    @Test func referencesSelfPairsAndDateOrder() {
        let pairs = """
        pair_id,cohort_id,mentor_id,mentee_id,requested_date,start_date,end_date,status,match_method
        PR1,C9,P1,P1,,2025-02-03,2025-01-01,active,
        PR2,C1,P3,P7,,2025-02-04,,closed_early,
        """
        #expect(Fixtures.texts(["pairs": pairs, "sessions": Fixtures.sessions.components(separatedBy: "\n")[0]]) == [
            "content/data/pairs.csv:2: error: field 'cohort_id': no cohort has the id 'C9'\n  hint: check the id against the cohort_id column of cohorts.csv",
            "content/data/pairs.csv:2: error: field 'mentee_id': the mentor and the mentee are the same person ('P1')\n  hint: a pair needs two different people; check mentor_id and mentee_id",
            "content/data/pairs.csv:2: error: field 'end_date': the end date 2025-01-01 is before the start date 2025-02-03\n  hint: check the dates: end_date must be on or after start_date",
            "content/data/pairs.csv:3: error: field 'mentee_id': no participant has the id 'P7'\n  hint: check the id against the participant_id column of participants.csv",
            "content/data/pairs.csv:3: error: field 'end_date': a closed_early pair needs an end date\n  hint: fill in end_date with the day the pair ended, or change the status to active or paused",
        ])
    }

    @Test func warningsForSessionsOutsidePairAndMentorOverCapacity() throws {
        let pairs = Fixtures.pairs + "\nPR3,C1,P3,P1,,2025-02-05,,active,"
        let sessions = Fixtures.sessions + "\nS4,PR2,2025-08-01,60,,,,,,"
        let participants = Fixtures.participants.replacingOccurrences(of: "mentor;mentee,2025-01-12,,1", with: "mentor;mentee,2025-01-12,,0")
        let (program, diagnostics) = Fixtures.load(["pairs": pairs, "sessions": sessions, "participants": participants])
        #expect(program != nil)
        #expect(diagnostics.map(\.description) == [
            "content/data/participants.csv:4: warning: field 'mentor_capacity': 'P3' mentors 1 active pairs but mentor_capacity is 0\n  hint: raise mentor_capacity or rematch some of this mentor's mentees",
            "content/data/sessions.csv:5: warning: field 'date': 2025-08-01 is outside the dates of pair 'PR2' (2025-02-04 to 2025-06-30)\n  hint: check the session date, or the pair's start_date and end_date",
        ])
    }

    @Test func goalOwnerMustBeInThePair() {
        let goals = """
        goal_id,pair_id,owner_id,competency,created_date,target_date,completed_date,status
        G1,PR1,P2,Communication,2025-02-10,,,open
        G2,PR1,P3,,2025-02-10,,,achieved
        """
        #expect(Fixtures.texts(["goals": goals]) == [
            "content/data/goals.csv:3: error: field 'owner_id': 'P3' is not the mentor or the mentee of pair 'PR1'\n  hint: owner_id must be one of the two people in the pair",
        ])
    }

    @Test func feedbackAndTrainings() throws {
        let feedback = """
        response_id,respondent_id,pair_id,survey,submitted_date,question,score,scale_max,comment
        R1,P2,PR1,post_session,2025-02-11,session_value,4.5,5,"Helpful, thanks"
        R2,P2,,pulse,2025-03-01,progress,3,0,
        R3,P2,,program,2025-03-01,progress,6,5,
        """
        let trainings = "participant_id,module,completed_date,hours\nP1,orientation,2025-01-10,1.5\nP9,guiding,2025-01-10,\n"
        let (program, diagnostics) = Fixtures.load(["feedback": feedback, "trainings": trainings])
        #expect(program == nil)
        #expect(diagnostics.map(\.description) == [
            "content/data/feedback.csv:3: error: field 'scale_max': '0' is not greater than 0\n  hint: write the top of the survey's scale, such as 5",
            "content/data/feedback.csv:4: error: field 'score': '6' is not between 0 and 5\n  hint: a score must be between 0 and the scale_max of its row",
            "content/data/trainings.csv:3: error: field 'participant_id': no participant has the id 'P9'\n  hint: check the id against the participant_id column of participants.csv",
        ])
    }

    @Test func columnMappingListSeparatorAndUnknownColumns() throws {
        var settings = DataSettings()
        settings.columns = ["participants": ["participant_id": "Employee ID", "department": "Org Unit"]]
        settings.listSeparator = "|"
        let participants = """
        Employee ID,Org Unit,level,roles,joined_date,expertise,Cost Centre,Manager
        P1,Engineering,L5,mentor,2025-01-06,leadership | writing,42,X
        P2,Sales,L2,mentee,2025-01-10,,,
        P3,Finance,L3,mentor|mentee,2025-01-12,,,
        """
        let (program, diagnostics) = Fixtures.load(["participants": participants], settings: settings)
        #expect(diagnostics.map(\.description) == [
            "content/data/participants.csv:1: warning: ignoring unknown columns 'Cost Centre', 'Manager'\n  hint: rename them to a Ripple field or map them in ripple.yaml under data.columns.participants; see docs/data-format.md",
        ])
        let p = try #require(program)
        #expect(p.participants[0].expertise == ["leadership", "writing"])
        #expect(p.participants[2].roles == [.mentor, .mentee])
        #expect(p.participants[1].department == "Sales")
    }

    @Test func missingAndDuplicateColumns() {
        var settings = DataSettings()
        settings.columns = ["cohorts": ["name": "Title"]]
        #expect(Fixtures.texts(["cohorts": "cohort_id,name,program_type,start_date\nC1,A,peer,2025-01-01"], settings: settings) == [
            "content/data/cohorts.csv:1: error: the required column 'Title' is missing\n  hint: the file has no column named 'Title'; fix data.columns.cohorts.name in ripple.yaml or add the column",
            "content/data/cohorts.csv:1: warning: ignoring unknown column 'name'\n  hint: rename it to a Ripple field or map it in ripple.yaml under data.columns.cohorts; see docs/data-format.md",
        ])
        #expect(Fixtures.texts(["cohorts": "cohort_id,name,program_type,start_date,Name\nC1,A,peer,2025-01-01,B"]) == [
            "content/data/cohorts.csv:1: error: the column 'Name' appears twice in the header (columns 2 and 5)\n  hint: rename or remove one of the two columns so each header is unique",
        ])
    }
}
