/// The program's matrix column by column, each column's entries in the order they were added:
/// column `j`'s are rows `row[start[j]..<start[j + 1]]`, values alike. The matrix is kept in the
/// order rows were written (GLPK loads it so); the first solve's scaling and greedy pass read it
/// by columns, and a model has far more columns than rows, so reading it this way touches the
/// columns' arrays in order and only the rows' (small ones) at random. Made once per first solve.
struct ColumnMajor {
    let start: [Int], row: [Int32], value: [Double]

    init(_ program: LinearProgram) {
        let n = program.columns.count
        var start = [Int](repeating: 0, count: n + 1)
        for j in program.entryColumns { start[Int(j) + 1] += 1 }
        for j in 0..<n { start[j + 1] += start[j] }
        var next = start
        var row = [Int32](repeating: 0, count: program.nonzeroCount)
        var value = [Double](repeating: 0, count: program.nonzeroCount)
        for (i, (j, a)) in zip(program.entryRows, zip(program.entryColumns, program.entryValues)) {
            row[next[Int(j)]] = i
            value[next[Int(j)]] = a
            next[Int(j)] += 1
        }
        self.start = start
        self.row = row
        self.value = value
    }

    /// Column `j`'s entries' positions in `row` and `value`.
    func entries(of j: Int) -> Range<Int> { start[j]..<start[j + 1] }
}
