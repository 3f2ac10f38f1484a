import CGLPK

#if canImport(Glibc)
    import Glibc
#endif

/// The exact re-solve: GLPK's simplex in rational arithmetic (`glp_exact`), as an independent
/// check of a solve (`solveExactly`) and to settle a doubtful one (`verified`).
extension GLPKProblem {
    /// How far a row or bound may be missed, relative to the magnitude of the row's own terms (or
    /// the bound), before an optimal solution is solved again exactly.
    static let acceptedViolation = 1e-8
    /// How large a reduced cost that could still improve the objective may be, relative to the
    /// column's objective coefficient, before an optimal solution is solved again exactly: GLPK's
    /// own dual tolerance (1e-7), here measured on the unscaled program.
    static let acceptedImprovement = 1e-7

    /// `solution` as it stands, or, when it is doubtful, solved again exactly from this basis.
    /// Checked against the unscaled program: within the scaled problem's tolerance a row can
    /// still be missed by far more than its own terms justify when one row mixes amounts many
    /// orders apart. Such a solution, and every "infeasible" (which an ill-scaled program can
    /// give wrongly, and which decides exit 2), is solved again.
    func verified(_ solution: Solution, options: SolveOptions) -> Solution {
        let doubtful =
            solution.status == .optimal
            && (program.largestRelativeViolation(solution) > Self.acceptedViolation
                || program.largestRelativeImprovement(solution) > Self.acceptedImprovement)
        guard doubtful || solution.status == .infeasible else { return solution }
        let code = exact(timeLimit: options.timeLimit)
        return currentSolution(
            code == 0
                ? Self.lpStatus(glp_get_status(handle))
                : code == GLP_ETMLIM
                    ? .undefined("the exact re-solve of an ill-scaled program reached the time limit")
                    : .undefined(Self.sentence(code)))
    }

    /// Solves the LP again in exact rational arithmetic, from the basis the floating-point simplex
    /// leaves: slow, and meant as an independent check of a solve's numbers.
    func solveExactly() throws(LPError) -> Solution {
        try checkThread()
        guard !program.isMixedInteger else { throw .solverFailed("an exact solve is for an LP, not a MIP") }
        guard !program.rows.isEmpty else { return try solveLP() }
        _ = try solveLP()
        let code = exact(timeLimit: nil)
        return currentSolution(code == 0 ? Self.lpStatus(glp_get_status(handle)) : .undefined(Self.sentence(code)))
    }

    /// `glp_exact` from the current basis (from a standard one if that is unusable), then the
    /// basis factorized again: the exact solve leaves none, and bound ranging and the next warm
    /// start need one. GLPK's return code.
    private func exact(timeLimit: Double?) -> Int32 {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        if let timeLimit { parm.tm_lim = Self.milliseconds(timeLimit) }
        var code = glp_exact(handle, &parm)
        if code == GLP_EBADB || code == GLP_ESING {
            glp_std_basis(handle)
            code = glp_exact(handle, &parm)
        }
        if code == 0, !program.rows.isEmpty { _ = glp_factorize(handle) }
        return code
    }
}
