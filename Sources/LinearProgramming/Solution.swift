/// What a solve ended with, as a typed case with a sentence for the user.
public enum SolveStatus: Sendable, Equatable, CustomStringConvertible {
    /// Proven optimal.
    case optimal
    /// A feasible solution, stopped early (time or iteration limit); for a MIP `gap` is its proven gap.
    case feasible(gap: Double?)
    /// No solution satisfies every constraint.
    case infeasible
    /// The objective can grow without limit.
    case unbounded
    /// The solver stopped without a usable solution.
    case undefined(String)

    public var description: String {
        switch self {
        case .optimal: "optimal"
        case .feasible(let gap):
            gap.map { "feasible, stopped early with a gap of \($0 * 100)%" } ?? "feasible, stopped early"
        case .infeasible: "infeasible: no allocation satisfies every rule"
        case .unbounded: "unbounded: the objective can grow without limit"
        case .undefined(let why): "no solution: \(why)"
        }
    }

    /// The status of a whole from two of its independent parts: any part without a solution decides it.
    public static func worse(_ a: SolveStatus, _ b: SolveStatus) -> SolveStatus {
        func rank(_ s: SolveStatus) -> Int {
            switch s {
            case .optimal: 0
            case .feasible: 1
            case .unbounded: 2
            case .infeasible: 3
            case .undefined: 4
            }
        }
        return rank(b) > rank(a) ? b : a
    }

    /// Whether `columnValues` hold a usable (feasible) point.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: true
        default: false
        }
    }
}

/// A solved program: values per column and row in the order the `LinearProgram` added them.
public struct Solution: Sendable {
    public var status: SolveStatus
    public var objective: Double
    public var columnValues: [Double]
    public var rowActivities: [Double]
    /// Row duals (shadow prices); empty for a MIP.
    public var rowDuals: [Double]
    /// Column reduced costs; empty for a MIP.
    public var reducedCosts: [Double]
    public var isMixedInteger: Bool
    /// Simplex iterations this solve took (for a MIP: those of its root LP relaxation).
    public var iterations = 0
    /// A MIP's progress: how long its root LP relaxation took, and each better allocation
    /// branch-and-cut found, when and with what proven gap (for `--verbose`).
    public var mipProgress: MIPProgress?

    public init(
        status: SolveStatus, objective: Double, columnValues: [Double], rowActivities: [Double],
        rowDuals: [Double], reducedCosts: [Double], isMixedInteger: Bool
    ) {
        self.status = status
        self.objective = objective
        self.columnValues = columnValues
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.isMixedInteger = isMixedInteger
    }

    public func value(_ column: LinearProgram.ColumnID) -> Double { columnValues[column.index] }
    public func activity(_ row: LinearProgram.RowID) -> Double { rowActivities[row.index] }
    public func dual(_ row: LinearProgram.RowID) -> Double? { rowDuals.isEmpty ? nil : rowDuals[row.index] }
    public func reducedCost(_ column: LinearProgram.ColumnID) -> Double? {
        reducedCosts.isEmpty ? nil : reducedCosts[column.index]
    }
}

/// Settings for a solve. Defaults are the fast ones measured on this model (Benchmarks/README.md).
public struct SolveOptions: Sendable {
    /// Time limit in seconds for GLPK (simplex and branch-and-cut); `nil` = none.
    public var timeLimit: Double?
    /// Relative MIP gap at which branch-and-cut stops; GLPK's default is 0.
    public var mipGap: Double
    public init(timeLimit: Double? = nil, mipGap: Double = 0) {
        self.timeLimit = timeLimit
        self.mipGap = mipGap
    }
}

/// How a branch-and-cut went: the root LP relaxation's time and pivots, and the incumbents in the
/// order found.
public struct MIPProgress: Sendable {
    public struct Incumbent: Sendable {
        /// Seconds since the solve began (root LP included).
        public var seconds: Double
        public var objective: Double
        /// The relative gap proven when it was found; `nil` before a bound exists.
        public var gap: Double?
    }
    public var rootSeconds: Double
    public var rootIterations: Int
    public var incumbents: [Incumbent]
}
