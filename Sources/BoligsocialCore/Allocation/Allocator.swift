import Foundation
import LinearProgramming

/// A point reached inside `Allocator.solve`.
public enum SolveStage {
    case modelBuilt(rows: Int, columns: Int)
    /// The solver's status, its simplex iterations (a MIP's at its root) and a MIP's progress.
    case solved(SolveStatus, iterations: Int, mip: MIPProgress?)
}

/// Solves a scenario and reports the allocation.
public enum Allocator {
    /// Builds the model, solves it on the calling thread (block by block on `jobs` threads when it
    /// falls apart into independent years), and rounds the result. The allocation is optimal, or
    /// feasible when a MIP stopped early; an infeasible scenario throws `InfeasibleScenario`, and a
    /// solver that ends without a solution throws `LPError.solverFailed`.
    ///
    /// `onStage` hears when the model is built and when it is solved (before the rounding), for
    /// `--verbose`.
    public static func solve(
        round: Round, scenario: Scenario, options: SolveOptions = SolveOptions(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        writeModel: ((ModelWriter) throws -> Void)? = nil,
        onStage: ((SolveStage) -> Void)? = nil
    ) throws -> Allocation {
        let model = try AllocationModel(round: round, scenario: scenario, lean: true)
        onStage?(.modelBuilt(rows: model.program.rows.count, columns: model.program.columns.count))
        // The GLPK problem is freed before the allocation is built: on a large round it is the
        // largest thing in memory. A MIP keeps its problem for the values of one more 1.000 kr.
        // (the LP with its integer choices fixed, warm from branch-and-cut's last basis).
        let (solution, marginals): (Solution, [Double]?) = try {
            // A model to write, or a MIP, is solved whole in one kept problem.
            if writeModel != nil || model.program.isMixedInteger {
                let session = try SolverSession(model.program, verified: true)
                try writeModel?(ModelWriter(session: session))
                let solution = try session.solve(options)
                return (
                    solution, solution.isMixedInteger ? chosenProjectMarginals(model, solution, session: session) : nil
                )
            }
            // A model that falls apart into independent blocks (per_year without carry-over: one a
            // year) is solved block by block, the blocks side by side on the machine's cores.
            return (try SolverSession.solveOnce(model.program, options: options, jobs: jobs), nil)
        }()
        onStage?(.solved(solution.status, iterations: solution.iterations, mip: solution.mipProgress))
        switch solution.status {
        case .optimal, .feasible:
            var allocation = Allocation(model: model, solution: solution)
            if let marginals {
                allocation.marginalPointsPer1000 = marginals
                allocation.marginalsForChosenProjects = true
            }
            return allocation
        case .infeasible: throw InfeasibleScenario(round: round, scenario: scenario)
        case .unbounded, .undefined: throw LPError.solverFailed("\(scenario.name): \(solution.status)")
        }
    }

    /// The value of one more 1.000 kr. per year for a MIP: its integer choices fixed as branch-and-cut
    /// found them, the rest solved as an LP (on the same problem, warm), whose envelope duals then
    /// hold for that set of projects. `nil` when there is no MIP solution or that LP fails.
    static func chosenProjectMarginals(_ model: AllocationModel, _ solution: Solution, session: SolverSession)
        -> [Double]?
    {
        guard solution.status.hasSolution,
            let fixed = try? session.solveWithIntegersFixed(solution), fixed.status == .optimal
        else { return nil }
        return model.envelopeMarginals(fixed)
    }
}
