/// What an analyst can work out about every hidden figure: bounds propagation over the linked
/// tables, iterated to a fixpoint. Hidden counts start at [0, ∞); published figures are exact.
/// Every variable is a whole number, so bounds are rounded inwards after each step.
///
/// Sound (it never claims more than the equations imply) but not complete: a full LP could
/// narrow some intervals further. A visit is O(terms of the relation); visits are capped.
struct IntervalSolver {
    private(set) var lower: [Double]
    private(set) var upper: [Double]
    /// The relation that last raised a variable's lower bound / lowered its upper bound (−1: none).
    private(set) var lowerReason: [Int]
    private(set) var upperReason: [Int]
    let relations: [Relation]
    /// Relations visited by the last `solve()`.
    private(set) var visits = 0
    /// Variables whose bounds the current relation moved.
    private var moved: [Int] = []
    static let maxVisits = 50
    private static let epsilon = 1e-7

    init(tables: LinkedTables, hidden: [Bool]) {
        let n = tables.variableCount
        lower = Array(repeating: 0, count: n)
        upper = Array(repeating: .infinity, count: n)
        for (i, cell) in tables.figures.cells.enumerated() where !hidden[i] {
            if let value = cell.value { lower[i] = value; upper[i] = value }
        }
        lowerReason = Array(repeating: -1, count: n)
        upperReason = lowerReason
        relations = tables.relations(hidden: hidden)
    }

    /// Propagates until nothing changes: a worklist of relations, a relation revisited only when
    /// one of its variables moved. Stops after `maxVisits` × relations visits (bounds found by
    /// then are still sound).
    mutating func solve() {
        var users = Array(repeating: [Int](), count: lower.count)
        for (r, relation) in relations.enumerated() {
            for v in relation.variables where users[v].last != r { users[v].append(r) }
        }
        var queue = Array(relations.indices)
        var queued = Array(repeating: true, count: relations.count)
        var head = 0
        let limit = Self.maxVisits * max(1, relations.count)
        while head < queue.count, head < limit {
            let r = queue[head]
            head += 1
            queued[r] = false
            moved.removeAll(keepingCapacity: true)
            switch relations[r].kind {
            case .linear: propagate(r)
            case .connected: connect(r)
            case .minimumPeople: fewestPeople(r)
            }
            for v in moved {
                for other in users[v] where !queued[other] && other != r {
                    queued[other] = true
                    queue.append(other)
                }
            }
        }
        visits = head
    }

    /// Whether a variable is pinned to one value.
    func isExact(_ v: Int) -> Bool { lower[v] == upper[v] }

    private mutating func tighten(_ v: Int, low: Double? = nil, high: Double? = nil, by r: Int) -> Bool {
        var changed = false
        if let low, low.isFinite {
            let rounded = (low - Self.epsilon).rounded(.up)
            if rounded > lower[v], rounded <= upper[v] { lower[v] = rounded; lowerReason[v] = r; changed = true }
        }
        if let high, high.isFinite {
            let rounded = (high + Self.epsilon).rounded(.down)
            if rounded < upper[v], rounded >= lower[v] { upper[v] = rounded; upperReason[v] = r; changed = true }
        }
        if changed { moved.append(v) }
        return changed
    }

    /// `lower ≤ Σ a·x ≤ upper`: each term is bounded by the bounds minus the other terms' extremes.
    @discardableResult private mutating func propagate(_ r: Int) -> Bool {
        let relation = relations[r]
        var minFinite = 0.0, maxFinite = 0.0, minInfinite = 0, maxInfinite = 0
        func extremes(_ i: Int) -> (Double, Double) {
            let a = relation.coefficients[i], v = relation.variables[i]
            return a > 0 ? (a * lower[v], a * upper[v]) : (a * upper[v], a * lower[v])
        }
        for i in relation.variables.indices {
            let (low, high) = extremes(i)
            if low.isFinite { minFinite += low } else { minInfinite += 1 }
            if high.isFinite { maxFinite += high } else { maxInfinite += 1 }
        }
        var changed = false
        for i in relation.variables.indices {
            let a = relation.coefficients[i], v = relation.variables[i]
            let (low, high) = extremes(i)
            // The other terms' smallest and largest sums.
            let restMin = low.isFinite ? (minInfinite == 0 ? minFinite - low : -.infinity)
                                       : (minInfinite == 1 ? minFinite : -.infinity)
            let restMax = high.isFinite ? (maxInfinite == 0 ? maxFinite - high : .infinity)
                                        : (maxInfinite == 1 ? maxFinite : .infinity)
            let top = relation.upper - restMin, bottom = relation.lower - restMax
            if a > 0 {
                changed = tighten(v, low: bottom / a, high: top / a, by: r) || changed
            } else {
                changed = tighten(v, low: top / a, high: bottom / a, by: r) || changed
            }
        }
        return changed
    }

    @discardableResult private mutating func connect(_ r: Int) -> Bool {
        let variables = relations[r].variables
        let connected = variables[0]
        guard isExact(connected) else { return false }
        let links = stride(from: 1, to: variables.count, by: 2).map { (variables[$0], variables[$0 + 1]) }
        let known = Double(links.filter { lower[$0.0] >= 1 || lower[$0.1] >= 1 }.count) + relations[r].lower
        guard known == lower[connected] else { return false }
        var changed = false
        for (ab, ba) in links where lower[ab] < 1 && lower[ba] < 1 {
            changed = tighten(ab, high: 0, by: r) || changed
            changed = tighten(ba, high: 0, by: r) || changed
        }
        return changed
    }

    @discardableResult private mutating func fewestPeople(_ r: Int) -> Bool {
        let variables = relations[r].variables
        let pairs = variables.dropFirst().reduce(0) { $0 + lower[$1] }
        guard pairs >= 1 else { return false }
        let people = ((1 + (1 + 8 * pairs).squareRoot()) / 2).rounded(.up)
        return tighten(variables[0], low: people, by: r)
    }
}
