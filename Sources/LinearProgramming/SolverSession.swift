import CGLPK

/// The file formats a model can be written in for other solvers.
public enum ModelFormat: Sendable { case cplexLP, mps }

/// A program handed to the solver: what everything above this module solves through. It keeps the
/// solver's problem between solves, so a change of bounds or objective is re-solved from the last
/// basis (dual simplex for an LP). Like the problem inside it, a session belongs to the thread
/// that made it: every use from another thread is refused with `LPError.wrongThread`.
public final class SolverSession {
    private let problem: GLPKProblem

    /// The solver's name and version, for the stamp on every report (e.g. "5.0").
    public static var solverVersion: String { GLPKProblem.version }

    /// Loads `program` into the solver. `verified`: an optimum that misses a row or a bound by
    /// more than its magnitude justifies, and every "infeasible", is solved again in exact
    /// arithmetic before it is returned (for a one-off solve; a kept problem whose bounds a sweep or
    /// a frontier moves keeps GLPK's own basis from solve to solve).
    public init(_ program: LinearProgram, verified: Bool = false) throws(LPError) {
        problem = try GLPKProblem(program)
        problem.verify = verified
    }

    /// The program as it now stands (with every change made through the session).
    public var program: LinearProgram { problem.program }

    /// Solves as a MIP when the program has integer columns, else as an LP from the last basis.
    public func solve(_ options: SolveOptions = SolveOptions()) throws(LPError) -> Solution {
        try problem.solve(options)
    }

    /// The LP with every integer column fixed at its value in `solution` (the MIP's just solved),
    /// warm from the basis the problem holds; the fixings stay (for a one-off solve).
    public func solveWithIntegersFixed(_ solution: Solution) throws(LPError) -> Solution {
        try problem.solveWithIntegersFixed(solution)
    }

    /// The LP solved again in exact rational arithmetic: an independent check of the numbers of a
    /// solve (slow; for tests and audits).
    public func solveExactly() throws(LPError) -> Solution { try problem.solveExactly() }

    /// The next LP solve starts from the greedy basis of the program as it then stands, not from
    /// the last basis (the better start after a large change of bounds).
    public func restartFromGreedyBasis() throws(LPError) {
        try problem.checkThread()
        problem.restartFromGreedyBasis()
    }

    public func setBounds(_ bounds: LinearProgram.Bounds, of row: LinearProgram.RowID) throws(LPError) {
        try problem.setBounds(bounds, ofRow: row)
    }

    public func setBounds(_ bounds: LinearProgram.Bounds, of column: LinearProgram.ColumnID) throws(LPError) {
        try problem.setBounds(bounds, ofColumn: column)
    }

    public func setObjective(_ coefficient: Double, of column: LinearProgram.ColumnID) throws(LPError) {
        try problem.setObjective(coefficient, ofColumn: column)
    }

    /// The range over which the active bound of a non-basic column can move with the last optimal
    /// basis staying optimal; `nil` when the column is basic or there is no such basis.
    public func boundRange(of column: LinearProgram.ColumnID) throws(LPError) -> (lower: Double?, upper: Double?)? {
        try problem.boundRange(ofColumn: column)
    }

    /// How the last optimal basis's solution moves with a parameter `p` that sets the fixed
    /// non-basic columns of `direction` to `rate·p` (it stood at `parameter` for the last solve), and
    /// over which interval of `p` the basis holds; `nil` without such a basis.
    public func basisPiece(along direction: [(column: LinearProgram.ColumnID, rate: Double)], at parameter: Double)
        throws(LPError) -> BasisPiece?
    {
        try problem.basisPiece(along: direction, at: parameter)
    }

    /// The interval of `Δ` over which the objective `c + Δ·direction` keeps the last optimal basis
    /// (and so the solution) optimal; `nil` without one, an unlimited side `nil`.
    public func objectiveRange(direction: [(LinearProgram.ColumnID, Double)]) throws(LPError) -> (
        lower: Double?, upper: Double?
    )? {
        try problem.objectiveRange(direction: direction)
    }

    /// Writes the program as the solver holds it, in CPLEX LP or free MPS format.
    public func write(to path: String, format: ModelFormat) throws(LPError) {
        try problem.write(to: path, format: format)
    }

    /// Solves `program` once, without keeping it: block by block, `jobs` blocks side by side, when
    /// it falls apart into independent blocks (a per-year model without carry-over does), else whole.
    public static func solveOnce(_ program: LinearProgram, options: SolveOptions = SolveOptions(), jobs: Int = 1) throws
        -> Solution
    {
        try BlockSolver.solve(program, options: options, jobs: jobs)
    }
}
