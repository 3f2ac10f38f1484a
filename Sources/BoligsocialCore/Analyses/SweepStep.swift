import LinearProgramming
import Parallel

/// One step of a sweep: a `solve`-like summary (docs/json.md `steps`).
public struct SweepStep: Sendable {
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
