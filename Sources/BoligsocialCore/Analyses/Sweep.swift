import LinearProgramming
import Parallel

/// Re-solves a scenario over a range of envelopes. The steps go in blocks of `blockSize`; each
/// block is one kept GLPK problem whose steps change only the envelope columns' bounds and start
/// from the previous step's basis. Blocks are independent, so `jobs` threads can take them in any
/// order and the result is the same, byte for byte, as with one (each GLPK problem is created,
/// solved and freed inside one block, on one thread; Debian's GLPK keeps its state per thread).
/// A scenario infeasible at its own envelopes throws `InfeasibleScenario`; a step that is
/// infeasible at its envelopes is a step with that status.
public enum Sweep {
    public static let blockSize = 125

    public static func run(round: Round, scenario: Scenario, parameter: SweepParameter,
                           options: SolveOptions = SolveOptions(), jobs: Int = 1) throws -> [SweepStep] {
        let base = scenario.envelopes
        let settings: [(Double?, [Double])] = switch parameter {
        case .scale(let factors): factors.map { f in (f, base.map { $0 * f }) }
        case .year(let year, let amounts): amounts.map { amount in
            (nil, scenario.years.indices.map { scenario.years[$0] == year ? amount : base[$0] })
        }
        }
        let blocks = stride(from: 0, to: settings.count, by: blockSize).map { $0..<min($0 + blockSize, settings.count) }
        @Sendable func solveBlock(_ range: Range<Int>) throws -> [SweepStep] {
            let session = try ModelSession(round: round, scenario: scenario, options: options)
            if range.lowerBound == 0 {
                // The first block starts from the scenario's own envelopes: its basis warms the
                // first step, and a scenario without an allocation stops the sweep here.
                let status = try session.solve().status
                if status == .infeasible { throw InfeasibleScenario(round: round, scenario: scenario) }
            }
            let summarizer = StepSummarizer(session.model)
            return try settings[range].map { scale, envelope in
                try session.setEnvelopes(envelope)
                let solution = try session.solve()
                let marginal = solution.isMixedInteger || !solution.status.hasSolution ? nil : session.model.envelopeMarginals(solution)
                return summarizer.step(solution, envelopes: envelope, marginal: marginal, scale: scale, parameter: parameter,
                                       yearList: scenario.years)
            }
        }
        return try PerThread.map(count: blocks.count, jobs: jobs) { try solveBlock(blocks[$0]) }.flatMap { $0 }
    }
    /// `FROM:TO:STEPS` → STEPS evenly spaced values from FROM to TO (both included).
    public static func range(from: Double, to: Double, steps: Int) -> [Double] {
        steps <= 1 ? [from] : (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
    }
}
