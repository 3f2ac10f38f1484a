import Parallel

extension LinearProgram {
    /// The program's independent blocks: sets of rows and columns that share no matrix entry with
    /// the rest, so each can be solved on its own. `nil` when there is only one, or when a row has
    /// no entries or a column appears in no row (then the program is solved whole).
    public func independentBlocks() -> [(rows: [Int], columns: [Int])]? {
        let n = columns.count
        let m = rows.count
        guard n > 1, m > 1 else { return nil }
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var rowColumn = [Int](repeating: -1, count: m)
        var columnUsed = [Bool](repeating: false, count: n)
        for (r32, c32) in zip(entryRows, entryColumns) {
            let r = Int(r32)
            let c = Int(c32)
            columnUsed[c] = true
            if rowColumn[r] < 0 {
                rowColumn[r] = c
            } else {
                let a = find(rowColumn[r])
                let b = find(c)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        guard !rowColumn.contains(-1), !columnUsed.contains(false) else { return nil }
        var blockOf: [Int: Int] = [:]
        var blocks: [(rows: [Int], columns: [Int])] = []
        for c in 0..<n {
            let root = find(c)
            if let b = blockOf[root] {
                blocks[b].columns.append(c)
            } else {
                blockOf[root] = blocks.count
                blocks.append((rows: [], columns: [c]))
            }
        }
        guard blocks.count > 1 else { return nil }
        for r in 0..<m { blocks[blockOf[find(rowColumn[r])]!].rows.append(r) }
        return blocks
    }

    /// The part of the program made of `rows` and `columns` (one block), renumbered in order. Its
    /// entries are gathered by one pass over the matrix, so no copy of the whole matrix is made;
    /// its columns, rows and numbers were checked when they entered this program and are copied
    /// as they are.
    public func block(rows blockRows: [Int], columns blockColumns: [Int]) -> LinearProgram {
        var sub = LinearProgram(name: name, sense: sense)
        sub.columns = blockColumns.map { columns[$0] }
        sub.rows = blockRows.map { rows[$0] }
        var newColumn = [Int32](repeating: -1, count: columns.count)
        var newRow = [Int32](repeating: -1, count: rows.count)
        for (k, c) in blockColumns.enumerated() { newColumn[c] = Int32(k) }
        for (k, r) in blockRows.enumerated() { newRow[r] = Int32(k) }
        // Entries row by row (GLPK takes any order; rows in order keep the sub-program's matrix
        // laid out like one built with `addRow`): a counting sort on the new row numbers.
        var start = [Int](repeating: 0, count: blockRows.count + 1)
        for r in entryRows where newRow[Int(r)] >= 0 { start[Int(newRow[Int(r)]) + 1] += 1 }
        for k in 0..<blockRows.count { start[k + 1] += start[k] }
        let total = start[blockRows.count]
        var rowsOut = [Int32](repeating: 0, count: total)
        var columnsOut = rowsOut
        var valuesOut = [Double](repeating: 0, count: total)
        for (r, (c, value)) in zip(entryRows, zip(entryColumns, entryValues)) {
            let k = newRow[Int(r)]
            guard k >= 0 else { continue }
            let slot = start[Int(k)]
            start[Int(k)] += 1
            rowsOut[slot] = k
            columnsOut[slot] = newColumn[Int(c)]
            valuesOut[slot] = value
        }
        sub.entryRows = rowsOut
        sub.entryColumns = columnsOut
        sub.entryValues = valuesOut
        return sub
    }
}

/// Solves a program block by block when it falls apart into independent blocks (a per-year model
/// without carry-over does, one block a year): each block is a smaller GLPK problem, created,
/// solved and freed on one thread, and `jobs` threads take the blocks side by side. The pieces are
/// put back together in the program's own numbering; the objective is their sum.
enum BlockSolver {
    static func solve(_ program: LinearProgram, options: SolveOptions = SolveOptions(), jobs: Int = 1) throws
        -> Solution
    {
        guard !program.isMixedInteger, let blocks = program.independentBlocks() else {
            let problem = try GLPKProblem(program)
            problem.verify = true
            return try problem.solve(options)
        }
        let solved = try PerThread.map(count: blocks.count, jobs: sideBySide(blocks, program: program, jobs: jobs)) {
            b in
            let problem = try GLPKProblem(program.block(rows: blocks[b].rows, columns: blocks[b].columns))
            problem.verify = true
            return try problem.solve(options)
        }
        var columnValues = [Double](repeating: 0, count: program.columns.count)
        var reducedCosts = columnValues
        var rowActivities = [Double](repeating: 0, count: program.rows.count)
        var rowDuals = rowActivities
        var objective = 0.0
        var iterations = 0
        var status = SolveStatus.optimal
        for (block, solution) in zip(blocks, solved) {
            objective += solution.objective
            iterations += solution.iterations
            status = SolveStatus.worse(status, solution.status)
            for (k, c) in block.columns.enumerated() {
                columnValues[c] = solution.columnValues[k]
                reducedCosts[c] = solution.reducedCosts.isEmpty ? 0 : solution.reducedCosts[k]
            }
            for (k, r) in block.rows.enumerated() {
                rowActivities[r] = solution.rowActivities[k]
                rowDuals[r] = solution.rowDuals.isEmpty ? 0 : solution.rowDuals[k]
            }
        }
        var whole = Solution(
            status: status, objective: objective, columnValues: columnValues, rowActivities: rowActivities,
            rowDuals: rowDuals, reducedCosts: reducedCosts, isMixedInteger: false)
        whole.iterations = iterations
        return whole
    }

    /// Bytes a block takes while it is cut out, loaded into GLPK and solved, per matrix entry:
    /// measured on the memo's model at 100,000 applications (43 MB for a block of 300,000 entries).
    static let bytesPerNonzero = 150
    /// What blocks solved side by side may take together on top of the program itself.
    static let sideBySideBudget = 48 << 20

    /// How many blocks to solve at once: up to `jobs`, as long as they fit in the memory budget
    /// together, so a large round is not solved faster at the price of a much higher peak (blocks
    /// of a 10,000-application round go side by side; those of a 100,000-application round one by one).
    static func sideBySide(
        _ blocks: [(rows: [Int], columns: [Int])], program: LinearProgram, jobs: Int,
        budget: Int = sideBySideBudget
    ) -> Int {
        let largest = blocks.map { Double($0.columns.count) }.max() ?? 0
        let share = largest / Double(max(1, program.columns.count))
        let perBlock = share * Double(program.nonzeroCount * bytesPerNonzero)
        return max(1, min(jobs, Int(Double(budget) / max(perBlock, 1))))
    }
}
