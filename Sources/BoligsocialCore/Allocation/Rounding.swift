/// How the solver's shares become whole kroner, in one place for the allocation and the sweep's
/// step summaries, so both report the same totals.
public enum Rounding {
    /// Shares within `Tolerance.share` of 0 or 1 are exactly 0 or 1.
    @inline(__always)
    public static func snap(_ share: Double) -> Double {
        share < Tolerance.share ? 0 : (share > 1 - Tolerance.share ? 1 : share)
    }

    /// Whole kroner granted on a line: the share of its request rounded down (with
    /// `Tolerance.lineKroner` of slack for the solver's rounding), never more than the request.
    @inline(__always)
    public static func grantedLine(share: Double, request: Double) -> Int {
        let x = share == 1 ? request : share * request
        return min(Int((x + Tolerance.lineKroner).rounded(.down)), Int(request.rounded(.down)))
    }

    /// The envelope repair. Rounding down per line cannot raise a total, but the solver's
    /// feasibility tolerance can leave a year a fraction of a krone over its envelope (with
    /// carry-over, over the cumulative envelopes so far). Returns the whole kroner to take back
    /// from each year so that every year is within its envelope: `totals[y] − excess[y]` is what the
    /// year may keep. The allocation takes them from its lowest-weight lines; a sweep step from
    /// its totals.
    public static func excessOverEnvelopes(_ totals: [Int], envelopes: [Double], carryOver: Bool) -> [Int] {
        var excess = [Int](repeating: 0, count: totals.count)
        var cumulativeLimit = 0.0
        var cumulativeSpent = 0
        for y in totals.indices {
            cumulativeLimit = carryOver ? cumulativeLimit + envelopes[y] : envelopes[y]
            let before = carryOver ? cumulativeSpent : 0
            let over = before + totals[y] - Int(cumulativeLimit.rounded(.down))
            if over > 0 { excess[y] = min(over, totals[y]) }
            cumulativeSpent += totals[y] - excess[y]
        }
        return excess
    }
}
