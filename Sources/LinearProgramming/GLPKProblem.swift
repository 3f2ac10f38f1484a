import CGLPK

#if canImport(Glibc)
    import Glibc
#endif

/// A program loaded into GLPK: the one owner of a `glp_prob *`, seen only inside this module
/// (everything above it goes through `SolverSession`).
///
/// GLPK keeps its environment per thread, and a problem created on one thread aborts the process if
/// it is freed on another. So a `GLPKProblem` remembers the thread that made it and refuses, with
/// `LPError.wrongThread`, every use from another one. It is not `Sendable`.
final class GLPKProblem {
    let handle: OpaquePointer
    private let owner: pthread_t
    /// The program as loaded, kept to validate later changes against it.
    private(set) var program: LinearProgram
    private var hasBasis = false
    private var needsGreedyBasis = false
    /// Whether an optimum that misses a row or a bound by more than its magnitude justifies, or an
    /// "infeasible", is solved again in exact arithmetic (see `solveLP`). On for a one-off solve;
    /// a kept problem re-solved as its bounds move (sweeps, frontiers) keeps GLPK's own basis.
    var verify = false

    /// GLPK's version, e.g. "5.0".
    static var version: String { String(cString: glp_version()) }

    /// Loads `program` in one bulk call (`glp_load_matrix`).
    init(_ program: LinearProgram) throws(LPError) {
        guard !program.columns.isEmpty else { throw .emptyProblem }
        glp_term_out(GLP_OFF)
        owner = pthread_self()
        self.program = program
        handle = glp_create_prob()
        glp_set_prob_name(handle, program.name)
        glp_set_obj_dir(handle, program.sense == .maximize ? GLP_MAX : GLP_MIN)
        let m = program.rows.count
        let n = program.columns.count
        if m > 0 { glp_add_rows(handle, Int32(m)) }
        glp_add_cols(handle, Int32(n))
        for (i, row) in program.rows.enumerated() {
            Self.setRowBounds(handle, GLPKIndex.row(i), row.bounds)
        }
        for (j, column) in program.columns.enumerated() {
            let index = GLPKIndex.column(j)
            Self.setColumnBounds(handle, index, column.bounds)
            glp_set_obj_coef(handle, index, column.objective)
            switch column.kind {
            case .continuous: break
            case .binary: glp_set_col_kind(handle, index, GLP_BV)
            case .integer: glp_set_col_kind(handle, index, GLP_IV)
            }
        }
        if program.nonzeroCount > 0 {
            let (ia, ja, ar) = GLPKIndex.matrix(program)
            glp_load_matrix(handle, Int32(program.nonzeroCount), ia, ja, ar)
        }
    }

    deinit {
        // Freeing on a foreign thread aborts GLPK; leaking one problem is the lesser harm.
        if pthread_equal(owner, pthread_self()) != 0 { glp_delete_prob(handle) }
    }

    func checkThread() throws(LPError) {
        guard pthread_equal(owner, pthread_self()) != 0 else { throw .wrongThread }
    }

    /// Makes the next LP solve start from the greedy basis of the program as it then stands
    /// instead of the last basis: after a large change of bounds (an envelope moved by a tenth),
    /// dual simplex from the last basis walks every vertex in between, while the greedy basis is
    /// a few pivots from the new optimum.
    func restartFromGreedyBasis() {
        if hasBasis { needsGreedyBasis = true }
    }

    /// Makes the next LP solve start from GLPK's standard basis (every row's slack basic) instead
    /// of the greedy one: the reference the greedy basis is checked against.
    func startFromStandardBasis() {
        scale()
        glp_std_basis(handle)
        hasBasis = true
        needsGreedyBasis = false
    }

    /// Scales the matrix as GLPK's automatic scaling would (`Scaling`), computed on the program's
    /// arrays rather than on GLPK's linked elements. A factor that is not a positive number (only
    /// a matrix spanning more than the doubles could make one) stays 1, where GLPK would abort.
    func scale(_ byColumn: ColumnMajor? = nil) {
        let scaling = Scaling(program, byColumn: byColumn)
        for (i, factor) in scaling.rows.enumerated() {
            glp_set_rii(handle, GLPKIndex.row(i), factor > 0 && factor.isFinite ? factor : 1)
        }
        for (j, factor) in scaling.columns.enumerated() {
            glp_set_sjj(handle, GLPKIndex.column(j), factor > 0 && factor.isFinite ? factor : 1)
        }
    }

    /// GLPK's own automatic scaling factors (`glp_scale_prob`), the reference `Scaling` is tested against.
    func glpkScaleFactors() -> (rows: [Double], columns: [Double]) {
        glp_scale_prob(handle, GLP_SF_AUTO)
        return (
            (0..<program.rows.count).map { glp_get_rii(handle, GLPKIndex.row($0)) },
            (0..<program.columns.count).map { glp_get_sjj(handle, GLPKIndex.column($0)) }
        )
    }

    /// Changes the bounds of a row (an envelope between sweep steps); the basis is kept.
    func setBounds(_ bounds: LinearProgram.Bounds, ofRow row: LinearProgram.RowID) throws(LPError) {
        try checkThread()
        try program.setBounds(bounds, of: row)
        Self.setRowBounds(handle, GLPKIndex.row(row), bounds)
    }

    /// Changes the bounds of a column (an envelope or the envelope scale between steps); the basis is kept.
    func setBounds(_ bounds: LinearProgram.Bounds, ofColumn column: LinearProgram.ColumnID) throws(LPError) {
        try checkThread()
        try program.setBounds(bounds, of: column)
        Self.setColumnBounds(handle, GLPKIndex.column(column), bounds)
    }

    /// Changes a column's objective coefficient (an application's weight, say); the basis is kept.
    func setObjective(_ coefficient: Double, ofColumn column: LinearProgram.ColumnID) throws(LPError) {
        try checkThread()
        try program.setObjective(coefficient, of: column)
        glp_set_obj_coef(handle, GLPKIndex.column(column), coefficient)
    }

    /// Solves the LP (or the LP relaxation of a MIP) by dual simplex with the long-step ratio test.
    /// The first solve starts from the greedy basis; later solves start from the last basis.
    func solveLP(_ options: SolveOptions = SolveOptions()) throws(LPError) -> Solution {
        try checkThread()
        glp_term_out(GLP_OFF)
        if !hasBasis {
            let byColumn = ColumnMajor(program)
            scale(byColumn)
            setGreedyBasis(byColumn)
            hasBasis = true
        } else if needsGreedyBasis {
            setGreedyBasis()
        }
        needsGreedyBasis = false
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.meth = GLP_DUALP
        parm.r_test = GLP_RT_FLIP
        parm.presolve = GLP_OFF
        // Tolerances stated, not inherited: the model is in 1.000 kr. (coefficients and bounds
        // from 1e-3 to 1e7 after GLPK's automatic scaling), so primal and dual feasibility to 1e-7
        // and pivots above 1e-10 keep a krone's accuracy on envelopes up to 10^10 kr.
        parm.tol_bnd = 1e-7
        parm.tol_dj = 1e-7
        parm.tol_piv = 1e-10
        if let limit = options.timeLimit { parm.tm_lim = Self.milliseconds(limit) }
        let iterationsBefore = glp_get_it_cnt(handle)
        var code = glp_simplex(handle, &parm)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            // A basis gone bad: start again from a standard basis once.
            glp_std_basis(handle)
            code = glp_simplex(handle, &parm)
        }
        let status: SolveStatus
        switch code {
        case 0:
            status = Self.lpStatus(glp_get_status(handle))
        case GLP_ETMLIM, GLP_EITLIM:
            status = glp_get_prim_stat(handle) == GLP_FEAS ? .feasible(gap: nil) : .undefined(Self.sentence(code))
        default:
            status = .undefined(Self.sentence(code))
        }
        var solution = currentSolution(status)
        if verify { solution = verified(solution, options: options) }
        solution.iterations = Int(glp_get_it_cnt(handle) - iterationsBefore)
        return solution
    }

    /// The LP solution GLPK holds now, with `status`.
    func currentSolution(_ status: SolveStatus) -> Solution {
        let m = program.rows.count
        let n = program.columns.count
        return Solution(
            status: status,
            objective: glp_get_obj_val(handle),
            columnValues: (0..<n).map { glp_get_col_prim(handle, GLPKIndex.column($0)) },
            rowActivities: (0..<m).map { glp_get_row_prim(handle, GLPKIndex.row($0)) },
            rowDuals: (0..<m).map { glp_get_row_dual(handle, GLPKIndex.row($0)) },
            reducedCosts: (0..<n).map { glp_get_col_dual(handle, GLPKIndex.column($0)) },
            isMixedInteger: false)
    }

    /// Solves the MIP by GLPK's branch-and-cut from the optimal basis of its LP relaxation.
    func solveMIP(_ options: SolveOptions = SolveOptions()) throws(LPError) -> Solution {
        try checkThread()
        glp_term_out(GLP_OFF)
        guard options.mipGap.isFinite, options.mipGap >= 0 else {
            throw .notFinite(what: "MIP gap", value: options.mipGap)
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        // The root LP relaxation by the LP path (dual simplex from the greedy basis, or from the
        // last basis of a kept problem) instead of GLPK's presolver and primal simplex: on a
        // generated 5,000-application round with selection, returns and carry-over 8,945 dual
        // pivots in 8.1 s against 17,324 primal ones, the whole solve 10.5 s instead of 14.6 s.
        // Branch-and-cut then starts from that optimal basis without the presolver. Without an
        // optimum there (an infeasible or failed relaxation) GLPK's own presolver decides.
        let started = ContinuousClock.now
        let root = try solveLPUnchecked(options)
        let rootSeconds = Self.seconds(since: started)
        parm.presolve = root.status == .optimal ? GLP_OFF : GLP_ON
        parm.mip_gap = options.mipGap
        // A binary is integral within 1e-7 (a selection never half-made), objective ties to 1e-7.
        parm.tol_int = 1e-7
        parm.tol_obj = 1e-7
        parm.gmi_cuts = GLP_ON
        parm.mir_cuts = GLP_ON
        parm.cov_cuts = GLP_ON
        parm.fp_heur = GLP_ON
        // The time limit is the whole solve's: the search gets what the root LP left of it.
        if let limit = options.timeLimit { parm.tm_lim = Self.milliseconds(max(0.001, limit - rootSeconds)) }
        // The proven relative gap, recorded by a callback as branch-and-cut goes (GLPK reports it
        // only from inside the search), so an early stop can say how far from optimal it is.
        let progress = SearchProgress(started: started)
        parm.cb_func = { tree, info in
            guard let tree, let info else { return }
            let progress = Unmanaged<SearchProgress>.fromOpaque(info).takeUnretainedValue()
            let gap = glp_ios_mip_gap(tree)
            let proven: Double? = gap.isFinite && gap < 1e300 ? gap : nil
            if let proven { progress.gap = proven }
            // A better integer allocation has just been found: when, how good, how far from proven.
            if glp_ios_reason(tree) == GLP_IBINGO {
                progress.incumbents.append(
                    .init(
                        seconds: GLPKProblem.seconds(since: progress.started),
                        objective: glp_mip_obj_val(glp_ios_get_prob(tree)), gap: proven))
            }
        }
        let code = withExtendedLifetime(progress) {
            parm.cb_info = Unmanaged.passUnretained(progress).toOpaque()
            return glp_intopt(handle, &parm)
        }
        let status: SolveStatus
        switch code {
        case 0, GLP_ETMLIM, GLP_EMIPGAP, GLP_ESTOP:
            switch glp_mip_status(handle) {
            case GLP_OPT: status = code == 0 ? .optimal : .feasible(gap: progress.gap)
            case GLP_FEAS: status = .feasible(gap: progress.gap) // never claimed optimal without GLP_OPT
            case GLP_NOFEAS: status = .infeasible
            default: status = .undefined(code == 0 ? "no integer solution was found" : Self.sentence(code))
            }
        case GLP_ENOPFS: status = .infeasible
        case GLP_ENODFS: status = .unbounded
        default: status = .undefined(Self.sentence(code))
        }
        let m = program.rows.count
        let n = program.columns.count
        var solution = Solution(
            status: status,
            objective: glp_mip_obj_val(handle),
            columnValues: (0..<n).map { glp_mip_col_val(handle, GLPKIndex.column($0)) },
            rowActivities: (0..<m).map { glp_mip_row_val(handle, GLPKIndex.row($0)) },
            rowDuals: [], reducedCosts: [], isMixedInteger: true)
        solution.iterations = root.iterations
        solution.mipProgress = MIPProgress(
            rootSeconds: rootSeconds, rootIterations: root.iterations, incumbents: progress.incumbents)
        return solution
    }

    /// Solves as a MIP when the program has integer columns, else as an LP.
    func solve(_ options: SolveOptions = SolveOptions()) throws(LPError) -> Solution {
        program.isMixedInteger ? try solveMIP(options) : try solveLP(options)
    }

    /// The LP with every integer column fixed at its value in `solution` (a MIP's), solved by dual
    /// simplex from the basis the problem holds (the last LP basis of branch-and-cut, close to
    /// it), not from scratch. The fixings stay: for a one-off problem whose MIP is solved.
    func solveWithIntegersFixed(_ solution: Solution) throws(LPError) -> Solution {
        try checkThread()
        for column in program.columnIDs where program.columns[column.index].kind != .continuous {
            let value = solution.columnValues[column.index].rounded()
            try program.setKind(.continuous, of: column)
            try program.setBounds(.equal(value), of: column)
            glp_set_col_kind(handle, GLPKIndex.column(column), GLP_CV)
            Self.setColumnBounds(handle, GLPKIndex.column(column), .equal(value))
        }
        return try solveLPUnchecked()
    }

    /// `solveLP` without the exact-arithmetic check of a one-off solve: for the LPs a MIP solves
    /// on the way (its root, its marginal values), whose answers are not reported as they stand.
    private func solveLPUnchecked(_ options: SolveOptions = SolveOptions()) throws(LPError) -> Solution {
        let keepVerify = verify
        verify = false
        defer { verify = keepVerify }
        return try solveLP(options)
    }

    /// The best proven relative gap seen by the branch-and-cut callback.
    private final class SearchProgress {
        let started: ContinuousClock.Instant
        var gap: Double?
        var incumbents: [MIPProgress.Incumbent] = []
        init(started: ContinuousClock.Instant) { self.started = started }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double { (ContinuousClock.now - start) / .seconds(1) }

    // MARK: - Helpers that see GLPK constants

    /// Starts from the program's greedy basis (`LinearProgram.greedyBasis`): dual feasible, and on
    /// the memo's model a few pivots from the optimum, so dual simplex has little left to do.
    private func setGreedyBasis(_ byColumn: ColumnMajor? = nil) {
        let basis = program.greedyBasis(byColumn: byColumn ?? ColumnMajor(program))
        for (i, status) in basis.rows.enumerated() {
            glp_set_row_stat(handle, GLPKIndex.row(i), Self.glpkStatus(status))
        }
        for (j, status) in basis.columns.enumerated() {
            glp_set_col_stat(handle, GLPKIndex.column(j), Self.glpkStatus(status))
        }
    }

    private static func glpkStatus(_ status: BasisStatus) -> Int32 {
        switch status {
        case .basic: GLP_BS
        case .atLower: GLP_NL
        case .atUpper: GLP_NU
        case .fixed: GLP_NS
        case .free: GLP_NF
        }
    }

    private static func setRowBounds(_ p: OpaquePointer, _ i: Int32, _ b: LinearProgram.Bounds) {
        let (type, lb, ub) = glpkBounds(b)
        glp_set_row_bnds(p, i, type, lb, ub)
    }

    private static func setColumnBounds(_ p: OpaquePointer, _ j: Int32, _ b: LinearProgram.Bounds) {
        let (type, lb, ub) = glpkBounds(b)
        glp_set_col_bnds(p, j, type, lb, ub)
    }

    /// GLPK wants `GLP_FX` for equal bounds; `GLP_DB` with lb == ub fails later with `GLP_EBOUND`.
    private static func glpkBounds(_ b: LinearProgram.Bounds) -> (Int32, Double, Double) {
        switch (b.lower, b.upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case (let l?, nil): (GLP_LO, l, 0)
        case (nil, let u?): (GLP_UP, 0, u)
        case (let l?, let u?): l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
        }
    }

    static func milliseconds(_ seconds: Double) -> Int32 {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int32(min(seconds * 1000, Double(Int32.max)))
    }

    static func lpStatus(_ status: Int32) -> SolveStatus {
        switch status {
        case GLP_OPT: .optimal
        case GLP_FEAS: .feasible(gap: nil)
        case GLP_NOFEAS: .infeasible
        case GLP_INFEAS: .undefined("GLPK stopped with a basic solution that breaks a rule; no allocation is claimed")
        case GLP_UNBND: .unbounded
        default: .undefined("the solution is undefined")
        }
    }

    /// A sentence for each of GLPK's return codes.
    static func sentence(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "the initial basis is invalid"
        case GLP_ESING: "the basis matrix is singular"
        case GLP_ECOND: "the basis matrix is ill-conditioned"
        case GLP_EBOUND: "some bounds are invalid"
        case GLP_EFAIL: "the solver failed"
        case GLP_EITLIM: "the iteration limit was reached"
        case GLP_ETMLIM: "the time limit was reached"
        case GLP_ENOPFS: "there is no primal feasible solution"
        case GLP_ENODFS: "there is no dual feasible solution"
        case GLP_EROOT: "the root LP optimum was not provided"
        case GLP_ESTOP: "the search was stopped"
        case GLP_EMIPGAP: "the relative MIP gap tolerance was reached"
        default: "GLPK returned code \(code)"
        }
    }
}
