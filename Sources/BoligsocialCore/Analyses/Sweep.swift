import LinearProgramming
import Parallel

/// Re-solves a scenario over a range of envelopes.
///
/// An LP sweep moves the envelope columns along a line: each year's envelope at `rate·p`, the
/// parameter `p` being the scale (`--scale`, every year at its own envelope's rate) or the swept
/// year's envelope (`--year`, that year alone). The model is kept in GLPK as its independent blocks
/// (a per-year model without carry-over is one block a year), each a kept problem. After a block is
/// solved, its basis's piece along the line is read (`BasisPiece`): while the parameter stays inside
/// it, a solve of that block would make no pivot and its columns move linearly. So a step solves
/// only the blocks whose piece it leaves, warm from their last basis, exactly as re-solving every
/// step would, and computes the rest from their pieces, summing again only the applications whose
/// shares move. A step whose interpolated numbers come within a hair of a rounding point (whole
/// kroner, a share snapping to 0 or 1, the thousandth of a point) is solved instead, where the
/// solver's own recomputation could round otherwise. The output is the same, byte for byte, as
/// re-solving every block at every step (`interpolate: false`); the cost grows with the pieces
/// crossed, not with the steps. Sweeps longer than `chunkSize` steps go in fixed chunks, each walked
/// on its own problems from fresh solves at its first step, `jobs` chunks side by side.
///
/// A MIP has no such pieces: its steps go in blocks of `blockSize`, each one kept GLPK problem
/// warm-started from step to step, `jobs` blocks side by side (the result is the same for any
/// number of threads: each problem is made, solved and freed inside its block, on one thread).
///
/// A scenario infeasible at its own envelopes throws `InfeasibleScenario`; a step that is
/// infeasible at its envelopes is a step with that status.
public enum Sweep {
    public static let blockSize = 125
    /// Steps an LP walks on one set of kept problems; longer sweeps go in chunks of this many, each
    /// walked on its own problems from fresh solves at its first step, `jobs` chunks side by side.
    /// The chunks are the same for any number of threads, and so is the output.
    public static let chunkSize = 25_000

    /// One step's setting: the scale (`--scale`), every year's envelope, and the swept column's value.
    struct Setting: Sendable {
        var scale: Double?
        var envelopes: [Double]
        var value: Double
    }

    public static func run(
        round: Round, scenario: Scenario, parameter: SweepParameter,
        options: SolveOptions = SolveOptions(), jobs: Int = 1, interpolate: Bool = true
    ) throws -> [SweepStep] {
        try walked(
            round: round, scenario: scenario, parameter: parameter, options: options, jobs: jobs,
            interpolate: interpolate
        ).steps
    }

    /// The steps, and how many of them were solved (the others interpolated inside a basis piece).
    static func walked(
        round: Round, scenario: Scenario, parameter: SweepParameter, options: SolveOptions = SolveOptions(),
        jobs: Int = 1, interpolate: Bool = true, chunkSize: Int = chunkSize
    ) throws -> (steps: [SweepStep], solved: Int) {
        let base = scenario.envelopes
        let settings: [Setting] =
            switch parameter {
            case .scale(let factors): factors.map { f in Setting(scale: f, envelopes: base.map { $0 * f }, value: f) }
            case .year(let year, let amounts):
                amounts.map { amount in
                    Setting(
                        scale: nil,
                        envelopes: scenario.years.indices.map { scenario.years[$0] == year ? amount : base[$0] },
                        value: amount / AllocationModel.unit)
                }
            }
        let model = try AllocationModel(round: round, scenario: scenario)
        if model.program.isMixedInteger {
            let steps = try blocks(
                round: round, scenario: scenario, settings: settings, parameter: parameter, options: options, jobs: jobs
            )
            return (steps, steps.count)
        }
        // Each envelope column's rate per unit of the parameter.
        let line: [(column: LinearProgram.ColumnID, rate: Double)] =
            switch parameter {
            case .scale: zip(model.envelopeColumns, base).map { ($0, $1 / AllocationModel.unit) }
            case .year(let year, _): [(model.envelopeColumns[scenario.years.firstIndex(of: year)!], 1)]
            }
        // The parameter at the scenario's own envelopes.
        let own: Double =
            switch parameter {
            case .scale: 1
            case .year(let year, _): base[scenario.years.firstIndex(of: year)!] / AllocationModel.unit
            }
        let parts =
            model.program.independentBlocks() ?? [
                (
                    rows: Array(model.program.rows.indices),
                    columns: Array(model.program.columns.indices)
                )
            ]
        let chunks = stride(from: 0, to: settings.count, by: chunkSize).map { $0..<min($0 + chunkSize, settings.count) }
        let walks = try PerThread.map(count: chunks.count, jobs: jobs) { c in
            var walk = try SweepWalk(
                model: model, parts: parts, line: line, parameter: parameter, options: options,
                interpolate: interpolate)
            if c == 0 {
                // The first chunk starts from the scenario's own envelopes: its bases warm the first
                // step, and a scenario without an allocation stops the sweep here.
                if try walk.solveAll(at: own).status == .infeasible {
                    throw InfeasibleScenario(round: round, scenario: scenario)
                }
            }
            return try walk.steps(Array(settings[chunks[c]]))
        }
        return (walks.flatMap(\.steps), walks.reduce(0) { $0 + $1.solved })
    }

    /// A MIP's steps in blocks of `blockSize`, `jobs` blocks side by side.
    static func blocks(
        round: Round, scenario: Scenario, settings: [Setting], parameter: SweepParameter,
        options: SolveOptions, jobs: Int
    ) throws -> [SweepStep] {
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
            return try settings[range].map { setting in
                try session.setEnvelopes(setting.envelopes)
                let solution = try session.solve()
                return SweepStep.reported(
                    summarizer.step(solution, envelopes: setting.envelopes, marginal: nil, scale: setting.scale))
            }
        }
        return try PerThread.map(count: blocks.count, jobs: jobs) { try solveBlock(blocks[$0]) }.flatMap { $0 }
    }

    /// `FROM:TO:STEPS` → STEPS evenly spaced values from FROM to TO (both included).
    public static func range(from: Double, to: Double, steps: Int) -> [Double] {
        steps <= 1 ? [from] : (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
    }
}
