/// The greedy pass of `LinearProgram.greedyBasis()`, prepared once and run as often as a caller
/// needs (the counted selections run it again with some columns left out).
struct GreedyPass {
    /// What one pass decided.
    struct Result {
        var columnStatus: [BasisStatus]
        var rowStatus: [BasisStatus]
        var value: [Double]
        /// The columns that entered the basis and the packing row each filled up, in that order.
        var filled: [(column: Int, row: Int)]
    }

    let program: LinearProgram
    private let sign: Double
    /// Columns that earn something and have two finite bounds: the ones the pass moves.
    let isCandidate: [Bool]
    /// The candidates best first (earning per unit of the largest packing coefficient, ties by
    /// position), laid out in that order so a pass reads them front to back: the candidate of rank
    /// `r` is column `rankedColumn[r]`, may move by `room[r]`, and has its packing entries in rows
    /// `entryRow[start[r]..<start[r + 1]]`, coefficients alike. `rank[j]` is column `j`'s rank.
    private let rankedColumn: [Int], room: [Double], rank: [Int]
    private let start: [Int], entryRow: [Int32], entryValue: [Double]
    private let initialStatus: [BasisStatus], initialValue: [Double], initialResidual: [Double]

    init(_ program: LinearProgram, byColumn: ColumnMajor? = nil) {
        let n = program.columns.count
        let m = program.rows.count
        let byColumn = byColumn ?? ColumnMajor(program)
        self.program = program
        let sign = program.sense == .maximize ? 1.0 : -1.0
        self.sign = sign
        var columnStatus = [BasisStatus](repeating: .atLower, count: n)
        var value = [Double](repeating: 0, count: n)
        var isCandidate = [Bool](repeating: false, count: n)
        for j in 0..<n {
            // Fields read one by one: a whole column would be copied, its name retained and released.
            let bounds = program.columns[j].bounds
            switch (bounds.lower, bounds.upper) {
            case (let l?, let u?) where l == u:
                columnStatus[j] = .fixed
                value[j] = l
            case (let l?, _?) where program.columns[j].objective * sign > 0:
                isCandidate[j] = true
                value[j] = l
            case (let l?, _):
                value[j] = l
            case (nil, let u?):
                columnStatus[j] = .atUpper
                value[j] = u
            case (nil, nil):
                columnStatus[j] = .free
            }
        }

        // Packing rows and every row's activity with the candidates at their lower bounds.
        var isPacking = program.rows.map { $0.bounds.lower == nil && $0.bounds.upper != nil }
        var residual = [Double](repeating: 0, count: m)
        for (r, (c, a)) in zip(program.entryRows, zip(program.entryColumns, program.entryValues)) {
            let i = Int(r)
            let j = Int(c)
            residual[i] -= a * value[j]
            if a < 0, columnStatus[j] != .fixed { isPacking[i] = false }
        }
        for i in 0..<m where isPacking[i] { residual[i] += program.rows[i].bounds.upper! }

        // The order: each candidate's largest packing coefficient, then a radix sort of the keys.
        // The matrix is read column by column from here on (the activities above are summed in
        // the rows' own order, as they always were).
        var candidates: [Int] = []
        var keys: [Double] = []
        candidates.reserveCapacity(n)
        keys.reserveCapacity(n)
        for j in 0..<n where isCandidate[j] {
            var largest = 0.0
            for k in byColumn.entries(of: j) where isPacking[Int(byColumn.row[k])] {
                largest = max(largest, byColumn.value[k])
            }
            candidates.append(j)
            keys.append(largest > 0 ? program.columns[j].objective * sign / largest : .infinity)
        }
        let rankedColumn = RadixOrder.descending(keys, carrying: candidates)
        var rank = [Int](repeating: -1, count: n)
        for (r, j) in rankedColumn.enumerated() { rank[j] = r }

        // Each candidate's packing entries in rank order.
        var start = [0]
        var entryRow: [Int32] = []
        var entryValue: [Double] = []
        start.reserveCapacity(rankedColumn.count + 1)
        for j in rankedColumn {
            for k in byColumn.entries(of: j) where isPacking[Int(byColumn.row[k])] {
                entryRow.append(byColumn.row[k])
                entryValue.append(byColumn.value[k])
            }
            start.append(entryRow.count)
        }

        self.isCandidate = isCandidate
        self.rankedColumn = rankedColumn
        self.room = rankedColumn.map { j in program.columns[j].bounds.upper! - program.columns[j].bounds.lower! }
        self.rank = rank
        self.start = start
        self.entryRow = entryRow
        self.entryValue = entryValue
        initialStatus = columnStatus
        initialValue = value
        initialResidual = residual
    }

    /// One pass: each candidate best first, as far as every packing row it is in still has room;
    /// the columns `skipping` marks stay at their lower bounds.
    func run(skipping: [Bool]? = nil) -> Result {
        var result = Result(
            columnStatus: initialStatus, rowStatus: [BasisStatus](repeating: .basic, count: program.rows.count),
            value: initialValue, filled: [])
        var residual = initialResidual
        for (r, j) in rankedColumn.enumerated() where skipping?[j] != true {
            var step = room[r]
            var limiting = -1
            for k in start[r]..<start[r + 1] where entryValue[k] > 0 {
                let fits = residual[Int(entryRow[k])] / entryValue[k]
                if fits < step {
                    step = fits
                    limiting = Int(entryRow[k])
                }
            }
            if step <= 0 { continue } // a full row: the column stays at its lower bound
            for k in start[r]..<start[r + 1] { residual[Int(entryRow[k])] -= entryValue[k] * step }
            result.value[j] += step
            if limiting < 0 {
                result.columnStatus[j] = .atUpper
            } else {
                result.columnStatus[j] = .basic
                result.rowStatus[limiting] = .atUpper
                result.filled.append((j, limiting))
                residual[limiting] = 0
            }
        }
        return result
    }

    /// The row duals of a pass's basis: zero on every row whose slack is basic, and on a row a
    /// column filled up the value that makes that column's reduced cost zero. A column's other
    /// packing rows filled up after it (it never enters a full row), so taking the columns in the
    /// reverse of their filling order finds every other dual a column needs already known.
    func duals(of result: Result) -> [Double] {
        var dual = [Double](repeating: 0, count: program.rows.count)
        for (j, row) in result.filled.reversed() {
            var left = earning(j)
            var coefficient = 0.0
            for k in start[rank[j]]..<start[rank[j] + 1] {
                let i = Int(entryRow[k])
                if i == row { coefficient += entryValue[k] } else { left -= dual[i] * entryValue[k] }
            }
            dual[row] = left / coefficient
        }
        return dual
    }

    /// A column's objective, signed so that more is better (maximising).
    func earning(_ j: Int) -> Double { program.columns[j].objective * sign }

    /// A candidate's reduced cost under `dual` (its earning less what its packing rows charge).
    func reducedCost(_ j: Int, dual: [Double]) -> Double {
        var d = earning(j)
        guard rank[j] >= 0 else { return d }
        for k in start[rank[j]]..<start[rank[j] + 1] { d -= dual[Int(entryRow[k])] * entryValue[k] }
        return d
    }
}
