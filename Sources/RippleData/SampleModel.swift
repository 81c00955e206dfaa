import RippleCore

/// The program the sample generator invents, before it is written out as CSV.
struct SampleModel {
    struct Person {
        var department = 0, level = 1, location = 0, first = 0, last = 0
        var roles = Roles()
        var joined = Day(ordinal: 0)
        var left: Day?
        var capacity: Int?
        var optIn = false
        var expertise: [String] = []
        var firstStart: Day?
        var lastEnd: Day?
        var ongoing = false
        var activeAsMentor = 0
    }

    struct GenCohort {
        var id: String, name: String, type: ProgramType, start: Day, end: Day?
    }

    struct GenPair {
        var cohort: Int, mentor: Int, mentee: Int
        var requested: Day, start: Day, end: Day?
        var status: PairStatus, method: MatchMethod
    }

    static let departments = ["Engineering", "Sales", "Marketing", "Finance", "People & Culture", "Operations",
                              "Customer Success", "Legal"]
    static let departmentWeights: [Double] = [30, 18, 9, 7, 6, 14, 12, 4]
    static let locations = ["London", "New York", "Singapore", "Berlin", "Toronto", "Remote"]
    static let locationWeights: [Double] = [30, 25, 12, 12, 8, 13]
    static let firstNames = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn",
                             "Robin", "Devon", "Harper", "Rowan", "Emery", "Sasha", "Kai", "Noor", "Ira", "Remy",
                             "Milan", "Ari", "Tove", "Lumi", "Zen", "Oli", "Nico", "Ren", "Eden", "Sky"]
    static let lastNames = ["Ashdown", "Birchley", "Carrow", "Dunmore", "Elston", "Fairbrook", "Glenholt", "Hartwell",
                            "Ivesby", "Jarrow", "Kestrel", "Larkfield", "Merriton", "Northam", "Oakridge", "Penhallow",
                            "Quarrie", "Rushmere", "Stowell", "Thornby", "Underhill", "Valemont", "Westcott", "Yarrow",
                            "Ashby", "Brookes", "Calder", "Denholm", "Everleigh", "Fenwick"]
    static let expertiseTopics = ["leadership", "career_growth", "public_speaking", "negotiation", "product_management",
                                  "data_analysis", "people_management", "stakeholder_management", "writing"]

    let count: Int
    let asOf: Day
    var random: SampleRandom
    var people: [Person] = []
    var cohorts: [GenCohort] = []
    var pairs: [GenPair] = []

    init(participants: Int, seed: UInt64, asOf: Day) {
        count = participants
        self.asOf = asOf
        random = SampleRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 0x1234_5678)
    }

    mutating func build() {
        makePeople()
        makeCohorts()
        makePairs()
        settlePeople()
    }

    private mutating func makePeople() {
        people.reserveCapacity(count)
        for _ in 0..<count {
            var p = Person()
            p.department = random.weighted(Self.departmentWeights)
            p.location = random.weighted(Self.locationWeights)
            p.first = random.int(0...(Self.firstNames.count - 1))
            p.last = random.int(0...(Self.lastNames.count - 1))
            let kind = random.weighted([35, 55, 10])
            p.roles = kind == 0 ? .mentor : kind == 1 ? .mentee : [.mentor, .mentee]
            p.level = 1 + (kind == 1 ? random.weighted([22, 30, 26, 14, 6, 2, 0])
                                     : random.weighted([3, 10, 18, 24, 22, 15, 8]))
            p.optIn = random.chance(0.07)
            if p.roles.contains(.mentor) {
                var topics = Set<String>()
                for _ in 0..<random.int(1...3) { topics.insert(random.pick(Self.expertiseTopics)) }
                p.expertise = topics.sorted()
            }
            people.append(p)
        }
    }

    /// A cohort of each main type every quarter for sixteen quarters up to `asOf`, plus one peer cohort.
    private mutating func makeCohorts() {
        let lastQuarter = asOf.firstOfMonth(offsetBy: -((asOf.month - 1) % 3))
        for q in 0..<16 {
            let start = lastQuarter.firstOfMonth(offsetBy: -3 * (15 - q))
            let label = "\(start.year) Q\((start.month - 1) / 3 + 1)"
            let code = "\(start.year)Q\((start.month - 1) / 3 + 1)"
            let end = start.adding(days: 364)
            for (type, letter) in [(ProgramType.traditional, "T"), (.reverse, "R"), (.reciprocal, "C")] {
                let name = "\(type.rawValue.prefix(1).uppercased())\(type.rawValue.dropFirst()) mentoring \(label)"
                cohorts.append(GenCohort(id: "C-\(code)-\(letter)", name: name, type: type, start: start,
                                         end: end <= asOf ? end : nil))
            }
            if q == 9 {
                cohorts.append(GenCohort(id: "C-\(code)-P", name: "Peer circles \(label)", type: .peer, start: start,
                                         end: end <= asOf ? end : nil))
            }
        }
    }

    private mutating func makePairs() {
        let target = max(1, count * 4 / 5)
        let weights = cohorts.enumerated().map { i, c -> Double in
            let growth = 1 + Double(i) / Double(cohorts.count)
            switch c.type {
            case .traditional: return 0.62 * growth
            case .reverse: return 0.12 * growth
            case .reciprocal: return 0.24 * growth
            default: return 0.04 * growth
            }
        }
        let total = weights.reduce(0, +)
        var counts = weights.map { Int(Double(target) * $0 / total) }
        counts[0] += target - counts.reduce(0, +)
        let mentors = people.indices.filter { people[$0].roles.contains(.mentor) }
        let mentees = people.indices.filter { people[$0].roles.contains(.mentee) }
        let both = people.indices.filter { people[$0].roles == [.mentor, .mentee] }
        pairs.reserveCapacity(target)
        for (c, cohort) in cohorts.enumerated() {
            for _ in 0..<counts[c] {
                let (mentor, mentee) = match(cohort.type, mentors: mentors, mentees: mentees, both: both)
                pairs.append(makePair(cohort: c, mentor: mentor, mentee: mentee))
            }
        }
    }

    private mutating func match(_ type: ProgramType, mentors: [Int], mentees: [Int], both: [Int]) -> (Int, Int) {
        let reciprocal = type == .reciprocal && both.count >= 2
        let mentorPool = reciprocal ? both : mentors.isEmpty ? people.indices.map { $0 } : mentors
        let menteePool = reciprocal ? both : mentees.isEmpty ? people.indices.map { $0 } : mentees
        let acrossDepartments = random.chance(0.75)
        var best = (random.pick(mentorPool), random.pick(menteePool))
        for _ in 0..<8 {
            let mentor = random.pick(mentorPool), mentee = random.pick(menteePool)
            guard mentor != mentee else { continue }
            best = (mentor, mentee)
            let a = people[mentor], b = people[mentee]
            let levelsFit = switch type {
            case .traditional, .group: a.level > b.level
            case .reverse: a.level < b.level
            case .reciprocal, .peer: abs(a.level - b.level) <= 1
            }
            if levelsFit && (a.department != b.department) == acrossDepartments { break }
        }
        if best.0 == best.1 { best.1 = (best.1 + 1) % people.count }
        return best
    }

    private mutating func makePair(cohort c: Int, mentor: Int, mentee: Int) -> GenPair {
        let cohort = cohorts[c]
        let start = min(cohort.start.adding(days: random.int(0...28)), asOf)
        let requested = start.adding(days: -random.int(7...60))
        let planned = random.int(360...720)
        var end: Day?
        var status = PairStatus.active
        let available = start.days(to: asOf)
        if planned <= available {
            if random.chance(0.88) {
                status = .completed
                end = start.adding(days: planned)
            } else {
                status = .closedEarly
                end = start.adding(days: random.int(30...(planned / 2)))
            }
        } else if available >= 45 && random.chance(0.06) {
            status = .closedEarly
            end = start.adding(days: random.int(30...available))
        } else if random.chance(0.1) {
            status = .paused
        }
        let method: MatchMethod = [.admin, .self, .algorithm][random.weighted([45, 25, 30])]
        for person in [mentor, mentee] {
            people[person].firstStart = min(people[person].firstStart ?? requested, requested)
            if let end { people[person].lastEnd = max(people[person].lastEnd ?? end, end) } else {
                people[person].ongoing = true
            }
        }
        if status == .active { people[mentor].activeAsMentor += 1 }
        return GenPair(cohort: c, mentor: mentor, mentee: mentee, requested: requested, start: start, end: end,
                       status: status, method: method)
    }

    /// Joined dates before each person's first pair, capacities that fit their active pairs, a few leavers.
    private mutating func settlePeople() {
        let earliest = cohorts.first?.start ?? asOf
        for i in people.indices {
            var p = people[i]
            if let first = p.firstStart {
                p.joined = first.adding(days: -random.int(7...120))
            } else {
                p.joined = earliest.adding(days: random.int(-90...max(-90, earliest.days(to: asOf))))
            }
            if !p.ongoing, let lastEnd = p.lastEnd, random.chance(0.2) {
                p.left = min(lastEnd.adding(days: random.int(0...60)), asOf)
            }
            if p.roles.contains(.mentor), random.chance(0.8) {
                p.capacity = max(random.int(1...3), p.activeAsMentor)
            }
            people[i] = p
        }
    }
}
