import CGLPK

/// The last optimal basis's solution as a linear function of a parameter `p` that sets fixed
/// non-basic columns to `rate·p` (the envelopes of a sweep: each year's at its own rate for an
/// envelope scale, one year's alone for a one-year sweep). While `p` stays strictly inside
/// `lower...upper`, every basic variable stays within its bounds: the basis stays primal and dual
/// feasible, a solve there makes no pivot, and each column's value moves by its rate.
public struct BasisPiece: Sendable {
    /// The parameter at the solve the piece was read from.
    public var anchor: Double
    /// The interval of the parameter (containing `anchor`) over which the basis holds.
    public var lower: Double
    public var upper: Double
    /// The structural columns whose value moves with the parameter, each with its rate (value per
    /// unit of the parameter); the moved columns themselves are among them.
    public var columnRates: [(index: Int, rate: Double)]
    /// The objective's rate per unit of the parameter.
    public var objectiveRate: Double

    /// Whether `value` lies strictly inside the interval.
    public func holds(at value: Double) -> Bool { value > lower && value < upper }
}

extension GLPKProblem {
    /// The piece of the last solve's optimal basis along `direction` (fixed non-basic columns and
    /// their rates per unit of the parameter, which stood at `parameter` for the solve): each moved
    /// column's tableau column (`glp_eval_tab_col`) times its rate, summed, gives how every basic
    /// variable moves; the interval is the ratio test of the basic variables' values against their
    /// bounds, with no tolerance (a basic variable a hair outside a bound ends the interval at once
    /// on that side). `nil` when the last solve did not end optimal, a moved column is basic, or GLPK
    /// holds no factorization of the basis (each checked first: GLPK aborts otherwise).
    func basisPiece(along direction: [(column: LinearProgram.ColumnID, rate: Double)], at parameter: Double)
        throws(LPError) -> BasisPiece?
    {
        try checkThread()
        for (column, _) in direction where column.index < 0 || column.index >= program.columns.count {
            throw .indexOutOfRange(what: "column", index: column.index, count: program.columns.count)
        }
        let m = Int32(program.rows.count)
        let n = Int32(program.columns.count)
        guard m > 0, glp_get_status(handle) == GLP_OPT, glp_bf_exists(handle) != 0,
            direction.allSatisfy({ glp_get_col_stat(handle, GLPKIndex.column($0.column)) != GLP_BS })
        else { return nil }
        // The rate of every variable (rows' auxiliary ones first, then columns, as GLPK numbers them).
        var total = [Double](repeating: 0, count: Int(m + n) + 1)
        var seen = [Bool](repeating: false, count: Int(m + n) + 1)
        var indices = [Int32](repeating: 0, count: Int(m) + 1)
        var rates = [Double](repeating: 0, count: Int(m) + 1)
        var touched: [Int32] = []
        for (column, rate) in direction where rate != 0 {
            let k = m + GLPKIndex.column(column)
            if !seen[Int(k)] {
                seen[Int(k)] = true
                touched.append(k)
            }
            total[Int(k)] += rate
            let count = Int(glp_eval_tab_col(handle, k, &indices, &rates))
            for t in stride(from: 1, through: count, by: 1) where rates[t] != 0 {
                if !seen[Int(indices[t])] {
                    seen[Int(indices[t])] = true
                    touched.append(indices[t])
                }
                total[Int(indices[t])] += rate * rates[t]
            }
        }
        var up = Double.infinity
        var down = Double.infinity
        var columnRates: [(index: Int, rate: Double)] = []
        var objectiveRate = 0.0
        for k in touched.sorted() {
            let rate = total[Int(k)]
            guard rate != 0 else { continue }
            if k > m {
                columnRates.append((Int(k - m) - 1, rate))
                objectiveRate += rate * glp_get_obj_coef(handle, k - m)
            }
            let basic = k <= m ? glp_get_row_stat(handle, k) == GLP_BS : glp_get_col_stat(handle, k - m) == GLP_BS
            guard basic else { continue }
            let x: Double
            let kind: Int32
            let low: Double
            let high: Double
            if k <= m {
                (x, kind, low, high) = (
                    glp_get_row_prim(handle, k), glp_get_row_type(handle, k),
                    glp_get_row_lb(handle, k), glp_get_row_ub(handle, k)
                )
            } else {
                let c = k - m
                (x, kind, low, high) = (
                    glp_get_col_prim(handle, c), glp_get_col_type(handle, c),
                    glp_get_col_lb(handle, c), glp_get_col_ub(handle, c)
                )
            }
            Self.ratioTest(x: x, rate: rate, kind: kind, low: low, high: high, up: &up, down: &down)
        }
        return BasisPiece(
            anchor: parameter, lower: parameter - down, upper: parameter + up,
            columnRates: columnRates, objectiveRate: objectiveRate)
    }
}
