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
    /// Each candidate's packing entries: rows `entryRow[start[j]..<start[j + 1]]`, coefficients alike.
    let start: [Int], entryRow: [Int], entryValue: [Double]
    /// The candidates best first: earning per unit of the largest packing coefficient, ties by position.
    let order: [Int]
    private let initialStatus: [BasisStatus], initialValue: [Double], initialResidual: [Double]

    init(_ program: LinearProgram) {
        let n = program.columns.count, m = program.rows.count
        self.program = program
        let sign = program.sense == .maximize ? 1.0 : -1.0
        self.sign = sign
        var columnStatus = [BasisStatus](repeating: .atLower, count: n)
        var value = [Double](repeating: 0, count: n)
        var isCandidate = [Bool](repeating: false, count: n)
        for (j, column) in program.columns.enumerated() {
            switch (column.bounds.lower, column.bounds.upper) {
            case let (l?, u?) where l == u:
                columnStatus[j] = .fixed
                value[j] = l
            case let (l?, _?) where column.objective * sign > 0:
                isCandidate[j] = true
                value[j] = l
            case let (l?, _):
                value[j] = l
            case let (nil, u?):
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
            let i = Int(r), j = Int(c)
            residual[i] -= a * value[j]
            if a < 0, columnStatus[j] != .fixed { isPacking[i] = false }
        }
        for i in 0..<m where isPacking[i] { residual[i] += program.rows[i].bounds.upper! }

        // Each candidate's packing entries, column by column (a counting sort of the matrix).
        var start = [Int](repeating: 0, count: n + 1)
        for (r, c) in zip(program.entryRows, program.entryColumns) where isPacking[Int(r)] && isCandidate[Int(c)] {
            start[Int(c) + 1] += 1
        }
        for j in 0..<n { start[j + 1] += start[j] }
        var next = start
        var entryRow = [Int](repeating: 0, count: start[n]), entryValue = [Double](repeating: 0, count: start[n])
        var largest = [Double](repeating: 0, count: n)
        for (r, (c, a)) in zip(program.entryRows, zip(program.entryColumns, program.entryValues)) {
            let i = Int(r), j = Int(c)
            guard isPacking[i], isCandidate[j] else { continue }
            entryRow[next[j]] = i
            entryValue[next[j]] = a
            next[j] += 1
            largest[j] = max(largest[j], a)
        }

        var keyed: [(key: Double, column: Int)] = []
        keyed.reserveCapacity(n)
        for j in 0..<n where isCandidate[j] {
            keyed.append((largest[j] > 0 ? program.columns[j].objective * sign / largest[j] : .infinity, j))
        }
        keyed.sort { $0.key != $1.key ? $0.key > $1.key : $0.column < $1.column }

        self.isCandidate = isCandidate
        self.start = start
        self.entryRow = entryRow
        self.entryValue = entryValue
        self.order = keyed.map(\.column)
        initialStatus = columnStatus
        initialValue = value
        initialResidual = residual
    }

    /// One pass: each candidate best first, as far as every packing row it is in still has room;
    /// the columns `skipping` marks stay at their lower bounds.
    func run(skipping: [Bool]? = nil) -> Result {
        var result = Result(columnStatus: initialStatus, rowStatus: [BasisStatus](repeating: .basic, count: program.rows.count),
                            value: initialValue, filled: [])
        var residual = initialResidual
        for j in order where skipping?[j] != true {
            let bounds = program.columns[j].bounds
            var step = bounds.upper! - bounds.lower!, limiting = -1
            for k in start[j]..<start[j + 1] where entryValue[k] > 0 {
                let fits = residual[entryRow[k]] / entryValue[k]
                if fits < step {
                    step = fits
                    limiting = entryRow[k]
                }
            }
            if step <= 0 { continue }  // a full row: the column stays at its lower bound
            for k in start[j]..<start[j + 1] { residual[entryRow[k]] -= entryValue[k] * step }
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
            var left = earning(j), coefficient = 0.0
            for k in start[j]..<start[j + 1] {
                if entryRow[k] == row { coefficient += entryValue[k] } else { left -= dual[entryRow[k]] * entryValue[k] }
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
        for k in start[j]..<start[j + 1] { d -= dual[entryRow[k]] * entryValue[k] }
        return d
    }
}
