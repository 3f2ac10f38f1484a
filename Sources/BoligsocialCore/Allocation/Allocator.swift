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
        case .optimal, .feasible: return Allocation(model: model, solution: solution)
        case .infeasible: throw InfeasibleScenario(round: round, scenario: scenario)
        case .unbounded, .undefined: throw LPError.solverFailed("\(scenario.name): \(solution.status)")
        }
    }
}
