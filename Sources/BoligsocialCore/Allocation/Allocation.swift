import Foundation
import LinearProgramming

/// The optimal allocation of one scenario: the solver's result turned back into the memo's terms.
public struct Allocation: Sendable {
    public var scenario: Scenario
    public var status: SolveStatus
    /// The solver's objective, exactly (docs/model.md).
    public var priorityPoints: Double
    public var years: [Int] { scenario.years }
    public var envelope: [Double] { scenario.envelopes }
    /// Whole kroner allocated per year (sum of the reported lines).
    public var allocated: [Int]
    /// Dual of each year's envelope row: priority points per extra 1.000 kr. For a MIP, those of the
    /// LP with its integer choices fixed as found (`marginalsForChosenProjects`); `nil` when none.
    public var marginalPointsPer1000: [Double]?
    /// The marginal values hold for the chosen set of projects (a MIP, its choices fixed).
    public var marginalsForChosenProjects = false
    public var outcomes: [ApplicationOutcome]
    /// Carried forward from each year into the next (DKK), when `carry_over` is on.
    public var carried: [Double]

    /// Whether the model had binary variables (a `min_fraction` or `max_projects` rule, or a
    /// `min_fraction` column).
    public var isMixedInteger: Bool
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
                    shares[y] = Rounding.snap(period.reduce(0) { $0 + value($1) / model.scale(of: $1) })
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
            outcomes.append(
                ApplicationOutcome(
                    prepared: p, status: .unfunded, share: Rounding.snap(share), shareByYear: shares,
                    requested: requested,
                    granted: granted, reasons: [], binding: usable ? binding[a] : []))
        }
        self.outcomes = outcomes
        self.allocated = []
        self.carried = model.carryColumns.map { value($0) * AllocationModel.unit }
        self.marginalPointsPer1000 = solution.isMixedInteger || !usable ? nil : model.envelopeMarginals(solution)
        keepWithinEnvelopes()
        let reached = Set(self.outcomes.lazy.flatMap(\.prepared.weight.qualityCriteria))
        let assessed = self.outcomes.contains { $0.application.assessment != nil }
        for i in self.outcomes.indices {
            self.outcomes[i].classify(weights: self.scenario.weights, reached: reached, assessed: assessed)
        }
        // How far below the line: the last application in priority order (lowest weight, then
        // the last id) that gets money, against each one the money holds back below it.
        let funded = self.outcomes.filter { $0.prepared.isFundable && $0.grantedTotal > 0 }
        if let last = funded.min(by: {
            ($0.prepared.weight.weight, $1.application.id) < ($1.prepared.weight.weight, $0.application.id)
        }) {
            for i in self.outcomes.indices
            where self.outcomes[i].heldByMoney
                && self.outcomes[i].prepared.weight.weight <= last.prepared.weight.weight
                && self.outcomes[i].application.id != last.application.id
            {
                self.outcomes[i].reasons.append(
                    .belowLastFunded(
                        weight: self.outcomes[i].prepared.weight.weight, lastWeight: last.prepared.weight.weight,
                        lastID: last.application.id))
            }
        }
        allocated = years.indices.map { y in self.outcomes.reduce(0) { $0 + $1.granted[y].total } }
    }

    /// The envelope repair (`Rounding.excessOverEnvelopes`): the kroner a year is over are taken
    /// back from its lowest-weight lines, activities before rent before salary.
    private mutating func keepWithinEnvelopes() {
        let years = scenario.years
        let totals = years.indices.map { y in outcomes.reduce(0) { $0 + $1.granted[y].total } }
        let excessByYear = Rounding.excessOverEnvelopes(
            totals, envelopes: scenario.envelopes, carryOver: scenario.rules.carryOver)
        guard excessByYear.contains(where: { $0 > 0 }) else { return }
        let order = outcomes.indices.sorted {
            outcomes[$0].prepared.weight.weight < outcomes[$1].prepared.weight.weight
        }
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
