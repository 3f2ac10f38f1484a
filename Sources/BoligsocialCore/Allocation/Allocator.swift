import Foundation
import LinearProgramming

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
            let session = try SolverSession(model.program, verified: true)
            try writeModel(ModelWriter(session: session))
            return try session.solve(options)
        }()
        switch solution.status {
        case .optimal, .feasible:
            var allocation = Allocation(model: model, solution: solution)
            if solution.isMixedInteger, let marginals = try? chosenProjectMarginals(model, solution, options: options) {
                allocation.marginalPointsPer1000 = marginals
                allocation.marginalsForChosenProjects = true
            }
            return allocation
        case .infeasible: throw InfeasibleScenario(round: round, scenario: scenario)
        case .unbounded, .undefined: throw LPError.solverFailed("\(scenario.name): \(solution.status)")
        }
    }

    /// The value of one more 1.000 kr. per year for a MIP: its integer choices fixed as branch-and-cut
    /// found them, the rest solved as an LP, whose envelope duals then hold for that set of projects.
    static func chosenProjectMarginals(_ model: AllocationModel, _ solution: Solution, options: SolveOptions) throws -> [Double]? {
        var program = model.program
        for column in program.columnIDs where program.columns[column.index].kind != .continuous {
            let value = solution.columnValues[column.index].rounded()
            try program.setKind(.continuous, of: column)
            try program.setBounds(.equal(value), of: column)
        }
        let fixed = try SolverSession(program).solve(options)
        guard fixed.status == .optimal, !fixed.isMixedInteger else { return nil }
        return model.envelopeMarginals(fixed)
    }
}
