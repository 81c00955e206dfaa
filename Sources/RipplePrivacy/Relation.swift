/// One fact the published tables imply about their figures (cells, and unpublished helper
/// quantities after them): `lower ≤ Σ coefficient × variable ≤ upper`, or a non-linear rule.
struct Relation: Sendable {
    enum Kind: Sendable {
        /// `lower ≤ Σ coefficients[i] × variables[i] ≤ upper`.
        case linear
        /// `variables[0]` is `departments_connected`; the rest come in twos, the cells
        /// `[a][b]`, `[b][a]` of each unordered pair of departments. When as many pairs are known
        /// to be linked as are connected, every other off-diagonal cell is 0. Once folded, `lower`
        /// counts the pairs the published cells already show linked.
        case connected
        /// `variables[0]` is a reach point; the rest are the quarters' `pairs_started` up to it:
        /// p pairs need at least n people, the smallest n with n(n − 1)/2 ≥ p.
        case minimumPeople
    }

    var kind: Kind = .linear
    var variables: [Int]
    var coefficients: [Double]
    var lower: Double
    var upper: Double
    /// The published rate the relation reads (hiding the rate removes the relation).
    var rate: Int?
    /// Published cells folded into the bounds as constants (see `folded`): hiding one of them is
    /// what takes the relation apart.
    var published: [Int] = []
    /// How a report states it, e.g. `all sessions_completed = 2026-Q1 sessions_completed + …`.
    var text: String

    /// `Σ terms = 0`.
    static func sum(_ parts: [Int], equals total: Int, text: String) -> Relation {
        Relation(variables: parts + [total], coefficients: parts.map { _ in 1 } + [-1], lower: 0, upper: 0, text: text)
    }
}

/// A published rate and the quantities it divides: `rate ≈ Σ numerator ÷ (Σ denominator + constant)`, rounded
/// to `half × 2`. `ruleCells` are the published counts whose hiding hides the rate.
struct Ratio: Sendable {
    var rate: Int
    var numerator: [Int]
    var denominator: [Int]
    /// A known part of the denominator, such as a published headcount.
    var constant: Double = 0
    var half: Double
    var ruleCells: [Int]
    var text: String
}
