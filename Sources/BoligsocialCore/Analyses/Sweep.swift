import LinearProgramming
import Parallel

/// Re-solves a scenario over a range of envelopes.
///
/// An LP walks the steps in order on one kept problem (per chunk of `chunkSize` steps) whose only
/// moving part is one fixed column: the envelope scale (`--scale`) or the swept year's envelope
/// (`--year`). After each solve the
/// basis's piece along that column is read (`BasisPiece`): while a step's value stays inside it,
/// a solve would make no pivot and every column moves linearly, so the step is computed from the
/// piece instead, only the applications whose shares move being summed again. A step outside the
/// piece is solved, warm from the last basis, exactly as re-solving every step would; so is a
/// step whose interpolated numbers come within a hair of a rounding point (whole kroner, a share
/// snapping to 0 or 1, the thousandth of a point), where the solver's own recomputation could
/// round otherwise. The output is the same, byte for byte, as re-solving every step
/// (`interpolate: false`); the cost grows with the pieces crossed, not with the steps.
///
/// A MIP has no such pieces: its steps go in blocks of `blockSize`, each one kept GLPK problem
/// warm-started from step to step, `jobs` blocks side by side (the result is the same for any
/// number of threads: each problem is made, solved and freed inside its block, on one thread).
///
/// A scenario infeasible at its own envelopes throws `InfeasibleScenario`; a step that is
/// infeasible at its envelopes is a step with that status.
public enum Sweep {
    public static let blockSize = 125
    /// Steps an LP walks on one kept problem; longer sweeps go in chunks of this many, each walked
    /// on its own problem from a fresh solve at its first step, `jobs` chunks side by side. The
    /// chunks are the same for any number of threads, and so is the output.
    public static let chunkSize = 10_000

    /// One step's setting: the scale (`--scale`), every year's envelope, and the swept column's value.
    struct Setting: Sendable {
        var scale: Double?
        var envelopes: [Double]
        var value: Double
    }

    public static func run(round: Round, scenario: Scenario, parameter: SweepParameter,
                           options: SolveOptions = SolveOptions(), jobs: Int = 1, interpolate: Bool = true) throws -> [SweepStep] {
        try walked(round: round, scenario: scenario, parameter: parameter, options: options, jobs: jobs, interpolate: interpolate).steps
    }

    /// The steps, and how many of them were solved (the others interpolated inside a basis piece).
    static func walked(round: Round, scenario: Scenario, parameter: SweepParameter, options: SolveOptions = SolveOptions(),
                       jobs: Int = 1, interpolate: Bool = true, chunkSize: Int = chunkSize) throws -> (steps: [SweepStep], solved: Int) {
        let base = scenario.envelopes
        let settings: [Setting] = switch parameter {
        case .scale(let factors): factors.map { f in Setting(scale: f, envelopes: base.map { $0 * f }, value: f) }
        case .year(let year, let amounts): amounts.map { amount in
            Setting(scale: nil, envelopes: scenario.years.indices.map { scenario.years[$0] == year ? amount : base[$0] },
                    value: amount / AllocationModel.unit)
        }
        }
        let model = try AllocationModel(round: round, scenario: scenario, parameter: parameter.isScale ? .scale : .fixed)
        if model.program.isMixedInteger {
            let steps = try blocks(round: round, scenario: scenario, settings: settings, parameter: parameter, options: options, jobs: jobs)
            return (steps, steps.count)
        }
        let column: LinearProgram.ColumnID = switch parameter {
        case .scale: model.scaleColumn!
        case .year(let year, _): model.envelopeColumns[scenario.years.firstIndex(of: year)!]
        }
        let chunks = stride(from: 0, to: settings.count, by: chunkSize).map { $0..<min($0 + chunkSize, settings.count) }
        let walks = try PerThread.map(count: chunks.count, jobs: jobs) { c in
            try walk(ModelSession(model: model, options: options), round: round, column: column, settings: Array(settings[chunks[c]]),
                     fromScenario: c == 0, parameter: parameter, interpolate: interpolate)
        }
        return (walks.flatMap(\.steps), walks.reduce(0) { $0 + $1.solved })
    }

    /// The LP's steps in order on one kept problem (see the type's comment).
    static func walk(_ session: ModelSession, round: Round, column: LinearProgram.ColumnID, settings: [Setting],
                     fromScenario: Bool, parameter: SweepParameter, interpolate: Bool) throws -> (steps: [SweepStep], solved: Int) {
        let model = session.model, scenario = model.scenario
        // The first chunk starts from the scenario's own envelopes: its basis warms the first
        // step, and a scenario without an allocation stops the sweep here.
        if fromScenario, try session.solve().status == .infeasible { throw InfeasibleScenario(round: round, scenario: scenario) }
        let summarizer = StepSummarizer(model)
        var piece: PieceSteps?
        var steps: [SweepStep] = []
        steps.reserveCapacity(settings.count)
        var solved = 0
        for setting in settings {
            if let current = piece, current.piece.holds(at: setting.value),
               let step = piece!.step(at: setting, summarizer: summarizer) {
                steps.append(step)
                continue
            }
            try session.problem.setBounds(.equal(setting.value), of: column)
            let solution = try session.solve()
            solved += 1
            let marginal = solution.status.hasSolution
                ? summarizer.marginalValue(model.envelopeMarginals(solution), envelopes: setting.envelopes, parameter: parameter,
                                           yearList: scenario.years)
                : nil
            piece = nil
            if interpolate, solution.status == .optimal, let found = try session.problem.basisPiece(of: column) {
                piece = PieceSteps(found, solution: solution, marginal: marginal, parameter: parameter, summarizer: summarizer)
            }
            steps.append(piece?.solvedStep(at: setting, summarizer: summarizer)
                ?? SweepStep.reported(summarizer.step(solution, envelopes: setting.envelopes, marginal: marginal, scale: setting.scale)))
        }
        return (steps, solved)
    }

    /// A MIP's steps in blocks of `blockSize`, `jobs` blocks side by side.
    static func blocks(round: Round, scenario: Scenario, settings: [Setting], parameter: SweepParameter,
                       options: SolveOptions, jobs: Int) throws -> [SweepStep] {
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
                return SweepStep.reported(summarizer.step(solution, envelopes: setting.envelopes, marginal: nil, scale: setting.scale))
            }
        }
        return try PerThread.map(count: blocks.count, jobs: jobs) { try solveBlock(blocks[$0]) }.flatMap { $0 }
    }

    /// `FROM:TO:STEPS` → STEPS evenly spaced values from FROM to TO (both included).
    public static func range(from: Double, to: Double, steps: Int) -> [Double] {
        steps <= 1 ? [from] : (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
    }
}

/// The steps inside one basis piece: the numbers of the applications whose shares do not move are
/// summed once, at the solve the piece was read from; each step adds those whose shares move.
struct PieceSteps {
    let piece: BasisPiece
    /// The column values of the solve, the moving ones rewritten at each step.
    private var values: [Double]
    private let moving: [(index: Int, anchor: Double, rate: Double)]
    private let movingApplications: [Int]
    private let fixedPart: StepSummarizer.Tally
    /// The tally of a step, its storage kept from step to step.
    private var tally: StepSummarizer.Tally
    private let objective: Double
    private let marginal: Double?
    private let status: SolveStatus

    /// `nil` when the piece cannot give steps byte for byte as a solve would: a share that does not
    /// move sits near a rounding point, or the marginal value does.
    init?(_ piece: BasisPiece, solution: Solution, marginal: Double?, parameter: SweepParameter, summarizer: StepSummarizer) {
        self.piece = piece
        values = solution.columnValues
        objective = solution.objective
        status = solution.status
        self.marginal = marginal
        if let marginal, SweepStep.nearRounding(marginal: marginal) { return nil }
        moving = piece.columnRates.map { ($0.index, solution.columnValues[$0.index], $0.rate) }
        var isMoving = [Bool](repeating: false, count: summarizer.applicationCount)
        for (index, _, _) in moving where summarizer.owner[index] >= 0 { isMoving[summarizer.owner[index]] = true }
        movingApplications = isMoving.indices.filter { isMoving[$0] }
        var tally = summarizer.emptyTally()
        solution.columnValues.withUnsafeBufferPointer { values in
            for i in isMoving.indices where !isMoving[i] {
                summarizer.add(i, values: values, to: &tally, margin: SweepStep.interpolationMargin)
            }
        }
        if tally.nearRounding { return nil }
        fixedPart = tally
        self.tally = tally
    }

    /// The step of the solve itself: the applications that do not move and those that do, at the
    /// solve's values.
    func solvedStep(at setting: Sweep.Setting, summarizer: StepSummarizer) -> SweepStep {
        var tally = fixedPart
        values.withUnsafeBufferPointer { values in
            for i in movingApplications { summarizer.add(i, values: values, to: &tally) }
        }
        return SweepStep.reported(summarizer.finish(tally, status: status, objective: objective, envelopes: setting.envelopes,
                                                    marginal: marginal, scale: setting.scale))
    }

    /// The step at `setting`, or `nil` when one of its numbers comes near a rounding point.
    mutating func step(at setting: Sweep.Setting, summarizer: StepSummarizer) -> SweepStep? {
        let delta = setting.value - piece.anchor
        for (index, anchor, rate) in moving { values[index] = anchor + delta * rate }
        tally.set(to: fixedPart)
        values.withUnsafeBufferPointer { values in
            for i in movingApplications { summarizer.add(i, values: values, to: &tally, margin: SweepStep.interpolationMargin) }
        }
        let points = objective + delta * piece.objectiveRate
        if tally.nearRounding || SweepStep.nearRounding(points: points) { return nil }
        return SweepStep.reported(summarizer.finish(tally, status: status, objective: points, envelopes: setting.envelopes,
                                                    marginal: marginal, scale: setting.scale))
    }
}
