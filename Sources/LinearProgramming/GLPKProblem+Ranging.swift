import CGLPK

#if canImport(Glibc)
    import Glibc
#endif

/// Sensitivity analysis on the last optimal basis: how far a column's fixed value (the frontier's
/// envelope scale) or the objective (`sensitivity`'s weights) can move with the basis staying optimal.
extension GLPKProblem {
    /// The range over which the active bound of a non-basic column can move with the current basis
    /// staying primal feasible (so the duals, and the objective's slope, stay the same). `nil` when
    /// the column is basic or the last solve did not leave an optimal basis with its factorization;
    /// an unlimited side is `nil` too. Checked first, because `glp_analyze_bound` aborts otherwise.
    func boundRange(ofColumn column: LinearProgram.ColumnID) throws(LPError) -> (lower: Double?, upper: Double?)? {
        try checkThread()
        guard column.index >= 0, column.index < program.columns.count else {
            throw .indexOutOfRange(what: "column", index: column.index, count: program.columns.count)
        }
        // glp_analyze_bound numbers the rows' auxiliary variables first, then the columns.
        let k = Int32(program.rows.count) + GLPKIndex.column(column)
        guard glp_get_prim_stat(handle) == GLP_FEAS, glp_get_dual_stat(handle) == GLP_FEAS,
            program.rows.isEmpty || glp_bf_exists(handle) != 0,
            glp_get_col_stat(handle, GLPKIndex.column(column)) != GLP_BS
        else { return nil }
        // A fresh factorization and fresh primal values for the basis first: after a warm solve
        // that ended on a bound flip, the kept ones can describe an earlier point, and the range
        // read from them then need not contain the bound's own value.
        guard glp_warm_up(handle) == 0, glp_get_prim_stat(handle) == GLP_FEAS, glp_get_dual_stat(handle) == GLP_FEAS,
            glp_bf_exists(handle) != 0
        else { return nil }
        var value1 = 0.0
        var value2 = 0.0
        var var1: Int32 = 0
        var var2: Int32 = 0
        glp_analyze_bound(handle, k, &value1, &var1, &value2, &var2)
        let unlimited = 0.99 * Double.greatestFiniteMagnitude
        let range = (lower: value1 <= -unlimited ? nil : value1, upper: value2 >= unlimited ? nil : value2)
        // GLPK's ratio test can step the wrong way from a basic variable that sits a hair outside
        // its bound (within the feasibility tolerance): the range then misses the bound's own
        // value. Such a range is measured again by moving the bound and reading the basis back.
        let value = glp_get_col_prim(handle, GLPKIndex.column(column))
        let slack = 1e-9 * max(1, abs(value))
        if (range.lower ?? -.infinity) <= value + slack, (range.upper ?? .infinity) >= value - slack { return range }
        return measuredRange(ofColumn: GLPKIndex.column(column), at: value)
    }

    /// The range of a non-basic column's fixed value over which the current basis stays primal
    /// feasible, measured: the basic variables' values at the value and one step away (the basis
    /// kept, `glp_warm_up` recomputing them) give each one's rate of change, and the ratio test
    /// against their bounds gives the range, a basic variable already at (or a hair past) a bound
    /// stopping it at once in the direction that leaves the bound.
    private func measuredRange(ofColumn j: Int32, at value: Double) -> (lower: Double?, upper: Double?)? {
        let m = Int32(program.rows.count)
        let n = Int32(program.columns.count)
        func values() -> [Double] {
            (1...max(m, 1)).map { m > 0 ? glp_get_row_prim(handle, $0) : 0 }
                + (1...n).map { glp_get_col_prim(handle, $0) }
        }
        let type = glp_get_col_type(handle, j)
        let lb = glp_get_col_lb(handle, j)
        let ub = glp_get_col_ub(handle, j)
        let before = values()
        let step = 1e-2 * max(1, abs(value))
        glp_set_col_bnds(handle, j, GLP_FX, value + step, value + step)
        let moved = glp_warm_up(handle) == 0 ? values() : nil
        glp_set_col_bnds(handle, j, type, lb, ub)
        guard glp_warm_up(handle) == 0, let moved else { return nil }
        var up = Double.infinity
        var down = Double.infinity
        func limit(_ x: Double, _ rate: Double, _ kind: Int32, _ low: Double, _ high: Double) {
            guard abs(rate) > 1e-12 else { return }
            Self.ratioTest(x: x, rate: rate, kind: kind, low: low, high: high, up: &up, down: &down)
        }
        let offset = m > 0 ? 0 : 1
        for i in 1...max(m, 1) where m > 0 && glp_get_row_stat(handle, i) == GLP_BS {
            let x = before[Int(i) - 1]
            let rate = (moved[Int(i) - 1] - x) / step
            limit(x, rate, glp_get_row_type(handle, i), glp_get_row_lb(handle, i), glp_get_row_ub(handle, i))
        }
        for c in 1...n where glp_get_col_stat(handle, c) == GLP_BS {
            let index = Int(max(m, 1)) - offset + Int(c) - 1
            let x = before[index]
            let rate = (moved[index] - x) / step
            limit(x, rate, glp_get_col_type(handle, c), glp_get_col_lb(handle, c), glp_get_col_ub(handle, c))
        }
        return (down.isFinite ? value - down : nil, up.isFinite ? value + up : nil)
    }

    /// One basic variable's share of a ratio test: `x`, moving by `rate` per unit of a parameter
    /// and bounded as GLPK's `kind` with `low` and `high` says, lowers `up` and `down` to how far
    /// the parameter can move each way before `x` leaves its bounds (at once on a side where it
    /// already sits a hair outside).
    static func ratioTest(
        x: Double, rate: Double, kind: Int32, low: Double, high: Double, up: inout Double, down: inout Double
    ) {
        let hasLow = kind == GLP_LO || kind == GLP_DB || kind == GLP_FX
        let hasHigh = kind == GLP_UP || kind == GLP_DB || kind == GLP_FX
        // Moving the parameter up by Δ moves x by rate·Δ; down by −rate·Δ.
        if rate > 0 {
            if hasHigh { up = min(up, max(0, high - x) / rate) }
            if hasLow { down = min(down, max(0, x - low) / rate) }
        } else {
            if hasLow { up = min(up, max(0, x - low) / -rate) }
            if hasHigh { down = min(down, max(0, high - x) / -rate) }
        }
    }

    /// How far the objective can move along `direction` (coefficient changes per unit of a
    /// parameter, `c + Δ·direction`) with the last optimal basis staying optimal: the interval of
    /// `Δ` around 0. The basis fixes the primal solution, so the solution is the same over it.
    /// Measured like `measuredRange`: each reduced cost at `c` and at `c + direction`, the basis
    /// kept (`glp_warm_up`), gives its rate; the ratio test against the sign each nonbasic
    /// variable's status needs gives the interval. `nil` without an optimal basis; an unlimited
    /// side is `nil` too.
    func objectiveRange(direction: [(LinearProgram.ColumnID, Double)]) throws(LPError) -> (
        lower: Double?, upper: Double?
    )? {
        try checkThread()
        for (column, _) in direction where column.index < 0 || column.index >= program.columns.count {
            throw .indexOutOfRange(what: "column", index: column.index, count: program.columns.count)
        }
        // The reduced costs at `c` are those the last solve left (an optimal basis, its values current).
        guard glp_get_prim_stat(handle) == GLP_FEAS, glp_get_dual_stat(handle) == GLP_FEAS,
            program.rows.isEmpty || glp_bf_exists(handle) != 0
        else { return nil }
        let m = Int32(program.rows.count)
        let n = Int32(program.columns.count)
        func reducedCosts() -> [Double] {
            (m > 0 ? (1...m).map { glp_get_row_dual(handle, $0) } : []) + (1...n).map { glp_get_col_dual(handle, $0) }
        }
        let before = reducedCosts()
        var saved: [(Int32, Double)] = []
        for (column, change) in direction {
            let j = GLPKIndex.column(column)
            let c = glp_get_obj_coef(handle, j)
            saved.append((j, c))
            glp_set_obj_coef(handle, j, c + change)
        }
        let after = glp_warm_up(handle) == 0 ? reducedCosts() : nil
        for (j, c) in saved.reversed() { glp_set_obj_coef(handle, j, c) }
        guard glp_warm_up(handle) == 0, let after else { return nil }
        // Maximising, a variable at its lower bound needs d ≤ 0 and one at its upper bound d ≥ 0;
        // minimising, the other way round. A free nonbasic variable needs d = 0.
        let sign: Double = glp_get_obj_dir(handle) == GLP_MAX ? 1 : -1
        var lower = -Double.infinity
        var upper = Double.infinity
        for k in 0..<Int(m + n) {
            let status =
                k < Int(m) ? glp_get_row_stat(handle, Int32(k + 1)) : glp_get_col_stat(handle, Int32(k - Int(m) + 1))
            guard status != GLP_BS, status != GLP_NS else { continue }
            let d = sign * before[k]
            let rate = sign * (after[k] - before[k])
            guard abs(rate) > 1e-12 * max(1, abs(before[k])) else { continue }
            switch status {
            case GLP_NL:
                // d + Δ·rate ≤ 0 (d a hair above 0 counts as 0).
                let room = max(0, -d)
                if rate > 0 { upper = min(upper, room / rate) } else { lower = max(lower, room / rate) }
            case GLP_NU:
                let room = max(0, d)
                if rate < 0 { upper = min(upper, room / -rate) } else { lower = max(lower, -room / rate) }
            default:
                lower = max(lower, 0)
                upper = min(upper, 0)
            }
        }
        return (lower.isFinite ? lower : nil, upper.isFinite ? upper : nil)
    }
}
