/// Selections counted by one row `Σ w·z ≤ K` (at most so many projects funded), for the greedy
/// basis of a relaxation where that row binds.
///
/// A selection is a column `z ∈ [0, 1]` that earns nothing, in the count row and otherwise only in
/// rows `Σ a·x − k·z ≤ 0` (its shares funded only if it is selected); each of its shares `x` has
/// a row of its own, `a·x − k·z ≤ 0`, so `x ≤ r·z` with `r = k/a`. Under row duals `y` from the
/// greedy pass, a share's reduced cost is `d = c − Σ y·a` over its packing rows, and selecting a
/// project in full is worth its bundle `B = Σ r·max(0, d)`: with `z` priced at `μ` by the count
/// row, the relaxation takes the projects whose `B/w` is above `μ`, each with all its shares of
/// positive `d`, and leaves the others out. So the projects are ranked by `B/w`, the best up to
/// `K` kept, the greedy pass run again without the others (which frees money and lowers `y`), and
/// so on until the kept set stays the same.
///
/// The basis then says what the relaxation's optimum looks like: a kept `z` at its upper bound,
/// the last one kept basic with the count row tight (its `B/w` is `μ`), every other `z` at 0, and
/// every share of positive `d` basic with its own row tight (degenerate, at `r·z`), so that row's
/// dual is `d` and `z`'s reduced cost is `B − μ·w`: of the right sign for every `z`, kept or not.
/// The packing rows' duals stay those of the greedy pass, so the basis is dual feasible wherever
/// the greedy pass was. Left at the greedy pass alone, every project over the count would be a
/// violated row, mended by dual simplex one pivot each.
///
/// Rows of a least share if selected (`Σ a·x − m·k·z ≥ 0`) start with their slacks basic, and the
/// relaxation's optimum can have two fractional selections (one at the envelope, one at the count)
/// where this basis has one basic `z`: dual simplex takes the few pivots in between.
struct CountedSelections {
    let countRow: Int
    let bound: Double
    /// The selections in the count row, and each one's coefficient there.
    let selections: [Int], weight: [Double]
    /// Each selection's shares: the column, its own row, and `r` in `x ≤ r·z`.
    let switched: [[(column: Int, row: Int, ratio: Double)]]

    /// The counted selections of the program `pass` was made for, or nil when it has none or they
    /// are not of this shape.
    init?(_ pass: GreedyPass) {
        let program = pass.program
        guard program.isMixedInteger else { return nil }
        let n = program.columns.count
        let m = program.rows.count
        let isSelection = program.columns.map { column in
            column.kind != .continuous && column.objective == 0 && column.bounds.lower == 0 && column.bounds.upper == 1
        }
        guard isSelection.contains(true) else { return nil }

        // The matrix row by row (a counting sort), for the rows' shapes.
        var rowStart = [Int](repeating: 0, count: m + 1)
        for r in program.entryRows { rowStart[Int(r) + 1] += 1 }
        for i in 0..<m { rowStart[i + 1] += rowStart[i] }
        var next = rowStart
        var column = [Int](repeating: 0, count: rowStart[m])
        var value = [Double](repeating: 0, count: rowStart[m])
        for (r, (c, a)) in zip(program.entryRows, zip(program.entryColumns, program.entryValues)) {
            column[next[Int(r)]] = Int(c)
            value[next[Int(r)]] = a
            next[Int(r)] += 1
        }

        // Exactly one count row: every entry positive and on a selection, an upper bound only.
        var countRows: [Int] = []
        for i in 0..<m
        where rowStart[i] < rowStart[i + 1] && program.rows[i].bounds.lower == nil
            && program.rows[i].bounds.upper != nil
            && (rowStart[i]..<rowStart[i + 1]).allSatisfy({ isSelection[column[$0]] && value[$0] > 0 })
        {
            countRows.append(i)
        }
        guard countRows.count == 1, let bound = program.rows[countRows[0]].bounds.upper, bound >= 0 else { return nil }
        let countRow = countRows[0]

        var position = [Int](repeating: -1, count: n)
        var selections: [Int] = []
        var weight: [Double] = []
        for k in rowStart[countRow]..<rowStart[countRow + 1] {
            guard position[column[k]] < 0 else { return nil }
            position[column[k]] = selections.count
            selections.append(column[k])
            weight.append(value[k])
        }
        // Every other row with a selection in it switches shares on: `≤ 0`, one selection with a
        // negative coefficient, every other entry a positive one on a column the greedy pass moves.
        var switched = [[(column: Int, row: Int, ratio: Double)]](repeating: [], count: selections.count)
        var owner = [Int](repeating: -1, count: n)
        var inSums: [(selection: Int, column: Int)] = []
        for i in 0..<m where i != countRow {
            let entries = rowStart[i]..<rowStart[i + 1]
            guard let at = entries.first(where: { isSelection[column[$0]] }) else { continue }
            let s = position[column[at]]
            let bounds = program.rows[i].bounds
            guard s >= 0, value[at] < 0 else { return nil }
            let shares = entries.filter { $0 != at }
            guard !shares.isEmpty, shares.allSatisfy({ pass.isCandidate[column[$0]] && value[$0] > 0 }) else {
                return nil
            }
            // A least share if selected (`Σ a·x − m·k·z ≥ 0`) starts with its slack basic.
            if bounds == .atLeast(0) { continue }
            guard bounds == .atMost(0) else { return nil }
            for k in shares {
                guard owner[column[k]] < 0 || owner[column[k]] == s else { return nil }
                owner[column[k]] = s
            }
            if shares.count == 1 {
                switched[s].append((column[shares[0]], i, -value[at] / value[shares[0]]))
            } else {
                inSums += shares.map { (s, column[$0]) }
            }
        }
        // A share in a sum row needs its own row too.
        for (s, j) in inSums where !switched[s].contains(where: { $0.column == j }) { return nil }

        self.countRow = countRow
        self.bound = bound
        self.selections = selections
        self.weight = weight
        self.switched = switched
    }

    /// How much of the count row a pass fills: each selection at the least value its shares need.
    func count(_ result: GreedyPass.Result) -> Double {
        zip(switched, weight).reduce(0) { total, selection in
            total + selection.1 * selection.0.reduce(0) { max($0, result.value[$1.column] / $1.ratio) }
        }
    }

    /// The basis from the greedy pass `first`, or nil when the count row does not bind there.
    func basis(from first: GreedyPass.Result, pass: GreedyPass) -> StartingBasis? {
        guard count(first) > bound * (1 + 1e-9) + 1e-9 else { return nil }
        var result = first
        var kept = [Bool](repeating: true, count: selections.count)
        var dual = pass.duals(of: result)
        for round in 0..<Self.rounds {
            guard let best = keptBest(dual: dual, pass: pass) else { return nil }
            if best == kept, round > 0 { break }
            kept = best
            var skipping = [Bool](repeating: false, count: pass.program.columns.count)
            for (s, isKept) in kept.enumerated() where !isKept {
                for share in switched[s] { skipping[share.column] = true }
            }
            result = pass.run(skipping: skipping)
            dual = pass.duals(of: result)
        }

        // The last one kept, the least worth per count, is the one the count row's price comes from.
        let worth = worth(dual: dual, pass: pass)
        guard let marginal = selections.indices.filter({ kept[$0] }).min(by: { worth[$0] < worth[$1] }) else {
            return nil
        }
        var columns = result.columnStatus
        var rows = result.rowStatus
        rows[countRow] = .atUpper
        for (s, z) in selections.enumerated() {
            columns[z] = !kept[s] ? .atLower : s == marginal ? .basic : .atUpper
            for share in switched[s]
            where columns[share.column] != .basic && pass.reducedCost(share.column, dual: dual) > 0 {
                columns[share.column] = .basic
                rows[share.row] = .atUpper
            }
        }
        return StartingBasis(columns: columns, rows: rows)
    }

    /// How many times the projects are ranked and the greedy pass run again, at most.
    static let rounds = 8

    /// What selecting each project in full is worth under `dual`, per unit of the count: its
    /// shares of positive reduced cost, each as far as `z = 1` lets it (`B/w`).
    private func worth(dual: [Double], pass: GreedyPass) -> [Double] {
        selections.indices.map { s in
            switched[s].reduce(0) { $0 + $1.ratio * max(0, pass.reducedCost($1.column, dual: dual)) } / weight[s]
        }
    }

    /// The selections kept under `dual`: best worth per count first, as many as the count row
    /// holds; nil when fewer are worth anything (the row would not bind).
    private func keptBest(dual: [Double], pass: GreedyPass) -> [Bool]? {
        let worth = worth(dual: dual, pass: pass)
        let ranked = selections.indices.sorted { worth[$0] != worth[$1] ? worth[$0] > worth[$1] : $0 < $1 }
        var kept = [Bool](repeating: false, count: selections.count)
        var used = 0.0
        for s in ranked {
            guard used + weight[s] <= bound * (1 + 1e-12) else { break }
            guard worth[s] > 0 else { return nil }
            kept[s] = true
            used += weight[s]
        }
        return kept
    }
}
