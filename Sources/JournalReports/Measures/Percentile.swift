/// Order statistics of durations, by the nearest-rank rule: the p-th percentile of n sorted values is
/// the value at rank ⌈p·n/100⌉ (1-based). It is always one of the values, so no interpolation is needed.
public enum Percentile {
    /// The p-th percentile (0 < p ≤ 100) of `values` by nearest rank, or nil when there are none.
    public static func nearestRank(_ p: Int, of values: [Int]) -> Int? {
        guard !values.isEmpty, p > 0, p <= 100 else { return nil }
        let sorted = values.sorted()
        let rank = (p * sorted.count + 99) / 100
        return sorted[rank - 1]
    }

    /// The median by nearest rank: the 50th percentile (for an even count, the lower of the two middle values).
    public static func median(_ values: [Int]) -> Int? { nearestRank(50, of: values) }
}
