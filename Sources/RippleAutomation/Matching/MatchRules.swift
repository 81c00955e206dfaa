import RippleCore

/// The scoring and the hard rules of `ripple match` over one pool, with topics as bit sets so that scoring all
/// pairs of 5,000 × 5,000 people stays a tight loop.
struct MatchRules: Sendable {
    let settings: MatchingSettings
    let type: ProgramType
    let program: Program
    let pool: MatchPool
    private let words: Int
    private let topics: [String]
    /// Per participant, `words` bit words each.
    private let expertise: [UInt64], wants: [UInt64]
    /// Per participant, the team they belong to (same `manager_id`; −1: none) and the team they lead (−2: none).
    private let team: [Int32], managerTeam: [Int32]
    /// Per participant, everyone they were ever paired with.
    private let previous: [Int: [Int]]
    /// Per participant, flat copies of what the scoring loop compares: department and location numbers (−1: no
    /// location) and level rank (`Int.min`: none), so that 25 million pairs compare integers, not strings.
    private let department: [Int32], location: [Int32], rank: [Int]

    init(program: Program, pool: MatchPool, settings: MatchingSettings, type: ProgramType) {
        self.program = program; self.pool = pool; self.settings = settings; self.type = type
        var index: [String: Int] = [:]
        var names: [String] = []
        for person in program.participants {
            for topic in person.expertise + person.wants where index[topic.lowercased()] == nil {
                index[topic.lowercased()] = names.count
                names.append(topic.lowercased())
            }
        }
        topics = names
        let words = max(1, (names.count + 63) / 64)
        self.words = words
        func bits(_ list: (Participant) -> [String]) -> [UInt64] {
            var out = Array(repeating: UInt64(0), count: program.participants.count * words)
            for (p, person) in program.participants.enumerated() {
                for topic in list(person) {
                    let t = index[topic.lowercased()]!
                    out[p * words + t / 64] |= 1 << UInt64(t % 64)
                }
            }
            return out
        }
        expertise = bits(\.expertise)
        wants = bits(\.wants)
        // A team is everyone with the same manager; a manager belongs to the team they lead, too.
        var teams: [String: Int32] = [:]
        var team = Array(repeating: Int32(-1), count: program.participants.count)
        for (p, person) in program.participants.enumerated() {
            guard let manager = person.managerID else { continue }
            let id = teams[manager] ?? Int32(teams.count)
            teams[manager] = id
            team[p] = id
        }
        self.team = team
        managerTeam = program.participants.map { teams[$0.id] ?? -2 }
        func numbers(_ values: [String?]) -> [Int32] {
            var seen: [String: Int32] = [:]
            return values.map { value in
                guard let value else { return -1 }
                if let number = seen[value] { return number }
                seen[value] = Int32(seen.count)
                return Int32(seen.count - 1)
            }
        }
        department = numbers(program.participants.map(\.department))
        location = numbers(program.participants.map(\.location))
        rank = program.participants.map { $0.levelRank ?? .min }
        var previous: [Int: [Int]] = [:]
        for pair in program.pairs {
            previous[pair.mentee, default: []].append(pair.mentor)
            previous[pair.mentor, default: []].append(pair.mentee)
        }
        self.previous = previous
    }

    private func shared(_ a: [UInt64], _ x: Int, _ b: [UInt64], _ y: Int) -> Int {
        var count = 0
        for w in 0..<words { count += (a[x * words + w] & b[y * words + w]).nonzeroBitCount }
        return count
    }

    private func sharedTopics(_ a: [UInt64], _ x: Int, _ b: [UInt64], _ y: Int) -> [String] {
        topics.indices.filter { t in a[x * words + t / 64] & b[y * words + t / 64] & (1 << UInt64(t % 64)) != 0 }
            .map { topics[$0] }.sorted()
    }

    /// Whether the level gap fits the cohort type; true when either level is not ranked.
    func levelsFit(mentor: Int, mentee: Int) -> Bool {
        let a = rank[mentor], b = rank[mentee]
        guard a != .min, b != .min else { return true }
        let gap = a - b
        switch type {
        case .traditional, .group: return settings.minLevelGap <= gap && gap <= settings.maxLevelGap
        case .reverse: return settings.minLevelGap <= -gap && -gap <= settings.maxLevelGap
        case .peer, .reciprocal: return abs(gap) <= settings.maxLevelGap
        }
    }

    /// Whether the rules forbid the pair: the same person, a manager and their report, teammates, or a repeat.
    func forbidden(mentor: Int, mentee: Int) -> Bool {
        if mentor == mentee { return true }
        if team[mentor] >= 0, team[mentor] == team[mentee] { return true }
        if managerTeam[mentor] == team[mentee] || managerTeam[mentee] == team[mentor] { return true }
        return previous[mentee]?.contains(mentor) ?? false
    }

    /// The pair's score before the hard rules: positive when the pair is worth suggesting.
    func score(mentor: Int, mentee: Int) -> Int {
        var score = settings.baseScore + settings.topicWeight * shared(wants, mentee, expertise, mentor)
        if department[mentor] != department[mentee] { score += settings.crossDepartmentWeight }
        if location[mentor] >= 0, location[mentee] >= 0, location[mentor] != location[mentee] { score += settings.crossLocationWeight }
        if type == .reciprocal { score += settings.reciprocalWeight * shared(wants, mentor, expertise, mentee) }
        return score
    }

    /// The score when every rule allows the pair, else nil.
    func allowedScore(mentor: Int, mentee: Int) -> Int? {
        guard levelsFit(mentor: mentor, mentee: mentee), !forbidden(mentor: mentor, mentee: mentee) else { return nil }
        let value = score(mentor: mentor, mentee: mentee)
        return value > 0 ? value : nil
    }

    /// Why the pair is suggested, in the program team's words: "shares 3 topics (…); Finance → Engineering; 2 levels apart".
    func reasons(mentor: Int, mentee: Int) -> [String] {
        let a = program.participants[mentor], b = program.participants[mentee]
        var out: [String] = []
        let topics = sharedTopics(wants, mentee, expertise, mentor)
        switch topics.count {
        case 0: out.append(b.wants.isEmpty ? "no wanted topics given" : "shares no wanted topic")
        case 1: out.append("shares 1 topic (\(topics[0]))")
        default: out.append("shares \(topics.count) topics (\(topics.joined(separator: ", ")))")
        }
        if type == .reciprocal {
            let back = sharedTopics(wants, mentor, expertise, mentee)
            if !back.isEmpty { out.append("can teach back \(back.joined(separator: ", "))") }
        }
        out.append(a.department == b.department ? "both in \(a.department)" : "\(a.department) → \(b.department)")
        if let x = a.levelRank, let y = b.levelRank {
            let gap = abs(x - y)
            out.append(gap == 0 ? "same level" : "\(gap) level\(gap == 1 ? "" : "s") apart\(x < y ? " (mentor junior)" : "")")
        }
        if let x = a.location, let y = b.location, x != y { out.append("\(x) → \(y)") }
        return out
    }
}
