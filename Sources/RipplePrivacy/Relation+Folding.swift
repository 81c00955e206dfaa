extension Relation {
    /// The relation with every published figure replaced by its value: only hidden figures (and
    /// helper quantities) stay variables, so a matrix-wide relation of a 300-department program
    /// (about 90,000 cells, nearly all published) keeps only its few hidden cells. The solver's
    /// work then follows what is hidden, not what is published. Nil when nothing is left to learn.
    ///
    /// `known(v)` is the value of a published figure, nil for a hidden figure or helper.
    func folded(_ known: (Int) -> Double?) -> Relation? {
        switch kind {
        case .minimumPeople: return self
        case .linear: return foldedLinear(known)
        case .connected: return foldedConnected(known)
        }
    }

    private func foldedLinear(_ known: (Int) -> Double?) -> Relation? {
        var result = self
        result.variables = []
        result.coefficients = []
        var constant = 0.0
        for (v, a) in zip(variables, coefficients) {
            if let value = known(v) {
                constant += a * value
                result.published.append(v)
            } else {
                result.variables.append(v)
                result.coefficients.append(a)
            }
        }
        guard !result.variables.isEmpty else { return nil }
        result.lower -= constant
        result.upper -= constant
        return result
    }

    /// Keeps `departments_connected` and the department pairs whose link is not yet known: a pair
    /// with a published cell ≥ 1 is counted in `lower`, a pair whose published cells are both 0
    /// is dropped, and a pair with one hidden cell keeps that cell twice.
    private func foldedConnected(_ known: (Int) -> Double?) -> Relation? {
        var result = self
        result.variables = [variables[0]]
        var linked = 0.0
        for i in stride(from: 1, to: variables.count, by: 2) {
            let ab = variables[i], ba = variables[i + 1]
            let a = known(ab), b = known(ba)
            if let a { result.published.append(ab) }
            if let b { result.published.append(ba) }
            if (a ?? 0) >= 1 || (b ?? 0) >= 1 {
                linked += 1
            } else if a == nil || b == nil {
                result.variables += [a == nil ? ab : ba, b == nil ? ba : ab]
            }
        }
        guard result.variables.count > 1 else { return nil }
        result.lower = linked
        return result
    }
}
