import CGLPK

/// The last optimal basis's solution as a linear function of one fixed non-basic column's value
/// (an envelope, or the envelope scale). While that value stays strictly inside `lower...upper`,
/// every basic variable stays within its bounds: the basis stays primal and dual feasible, a solve
/// there makes no pivot, and each column's value is `value(at:)` of this piece.
public struct BasisPiece: Sendable {
    /// The column's value at the solve the piece was read from.
    public var anchor: Double
    /// The interval of the column's value (containing `anchor`) over which the basis holds.
    public var lower: Double
    public var upper: Double
    /// The structural columns whose value moves with the column, each with its rate (value per
    /// unit of the column's value); the column itself is among them with rate 1.
    public var columnRates: [(index: Int, rate: Double)]
    /// The objective's rate per unit of the column's value.
    public var objectiveRate: Double

    /// Whether `value` lies strictly inside the interval.
    public func holds(at value: Double) -> Bool { value > lower && value < upper }
}

extension GLPKProblem {
    /// The piece of the last solve's optimal basis along the value of `column` (fixed and
    /// non-basic): the rates are the simplex tableau's column for it (`glp_eval_tab_col`), the
    /// interval the ratio test of the basic variables' values against their bounds, with no
    /// tolerance (a basic variable a hair outside a bound ends the interval at once on that side).
    /// `nil` when the last solve did not end optimal, the column is basic, or GLPK holds no
    /// factorization of the basis (each checked first: GLPK aborts otherwise).
    func basisPiece(ofColumn column: LinearProgram.ColumnID) throws(LPError) -> BasisPiece? {
        try checkThread()
        guard column.index >= 0, column.index < program.columns.count else {
            throw .indexOutOfRange(what: "column", index: column.index, count: program.columns.count)
        }
        let m = Int32(program.rows.count), j = GLPKIndex.column(column)
        guard m > 0, glp_get_status(handle) == GLP_OPT, glp_bf_exists(handle) != 0,
              glp_get_col_stat(handle, j) != GLP_BS else { return nil }
        var indices = [Int32](repeating: 0, count: Int(m) + 1), rates = [Double](repeating: 0, count: Int(m) + 1)
        let count = Int(glp_eval_tab_col(handle, m + j, &indices, &rates))
        let anchor = glp_get_col_prim(handle, j)
        var up = Double.infinity, down = Double.infinity
        var columnRates: [(index: Int, rate: Double)] = [(column.index, 1)]
        var objectiveRate = glp_get_obj_coef(handle, j)
        for t in stride(from: 1, through: count, by: 1) {
            let k = indices[t], rate = rates[t]
            guard rate != 0 else { continue }
            let x: Double, kind: Int32, low: Double, high: Double
            if k <= m {
                (x, kind, low, high) = (glp_get_row_prim(handle, k), glp_get_row_type(handle, k),
                                        glp_get_row_lb(handle, k), glp_get_row_ub(handle, k))
            } else {
                let c = k - m
                (x, kind, low, high) = (glp_get_col_prim(handle, c), glp_get_col_type(handle, c),
                                        glp_get_col_lb(handle, c), glp_get_col_ub(handle, c))
                columnRates.append((Int(c) - 1, rate))
                objectiveRate += rate * glp_get_obj_coef(handle, c)
            }
            let hasLow = kind == GLP_LO || kind == GLP_DB || kind == GLP_FX
            let hasHigh = kind == GLP_UP || kind == GLP_DB || kind == GLP_FX
            // Moving the column up by Δ moves x by rate·Δ; down by −rate·Δ.
            if rate > 0 {
                if hasHigh { up = min(up, max(0, high - x) / rate) }
                if hasLow { down = min(down, max(0, x - low) / rate) }
            } else {
                if hasLow { up = min(up, max(0, x - low) / -rate) }
                if hasHigh { down = min(down, max(0, high - x) / -rate) }
            }
        }
        return BasisPiece(anchor: anchor, lower: anchor - down, upper: anchor + up,
                          columnRates: columnRates, objectiveRate: objectiveRate)
    }
}
