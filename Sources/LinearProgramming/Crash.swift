/// Where a variable starts in a simplex basis: a structural column or a row's auxiliary variable.
public enum BasisStatus: Sendable, Equatable {
    case basic, atLower, atUpper, fixed, free
}

/// A starting basis: one status per column and per row, exactly `rows.count` of them basic.
public struct StartingBasis: Sendable {
    public var columns: [BasisStatus]
    public var rows: [BasisStatus]

    public var basicCount: Int { columns.count { $0 == .basic } + rows.count { $0 == .basic } }
}

extension LinearProgram {
    /// A starting basis for dual simplex made by a greedy pass over the program's packing rows
    /// (rows `Σ a·x ≤ b` whose every movable column has `a ≥ 0`: envelopes and area caps).
    ///
    /// Columns that earn something (objective > 0 when maximising) and have two finite bounds are
    /// taken best first by their earning per unit of their largest packing coefficient, each as far
    /// as every packing row it is in still has room. A column that fills a row up becomes basic in
    /// that row, and the row's slack leaves the basis at its bound; a column that finds a row full
    /// stays at its lower bound. Every other column starts where a dual-feasible standard basis
    /// puts it, every other row's slack is basic.
    ///
    /// On a fractional knapsack with disjoint caps (one year of the memo's model without the
    /// primary-share and focus rules) this is the optimum; with those rules it is a dual-feasible
    /// basis a few pivots from it. The basis is never singular: ordered by the time their rows
    /// filled up, the basic columns form a triangular matrix with the filling coefficients on its
    /// diagonal, because a column never enters a row that was already full. Without packing rows
    /// it is the standard basis with every earning column at its upper bound.
    ///
    /// Selections (binaries that switch shares on) then start where the relaxation wants them:
    /// when one row counts them (`Σ z ≤ K`, at most so many projects) and the pass funded more,
    /// the projects are ranked by what each is worth under the pass's duals and the best kept
    /// (`CountedSelections`); otherwise each starts at the least value its shares need.
    public func greedyBasis() -> StartingBasis { greedyBasis(byColumn: ColumnMajor(self)) }

    /// The same, from the matrix already copied column by column (the first solve's scaling reads it too).
    func greedyBasis(byColumn: ColumnMajor) -> StartingBasis {
        let pass = GreedyPass(self, byColumn: byColumn)
        var result = pass.run()
        if let counted = CountedSelections(pass), let basis = counted.basis(from: result, pass: pass) {
            return basis
        }
        switchOnSelections(columnStatus: &result.columnStatus, rowStatus: &result.rowStatus, value: result.value)
        return StartingBasis(columns: result.columnStatus, rows: result.rowStatus)
    }

    /// Selections after the greedy pass: an integer column `z ∈ [0, u]` that earns nothing and
    /// switches others on through rows `Σ a·x − k·z ≤ 0` (every other entry positive: a project's
    /// shares funded only if it is selected) starts in the basis at the least value its rows allow,
    /// `max over its rows of Σ a·x / k`, with the row that decides it tight. Left at 0, every row of
    /// a project the greedy pass funded would be violated, and the relaxation's dual simplex would
    /// mend them one pivot each (8,945 pivots at a millisecond each on a 5,000-application round).
    /// The basis stays dual feasible (the tight row's dual is 0, since `z` earns nothing and its
    /// other rows' slacks are basic) and nonsingular (`z` is the only basic column of its tight row
    /// whose own row comes after the packing rows of the shares in it).
    private func switchOnSelections(columnStatus: inout [BasisStatus], rowStatus: inout [BasisStatus], value: [Double])
    {
        let n = columns.count
        let m = rows.count
        var switchable = [Bool](repeating: false, count: n)
        var any = false
        for (j, column) in columns.enumerated()
        where column.kind != .continuous && column.objective == 0 && columnStatus[j] == .atLower
            && column.bounds.lower == 0 && (column.bounds.upper ?? 0) > 0
        {
            switchable[j] = true
            any = true
        }
        guard any else { return }
        // Each row's one negative entry on a selection (-1: none; -2: not a switching row) and the
        // activity of its other entries at the greedy values.
        var selection = [Int](repeating: -1, count: m)
        var coefficient = [Double](repeating: 0, count: m)
        var activity = [Double](repeating: 0, count: m)
        for (r, (c, a)) in zip(entryRows, zip(entryColumns, entryValues)) {
            let i = Int(r)
            let j = Int(c)
            if a < 0 {
                if switchable[j], selection[i] == -1 {
                    selection[i] = j
                    coefficient[i] = -a
                } else {
                    selection[i] = -2
                }
            } else {
                activity[i] += a * value[j]
            }
        }
        var least = [Double](repeating: 0, count: n)
        var decidingRow = [Int](repeating: -1, count: n)
        for i in 0..<m
        where selection[i] >= 0 && rows[i].bounds.lower == nil && rows[i].bounds.upper == 0 && rowStatus[i] == .basic {
            let j = selection[i]
            let needed = activity[i] / coefficient[i]
            if needed > least[j] {
                least[j] = needed
                decidingRow[j] = i
            }
        }
        for j in 0..<n where decidingRow[j] >= 0 && least[j] <= columns[j].bounds.upper! {
            columnStatus[j] = .basic
            rowStatus[decidingRow[j]] = .atUpper
        }
    }
}
