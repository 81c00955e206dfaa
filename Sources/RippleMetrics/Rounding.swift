/// Rounds to a number of decimals, halves away from zero.
func rounded(_ value: Double, _ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (value * scale).rounded() / scale
}

/// `numerator / denominator` rounded, or `nil` when the denominator is zero.
func share(_ numerator: Int, _ denominator: Int, decimals: Int = 3) -> Double? {
    denominator == 0 ? nil : rounded(Double(numerator) / Double(denominator), decimals)
}

/// Median of whole numbers (mean of the two middle values for an even count); `nil` when empty.
func median(_ values: [Int]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    if sorted.count % 2 == 1 { return Double(sorted[mid]) }
    return (Double(sorted[mid - 1]) + Double(sorted[mid])) / 2
}
