/// The roles a participant takes; reciprocal (co-)mentors take both.
package struct Roles: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Mentors someone.
    package static let mentor = Roles(rawValue: 1)
    /// Is mentored by someone.
    package static let mentee = Roles(rawValue: 2)
}

/// A person in the program. Names, emails and expertise are personal data: they are only
/// published when `directoryOptIn` is true.
package struct Participant: Hashable, Sendable {
    /// Unique id from the source system.
    package var id: String
    /// Name shown in a directory, only when the person opted in.
    package var displayName: String?
    /// Email, only published when the person opted in.
    package var email: String?
    /// Department (required).
    package var department: String
    /// Level label such as `L3` (required).
    package var level: String
    /// Orders levels when present (higher is more senior).
    package var levelRank: Int?
    /// Office or region.
    package var location: String?
    /// Mentor, mentee or both.
    package var roles: Roles
    /// When the person joined the program.
    package var joined: Day
    /// When the person left, if they did.
    package var left: Day?
    /// How many mentees the person can take as a mentor.
    package var mentorCapacity: Int?
    /// Whether name, email and expertise may appear in a published directory.
    package var directoryOptIn: Bool
    /// Topics the person can mentor on.
    package var expertise: [String]
    /// Topics the person wants to be mentored on (`wants`); matching compares them with mentors' expertise.
    package var wants: [String]
    /// Id of the person's manager (`manager_id`): matching never pairs someone with their manager or teammates.
    package var managerID: String?
    /// When the person asked for a mentor (`requested_date`); waiting while no pair started since.
    package var requested: Day?

    /// Creates a participant.
    package init(id: String, displayName: String? = nil, email: String? = nil, department: String, level: String,
                 levelRank: Int? = nil, location: String? = nil, roles: Roles, joined: Day, left: Day? = nil,
                 mentorCapacity: Int? = nil, directoryOptIn: Bool = false, expertise: [String] = [],
                wants: [String] = [], managerID: String? = nil, requested: Day? = nil) {
        self.id = id; self.displayName = displayName; self.email = email; self.department = department
        self.level = level; self.levelRank = levelRank; self.location = location; self.roles = roles
        self.joined = joined; self.left = left; self.mentorCapacity = mentorCapacity
        self.directoryOptIn = directoryOptIn; self.expertise = expertise
        self.wants = wants; self.managerID = managerID; self.requested = requested
    }
}
