extension LinearProgram {
    /// The largest amount by which `solution` misses a row or a column bound, each relative to its
    /// own magnitude: for a row, 1 plus the sum of `|a_ij·x_j|` over its terms; for a column, 1 plus
    /// its bound. A solution within a solver's tolerance in a scaled problem stays far below 1e-9
    /// on a well-scaled one.
    func largestRelativeViolation(_ solution: Solution) -> Double {
        var magnitude = [Double](repeating: 1, count: rows.count)
        var activity = [Double](repeating: 0, count: rows.count)
        for (r, (c, a)) in zip(entryRows, zip(entryColumns, entryValues)) {
            let term = a * solution.columnValues[Int(c)]
            activity[Int(r)] += term
            magnitude[Int(r)] += abs(term)
        }
        var worst = 0.0
        for (i, row) in rows.enumerated() {
            if let lower = row.bounds.lower {
                worst = max(worst, (lower - activity[i]) / max(magnitude[i], 1 + abs(lower)))
            }
            if let upper = row.bounds.upper {
                worst = max(worst, (activity[i] - upper) / max(magnitude[i], 1 + abs(upper)))
            }
        }
        for (j, column) in columns.enumerated() {
            let x = solution.columnValues[j]
            if let lower = column.bounds.lower { worst = max(worst, (lower - x) / (1 + abs(lower))) }
            if let upper = column.bounds.upper { worst = max(worst, (x - upper) / (1 + abs(upper))) }
        }
        return worst
    }

    /// The largest reduced cost that says `solution` could still improve, relative to the column's
    /// objective coefficient: a column below its upper bound that would earn by growing, or above
    /// its lower bound that would earn by shrinking. Far below 1e-9 at a true optimum.
    func largestRelativeImprovement(_ solution: Solution) -> Double {
        guard solution.reducedCosts.count == columns.count else { return 0 }
        let sign = sense == .maximize ? 1.0 : -1.0
        var worst = 0.0
        for (j, column) in columns.enumerated() {
            let d = sign * solution.reducedCosts[j]
            let x = solution.columnValues[j]
            let scale = 1 + abs(column.objective)
            let room = 1e-9 * (1 + abs(x))
            if d > 0, column.bounds.upper.map({ x < $0 - room }) ?? true { worst = max(worst, d / scale) }
            if d < 0, column.bounds.lower.map({ x > $0 + room }) ?? true { worst = max(worst, -d / scale) }
        }
        return worst
    }
}
