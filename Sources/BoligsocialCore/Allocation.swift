import Foundation
import LinearProgramming

/// How much of its request an application gets.
public enum FundingStatus: String, Sendable, Codable, CaseIterable {
    case full, partial, unfunded, ineligible
}

/// One application's outcome, in whole kroner.
public struct ApplicationOutcome: Sendable {
    public var prepared: PreparedApplication
    public var status: FundingStatus
    /// Granted / eligible request over all years (φ under `proportional`).
    public var share: Double
    /// The share per year (equal across years under `proportional`).
    public var shareByYear: [Double]
    /// Requested DKK per year, all lines (also ineligible ones).
    public var requested: [Int]
    /// Granted whole kroner, `[yearIndex][category]`.
    public var granted: [CategoryMap<Int>]
    /// Why it got what it got, as data (the reports word it).
    public var reasons: [OutcomeReason]
    /// The model's rows that bind this application's share at the optimum.
    public var binding: [ConstraintKind]

    public var application: Application { prepared.application }
    public var grantedByYear: [Int] { granted.map(\.total) }
    public var grantedTotal: Int { grantedByYear.reduce(0, +) }
}

/// The optimal allocation of one scenario: the solver's result turned back into the memo's terms.
public struct Allocation: Sendable {
    public var scenario: Scenario
    public var status: SolveStatus
    /// The solver's objective, exactly (SPEC §4).
    public var priorityPoints: Double
    public var years: [Int] { scenario.years }
    public var envelope: [Double] { scenario.envelopes }
    /// Whole kroner allocated per year (sum of the reported lines).
    public var allocated: [Int]
    /// Dual of each year's envelope row: priority points per extra 1.000 kr.; `nil` for a MIP.
    public var marginalPointsPer1000: [Double]?
    public var outcomes: [ApplicationOutcome]
    /// Carried forward from each year into the next (DKK), when `carry_over` is on.
    public var carried: [Double]

    /// Whether the model had binary variables (a `min_fraction` or `max_projects` rule, or a
    /// `min_fraction` column).
    public var isMixedInteger: Bool
}

/// Solves a scenario and reports the allocation.
public enum Allocator {
    /// Builds the model, solves it on the calling thread (block by block on `jobs` threads when it
    /// falls apart into independent years), and rounds the result. The allocation is optimal, or
    /// feasible when a MIP stopped early; an infeasible scenario throws `InfeasibleScenario`, and a
    /// solver that ends without a solution throws `LPError.solverFailed`.
    public static func solve(round: Round, scenario: Scenario, options: SolveOptions = SolveOptions(),
                             jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                             writeModel: ((ModelWriter) throws -> Void)? = nil) throws -> Allocation {
        let model = try AllocationModel(round: round, scenario: scenario, lean: true)
        // The GLPK problem is freed before the allocation is built: on a large round it is the
        // largest thing in memory.
        let solution = try {
            // A model that falls apart into independent blocks (per_year without carry-over: one a
            // year) is solved block by block, the blocks side by side on the machine's cores.
            guard let writeModel else { return try SolverSession.solveOnce(model.program, options: options, jobs: jobs) }
            let session = try SolverSession(model.program)
            try writeModel(ModelWriter(session: session))
            return try session.solve(options)
        }()
        switch solution.status {
        case .optimal, .feasible: return Allocation(model: model, solution: solution)
        case .infeasible: throw InfeasibleScenario(round: round, scenario: scenario)
        case .unbounded, .undefined: throw LPError.solverFailed("\(scenario.name): \(solution.status)")
        }
    }
}

extension Allocation {
    /// The allocation a solution of `model` gives; `scenario` is the model's own unless a sweep or a
    /// frontier has moved its envelopes since it was built.
    public init(model: AllocationModel, solution: Solution, scenario: Scenario? = nil) {
        self.scenario = scenario ?? model.scenario
        isMixedInteger = model.program.isMixedInteger
        status = solution.status
        priorityPoints = solution.status.hasSolution ? solution.objective : 0
        let years = self.scenario.years
        let usable = solution.status.hasSolution && !solution.columnValues.isEmpty
        func value(_ c: LinearProgram.ColumnID) -> Double { usable ? solution.columnValues[c.index] : 0 }

        var outcomes: [ApplicationOutcome] = []
        outcomes.reserveCapacity(model.prepared.count)
        let binding = usable ? Self.bindingRows(model, solution) : []
        for (a, p) in model.prepared.enumerated() {
            var shares = [Double](repeating: 0, count: years.count)
            let columns = model.shareColumns[a]
            if !columns.isEmpty {
                for y in years.indices {
                    let period = columns.count == 1 ? columns[0] : columns[y]
                    shares[y] = Rounding.snap(period.reduce(0) { $0 + value($1) })
                }
            }
            var granted: [CategoryMap<Int>] = []
            for y in years.indices {
                var line = CategoryMap<Int>()
                for (category, amount) in p.eligibleRequest[y] where amount > 0 {
                    line[category] = Rounding.grantedLine(share: shares[y], request: amount)
                }
                granted.append(line)
            }
            let requested = p.application.requests.map { Int($0.total.rounded(.down)) }
            let total = p.eligibleTotal
            let share = total > 0 ? zip(shares, p.eligibleByYear).reduce(0) { $0 + $1.0 * $1.1 } / total : 0
            outcomes.append(ApplicationOutcome(
                prepared: p, status: .unfunded, share: Rounding.snap(share), shareByYear: shares, requested: requested,
                granted: granted, reasons: [], binding: usable ? binding[a] : []))
        }
        self.outcomes = outcomes
        self.allocated = []
        self.carried = model.carryColumns.map { value($0) * AllocationModel.unit }
        self.marginalPointsPer1000 = solution.isMixedInteger || !usable ? nil : model.envelopeMarginals(solution)
        keepWithinEnvelopes()
        for i in self.outcomes.indices { self.outcomes[i].classify(weights: self.scenario.weights) }
        allocated = years.indices.map { y in self.outcomes.reduce(0) { $0 + $1.granted[y].total } }
    }

    /// The envelope repair (`Rounding.excessOverEnvelopes`): the kroner a year is over are taken
    /// back from its lowest-weight lines, activities before rent before salary.
    private mutating func keepWithinEnvelopes() {
        let years = scenario.years
        let totals = years.indices.map { y in outcomes.reduce(0) { $0 + $1.granted[y].total } }
        let excessByYear = Rounding.excessOverEnvelopes(totals, envelopes: scenario.envelopes, carryOver: scenario.rules.carryOver)
        guard excessByYear.contains(where: { $0 > 0 }) else { return }
        let order = outcomes.indices.sorted { outcomes[$0].prepared.weight.weight < outcomes[$1].prepared.weight.weight }
        for y in years.indices {
            var excess = excessByYear[y]
            for i in order where excess > 0 {
                for category in CostCategory.allCases.reversed() where excess > 0 {
                    guard let amount = outcomes[i].granted[y][category], amount > 0 else { continue }
                    let cut = min(amount, excess)
                    outcomes[i].granted[y][category] = amount - cut
                    excess -= cut
                }
            }
        }
    }

    /// For each application, the rows it appears in that are tight at the optimum (and, for an LP,
    /// have a non-zero dual): what stops it getting more.
    static func bindingRows(_ model: AllocationModel, _ solution: Solution) -> [[ConstraintKind]] {
        let program = model.program
        var tight = [Bool](repeating: false, count: program.rows.count)
        for (r, row) in program.rows.enumerated() {
            let activity = solution.rowActivities[r]
            let atUpper = row.bounds.upper.map { abs(activity - $0) <= Tolerance.tightRow * max(1, abs($0)) } ?? false
            let atLower = row.bounds.lower.map { abs(activity - $0) <= Tolerance.tightRow * max(1, abs($0)) } ?? false
            let priced = solution.rowDuals.isEmpty || abs(solution.rowDuals[r]) > Tolerance.pricedDual
            tight[r] = (atUpper || atLower) && priced
        }
        var result = [[ConstraintKind]](repeating: [], count: model.prepared.count)
        for r in tight.indices where tight[r] {
            let kind = model.rowKinds[r]
            for a in model.applications(inRow: r) where !result[Int(a)].contains(kind) { result[Int(a)].append(kind) }
        }
        return result
    }
}

extension ApplicationOutcome {
    /// Sets the status and the reasons: the eligibility rules that fail, then how much it got and
    /// which rows hold it there, then (when money went elsewhere) the weight factor that holds it down.
    mutating func classify(weights: Weights) {
        let eligibility = prepared.eligibility
        reasons = eligibility.reasons.map(OutcomeReason.ineligible)
        if !eligibility.isEligible {
            status = .ineligible
            return
        }
        if prepared.eligibleTotal <= 0 {
            status = grantedTotal > 0 ? .partial : .unfunded
            reasons.append(.nothingEligibleRequested)
            return
        }
        if share >= 1 {
            status = .full
            reasons.append(.fullyFunded)
            return
        }
        if grantedTotal > 0 {
            status = .partial
            reasons.append(.partlyFunded(share: share, binding: binding))
        } else {
            status = .unfunded
            reasons.append(.unfunded(binding: binding))
        }
        // Held back by money, not by a rule of its own: say which factor keeps its weight down.
        let byMoney = binding.isEmpty || binding.contains { if case .envelope = $0 { true } else { false } }
        if byMoney, let weakest = prepared.weight.weakestFactor(weights) {
            reasons.append(.lowWeight(weakest.factor, value: weakest.value, best: weakest.best))
        }
    }
}

/// Writes the exact model GLPK is about to solve, for other solvers (`--write-model`).
public struct ModelWriter {
    let session: SolverSession
    /// `format`: `.cplexLP` or `.mps`.
    public func write(to path: String, format: ModelFormat) throws { try session.write(to: path, format: format) }
}

/// The solver's statuses and settings, named here so the layers above need not import the LP wrapper.
public typealias SolveStatus = LinearProgramming.SolveStatus
public typealias SolveOptions = LinearProgramming.SolveOptions
public typealias ModelFormat = LinearProgramming.ModelFormat

