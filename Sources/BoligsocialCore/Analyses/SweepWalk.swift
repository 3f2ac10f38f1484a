import LinearProgramming

/// One chunk of an LP sweep, walked step by step on the model's independent blocks (see `Sweep`).
struct SweepWalk {
    /// One independent block of the model on its own kept problem.
    struct Block {
        let session: SolverSession
        /// Its rows and columns in the whole model's numbering.
        let rows: [Int]
        let columns: [Int]
        /// The envelope columns of the sweep's line inside this block (its own numbering), with their
        /// rates; empty for a block the sweep does not move (solved once).
        let line: [(column: LinearProgram.ColumnID, rate: Double)]
        /// The last solve: the parameter, status and objective, and its basis's piece along the line.
        var anchor = Double.nan
        var status = SolveStatus.undefined("not solved")
        var objective = 0.0
        var piece: BasisPiece?
        var solved = false

        /// Whether a step at `value` must solve this block: it was never solved, or it moves and
        /// `value` leaves its piece (or it has none).
        func needsSolve(at value: Double) -> Bool {
            !solved || (!line.isEmpty && !(piece?.holds(at: value) ?? false))
        }
    }

    let model: AllocationModel
    let summarizer: StepSummarizer
    let parameter: SweepParameter
    let options: SolveOptions
    let interpolate: Bool
    private(set) var blocks: [Block] = []
    /// The whole model's column values and row duals as the blocks' last solves left them.
    private var values: [Double]
    private var rowDuals: [Double]
    /// The steps the current pieces give; rebuilt whenever a block is solved.
    private var piece: PieceSteps?

    init(
        model: AllocationModel, parts: [(rows: [Int], columns: [Int])],
        line: [(column: LinearProgram.ColumnID, rate: Double)],
        parameter: SweepParameter, options: SolveOptions, interpolate: Bool
    ) throws {
        self.model = model
        self.parameter = parameter
        self.options = options
        self.interpolate = interpolate
        summarizer = StepSummarizer(model)
        values = [Double](repeating: 0, count: model.program.columns.count)
        rowDuals = [Double](repeating: 0, count: model.program.rows.count)
        for part in parts {
            let own = line.compactMap { c, rate in
                part.columns.firstIndex(of: c.index).map { (column: LinearProgram.ColumnID(index: $0), rate: rate) }
            }.filter { $0.rate != 0 }
            blocks.append(
                Block(
                    session: try SolverSession(model.program.block(rows: part.rows, columns: part.columns)),
                    rows: part.rows, columns: part.columns, line: own))
        }
    }

    /// Solves block `b` with the parameter at `value` (warm from its last basis) and reads its piece.
    private mutating func solve(_ b: Int, at value: Double) throws {
        let session = blocks[b].session
        for (column, rate) in blocks[b].line { try session.setBounds(.equal(rate * value), of: column) }
        let solution = try session.solve(options)
        for (k, c) in blocks[b].columns.enumerated() { values[c] = solution.columnValues[k] }
        for (k, r) in blocks[b].rows.enumerated() { rowDuals[r] = solution.rowDuals[k] }
        blocks[b].anchor = value
        blocks[b].status = solution.status
        blocks[b].objective = solution.objective
        blocks[b].solved = true
        blocks[b].piece =
            interpolate && solution.status == .optimal && !blocks[b].line.isEmpty
            ? try session.basisPiece(along: blocks[b].line, at: value) : nil
    }

    /// Every block that moves (and any never solved) solved at `value`: the whole model's solution
    /// there, as re-solving every step gives it.
    mutating func solveAll(at value: Double) throws -> Solution {
        for b in blocks.indices where !blocks[b].line.isEmpty || !blocks[b].solved { try solve(b, at: value) }
        return composed()
    }

    /// The blocks' last solves as one solution: values and duals in the model's numbering, the
    /// objectives summed in block order, the worst status.
    private func composed() -> Solution {
        var objective = 0.0
        var status = SolveStatus.optimal
        for block in blocks {
            objective += block.objective
            status = SolveStatus.worse(status, block.status)
        }
        return Solution(
            status: status, objective: objective, columnValues: values, rowActivities: [], rowDuals: rowDuals,
            reducedCosts: [], isMixedInteger: false)
    }

    /// The step of a solution of the whole model at `setting`.
    private func exactStep(_ solution: Solution, _ setting: Sweep.Setting) -> SweepStep {
        let marginal = solution.status.hasSolution ? marginalValue(solution, setting) : nil
        return SweepStep.reported(
            summarizer.step(solution, envelopes: setting.envelopes, marginal: marginal, scale: setting.scale))
    }

    private func marginalValue(_ solution: Solution, _ setting: Sweep.Setting) -> Double? {
        summarizer.marginalValue(
            model.envelopeMarginals(solution), envelopes: setting.envelopes, parameter: parameter,
            yearList: model.scenario.years)
    }

    /// The pieces of the blocks' last solves together, when every block ended optimal with one.
    private func currentPiece(_ setting: Sweep.Setting) -> PieceSteps? {
        guard interpolate, blocks.allSatisfy({ $0.status == .optimal && ($0.line.isEmpty || $0.piece != nil) }) else {
            return nil
        }
        return PieceSteps(
            values: values, blocks: blocks, marginal: marginalValue(composed(), setting), summarizer: summarizer)
    }

    /// The steps of `settings` in order, and how many of them solved a block.
    mutating func steps(_ settings: [Sweep.Setting]) throws -> (steps: [SweepStep], solved: Int) {
        var steps: [SweepStep] = []
        steps.reserveCapacity(settings.count)
        var solvedSteps = 0
        for setting in settings {
            let value = setting.value
            guard interpolate else {
                steps.append(exactStep(try solveAll(at: value), setting))
                solvedSteps += 1
                continue
            }
            let leaving = blocks.contains { $0.needsSolve(at: value) }
            if !leaving, piece != nil, let step = piece!.step(at: setting, summarizer: summarizer) {
                steps.append(step)
                continue
            }
            solvedSteps += 1
            if leaving {
                for b in blocks.indices where blocks[b].needsSolve(at: value) { try solve(b, at: value) }
                piece = currentPiece(setting)
                if piece != nil, let step = piece!.step(at: setting, summarizer: summarizer) {
                    steps.append(step)
                    continue
                }
            }
            // Near a rounding point, or without pieces: every moving block solved at this step, as
            // re-solving every step does (those inside their pieces make no pivot).
            let solution = try solveAll(at: value)
            piece = currentPiece(setting)
            steps.append(exactStep(solution, setting))
        }
        return (steps, solvedSteps)
    }
}

/// The steps the blocks' current pieces give: the numbers of the applications whose shares do not
/// move are summed once, when the pieces are put together; each step adds those whose shares move,
/// each moving column at its block's last solve plus the step's distance from it times its rate.
struct PieceSteps {
    /// The column values of the blocks' last solves, the moving ones rewritten at each step.
    private var values: [Double]
    private let moving: [(index: Int, value: Double, anchor: Double, rate: Double)]
    /// Each block's objective at its last solve, the parameter there, and the objective's rate.
    private let objectives: [(objective: Double, anchor: Double, rate: Double)]
    /// Moving applications whose every year moves (or that have one share for all years).
    private let movingApplications: [Int]
    /// Moving applications with a share a year of which only some years move: those years are
    /// summed at each step, the others once, here.
    private var movingYears: [(application: Int, years: UInt64, shares: [Double], granted: Int)]
    private let fixedPart: StepSummarizer.Tally
    /// The tally of a step, its storage kept from step to step.
    private var tally: StepSummarizer.Tally
    private let marginal: Double?
    /// False when a share that does not move, or the marginal value, sits near a rounding point:
    /// then no step is taken from these pieces.
    private let usable: Bool

    init(values: [Double], blocks: [SweepWalk.Block], marginal: Double?, summarizer: StepSummarizer) {
        self.values = values
        self.marginal = marginal
        var moving: [(index: Int, value: Double, anchor: Double, rate: Double)] = []
        for block in blocks {
            guard let piece = block.piece else { continue }
            for (local, rate) in piece.columnRates {
                let index = block.columns[local]
                moving.append((index, values[index], block.anchor, rate))
            }
        }
        self.moving = moving
        objectives = blocks.map { ($0.objective, $0.anchor, $0.piece?.objectiveRate ?? 0) }
        // Per application: 0 when nothing of it moves, its moving years' bits, or every bit when
        // it moves whole.
        let whole = UInt64.max
        var movingMask = [UInt64](repeating: 0, count: summarizer.applicationCount)
        for column in moving where summarizer.owner[column.index] >= 0 {
            let i = summarizer.owner[column.index]
            movingMask[i] |= summarizer.yearMask(ofColumn: column.index) ?? whole
        }
        movingApplications = movingMask.indices.filter { movingMask[$0] == whole }
        var tally = summarizer.emptyTally()
        var split: [(application: Int, years: UInt64, shares: [Double], granted: Int)] = []
        values.withUnsafeBufferPointer { values in
            for i in movingMask.indices where movingMask[i] != whole {
                if movingMask[i] == 0 {
                    summarizer.add(i, values: values, to: &tally, margin: SweepStep.interpolationMargin)
                } else {
                    let fixed = summarizer.addFixed(
                        i, moving: movingMask[i], values: values, to: &tally, margin: SweepStep.interpolationMargin)
                    split.append((i, movingMask[i], fixed.shares, fixed.granted))
                }
            }
        }
        movingYears = split
        usable = !tally.nearRounding && !(marginal.map(SweepStep.nearRounding(marginal:)) ?? false)
        fixedPart = tally
        self.tally = tally
    }

    /// The step at `setting`, or `nil` when one of its numbers comes near a rounding point.
    mutating func step(at setting: Sweep.Setting, summarizer: StepSummarizer) -> SweepStep? {
        guard usable else { return nil }
        let value = setting.value
        for (index, x, anchor, rate) in moving { values[index] = x + (value - anchor) * rate }
        tally.set(to: fixedPart)
        values.withUnsafeBufferPointer { values in
            for i in movingApplications {
                summarizer.add(i, values: values, to: &tally, margin: SweepStep.interpolationMargin)
            }
            for k in movingYears.indices {
                summarizer.addMoving(
                    movingYears[k].application, moving: movingYears[k].years, shares: &movingYears[k].shares,
                    granted: movingYears[k].granted, values: values, to: &tally, margin: SweepStep.interpolationMargin)
            }
        }
        var points = 0.0
        for (objective, anchor, rate) in objectives {
            points += rate == 0 ? objective : objective + (value - anchor) * rate
        }
        if tally.nearRounding || SweepStep.nearRounding(points: points) { return nil }
        return SweepStep.reported(
            summarizer.finish(
                tally, status: .optimal, objective: points, envelopes: setting.envelopes,
                marginal: marginal, scale: setting.scale))
    }
}
