import LinearProgramming
import Parallel

/// One step of a sweep: a `solve`-like summary (docs/json.md `steps`).
public struct SweepStep: Sendable, Equatable {
    /// The envelope scale of a `--scale` sweep; `nil` for a one-year sweep.
    public var scale: Double?
    /// Each year's envelope at this step (DKK).
    public var envelope: [Double]
    public var status: SolveStatus
    public var priorityPoints: Double
    public var allocated: [Int]
    public var full: Int
    public var partial: Int
    public var unfunded: Int
    /// Points per extra 1.000 kr. of the swept quantity (the year's envelope, or all envelopes in
    /// proportion); `nil` for a MIP or an infeasible step.
    public var marginalPointsPer1000: Double?
}

/// A sweep reports its points to the thousandth and its marginal values to nine decimals: finer
/// digits are the solver's rounding, and would differ between a step solved and the same step
/// interpolated inside its basis piece. An interpolated step whose points or marginal value lie
/// within `roundingMargin` (relative) of where that rounding turns, or a line within
/// `interpolationMargin` of its request of where its whole kroner change (or a share of where
/// it snaps to 0 or 1), is solved instead (`PieceSteps`). Measured on a 1,000-application round
/// over 3,000 steps, interpolated and solved values differed by at most 1.7e-15 of the points,
/// 3.3e-16 in a marginal value and 2.3e-7 kr. in a line: the margins are 60 to 300 times that.
extension SweepStep {
    static let pointsScale = 1e3
    static let marginalScale = 1e9
    static let interpolationMargin = 1e-11
    static let roundingMargin = 1e-13

    /// The step with its points and marginal value rounded as reported.
    static func reported(_ step: SweepStep) -> SweepStep {
        var s = step
        s.priorityPoints = (s.priorityPoints * pointsScale).rounded() / pointsScale
        s.marginalPointsPer1000 = s.marginalPointsPer1000.map { ($0 * marginalScale).rounded() / marginalScale }
        return s
    }

    static func nearRounding(points: Double) -> Bool { nearHalf(points * pointsScale) }
    static func nearRounding(marginal: Double) -> Bool { nearHalf(marginal * marginalScale) }

    /// Whether `x` is within the margin (relative to it) of a half, where rounding turns.
    private static func nearHalf(_ x: Double) -> Bool {
        let fraction = x - x.rounded(.down)
        return abs(fraction - 0.5) < roundingMargin * max(1, abs(x))
    }
}
