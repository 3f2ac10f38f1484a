/// The tolerances the domain applies to the solver's numbers, each named for what it guards.
/// The solver's own tolerances (feasibility, pivots, integrality) live with the solver.
public enum Tolerance {
    /// A share within this of 0 or 1 is exactly 0 or 1, so "fully funded" means what it says: far
    /// below a krone on any legal request, far above the solver's rounding of a share.
    public static let share = 1e-9
    /// Kroner added to a line before it is rounded down (a tenth of an øre), so a share the solver
    /// returns as 0.99999999999 of 1.000 kr. still grants the whole 1.000 kr.
    public static let lineKroner = 1e-4
    /// A row is tight when its activity is within this of a bound, relative to the bound (at
    /// least 1): the solver's primal feasibility tolerance.
    public static let tightRow = 1e-7
    /// A tight row whose dual is below this prices nothing: it does not hold an application back.
    public static let pricedDual = 1e-9
    /// A wish target counts as funded when its share is at most this below the asked share: the
    /// solver's primal feasibility tolerance on the target rows.
    public static let targetShare = 1e-7
    /// An elastic slack above this (1.000 kr., or projects) is a rule the scenario misses.
    public static let elasticSlack = 1e-7
    /// Weights within this of the wish threshold count as reaching it (equal weights computed
    /// along different products of the same factors).
    public static let weightTie = 1e-12
}

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
        var cumulativeLimit = 0.0, cumulativeSpent = 0
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
