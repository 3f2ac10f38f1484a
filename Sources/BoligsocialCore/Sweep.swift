import LinearProgramming

/// One step of a sweep: a `solve`-like summary (SPEC §5 `steps`).
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

/// What a sweep varies.
public enum SweepParameter: Sendable, Equatable {
    /// Every year's envelope times each value.
    case scale([Double])
    /// One year's envelope set to each amount (DKK).
    case year(Int, [Double])
}

/// Re-solves a scenario over a range of envelopes on one kept GLPK problem: each step changes only
/// the envelope columns' bounds and starts from the previous step's basis.
public enum Sweep {
    public static func run(round: Round, scenario: Scenario, parameter: SweepParameter,
                           options: SolveOptions = SolveOptions()) throws -> [SweepStep] {
        let session = try ModelSession(round: round, scenario: scenario, options: options)
        let base = scenario.envelopes
        let settings: [(Double?, [Double])] = switch parameter {
        case .scale(let factors): factors.map { f in (f, base.map { $0 * f }) }
        case .year(let year, let amounts): amounts.map { amount in
            (nil, scenario.years.indices.map { scenario.years[$0] == year ? amount : base[$0] })
        }
        }
        let summarizer = StepSummarizer(session.model)
        return try settings.map { scale, envelope in
            try session.setEnvelopes(envelope)
            let solution = try session.solve()
            let marginal = solution.isMixedInteger || !solution.status.hasSolution ? nil : session.model.envelopeMarginals(solution)
            return summarizer.step(solution, envelopes: envelope, marginal: marginal, scale: scale, parameter: parameter,
                                   yearList: scenario.years)
        }
    }

    /// `FROM:TO:STEPS` → STEPS evenly spaced values from FROM to TO (both included).
    public static func range(from: Double, to: Double, steps: Int) -> [Double] {
        steps <= 1 ? [from] : (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
    }
}
