/// The row and column scale factors GLPK's automatic scaling (`glp_scale_prob` with
/// `GLP_SF_AUTO`) chooses, computed on the program's own arrays.
///
/// GLPK walks its constraint matrix as linked lists of elements, row by row and column by column,
/// two or three times per iteration of up to 15; on a million applications (3.6 million columns)
/// that was three quarters of the solve, every step a cache miss. Here each pass is one sweep over
/// the coordinate arrays, finding rows' and columns' extremes together. The arithmetic is GLPK's,
/// operation for operation (`|a|·(r·s)`, `r / √(min·max)`, `r / max`), so the factors are the same
/// to the last bit (a test compares them with GLPK's own on random programs):
///
/// 1. If every `|a|` lies in [0.1, 10], nothing is scaled.
/// 2. Geometric mean, at most 15 times while the matrix's max/min ratio falls by a tenth or more:
///    rows `r_i ← r_i / √(min_j |ã_ij| · max_j |ã_ij|)`, then columns alike (columns first when
///    the rows' worst ratio is the larger), `ã = r·a·s` the matrix scaled so far.
/// 3. Equilibration: `r_i ← r_i / max_j |ã_ij|`, then columns alike (in the same order rule).
///
/// An empty row or column counts as holding a single 1, as in GLPK.
struct Scaling {
    private(set) var rows: [Double]
    private(set) var columns: [Double]

    init(_ program: LinearProgram) {
        let m = program.rows.count, n = program.columns.count
        rows = [Double](repeating: 1, count: m)
        columns = [Double](repeating: 1, count: n)
        var extremes = Extremes(rows: m, columns: n, program: program)
        extremes.measure(program, rows: rows, columns: columns, ofColumns: false)
        let (least, most) = extremes.matrixRange
        if least >= 0.1 && most <= 10 { return }

        // Geometric mean scaling.
        extremes.measure(program, rows: rows, columns: columns, ofColumns: true)
        let columnsFirst = extremes.worstRowRatio > extremes.worstColumnRatio
        var ratio = 0.0
        for iteration in 1...15 {
            let previous = ratio
            let (least, most) = extremes.matrixRange
            ratio = most / least
            if iteration > 1 && ratio > 0.9 * previous { break }
            if columnsFirst {
                for j in 0..<n { columns[j] /= (extremes.columnLeast[j] * extremes.columnMost[j]).squareRoot() }
                extremes.measure(program, rows: rows, columns: columns, ofColumns: false)
                for i in 0..<m { rows[i] /= (extremes.rowLeast[i] * extremes.rowMost[i]).squareRoot() }
            } else {
                for i in 0..<m { rows[i] /= (extremes.rowLeast[i] * extremes.rowMost[i]).squareRoot() }
                extremes.measure(program, rows: rows, columns: columns, ofColumns: true)
                for j in 0..<n { columns[j] /= (extremes.columnLeast[j] * extremes.columnMost[j]).squareRoot() }
            }
            extremes.measure(program, rows: rows, columns: columns, ofColumns: true)
        }

        // Equilibration.
        if extremes.worstRowRatio > extremes.worstColumnRatio {
            for j in 0..<n { columns[j] /= extremes.columnMost[j] }
            extremes.measure(program, rows: rows, columns: columns, ofColumns: false)
            for i in 0..<m { rows[i] /= extremes.rowMost[i] }
        } else {
            for i in 0..<m { rows[i] /= extremes.rowMost[i] }
            extremes.measure(program, rows: rows, columns: columns, ofColumns: true)
            for j in 0..<n { columns[j] /= extremes.columnMost[j] }
        }
    }

    /// The least and largest `|r_i·a_ij·s_j|` of every row (and, when asked, of every column).
    private struct Extremes {
        var rowLeast: [Double], rowMost: [Double]
        var columnLeast: [Double], columnMost: [Double]
        let emptyRows: [Int], emptyColumns: [Int]

        init(rows m: Int, columns n: Int, program: LinearProgram) {
            rowLeast = [Double](repeating: 1, count: m)
            rowMost = rowLeast
            columnLeast = [Double](repeating: 1, count: n)
            columnMost = columnLeast
            var rowUsed = [Bool](repeating: false, count: m), columnUsed = [Bool](repeating: false, count: n)
            for i in program.entryRows { rowUsed[Int(i)] = true }
            for j in program.entryColumns { columnUsed[Int(j)] = true }
            emptyRows = rowUsed.indices.filter { !rowUsed[$0] }
            emptyColumns = columnUsed.indices.filter { !columnUsed[$0] }
        }

        /// Rows' extremes under the factors `rows` and `columns`, and columns' when `ofColumns`.
        mutating func measure(_ program: LinearProgram, rows: [Double], columns: [Double], ofColumns: Bool) {
            Self.reset(&rowLeast, &rowMost, keepingOne: emptyRows)
            if ofColumns { Self.reset(&columnLeast, &columnMost, keepingOne: emptyColumns) }
            program.entryRows.withUnsafeBufferPointer { ei in
                program.entryColumns.withUnsafeBufferPointer { ej in
                    program.entryValues.withUnsafeBufferPointer { ev in
                        rows.withUnsafeBufferPointer { r in
                            columns.withUnsafeBufferPointer { s in
                                rowLeast.withUnsafeMutableBufferPointer { rl in
                                    rowMost.withUnsafeMutableBufferPointer { rm in
                                        columnLeast.withUnsafeMutableBufferPointer { cl in
                                            columnMost.withUnsafeMutableBufferPointer { cm in
                                                for k in 0..<ev.count {
                                                    let i = Int(ei[k]), j = Int(ej[k])
                                                    let scaled = abs(ev[k]) * (r[i] * s[j])
                                                    if scaled < rl[i] { rl[i] = scaled }
                                                    if scaled > rm[i] { rm[i] = scaled }
                                                    if ofColumns {
                                                        if scaled < cl[j] { cl[j] = scaled }
                                                        if scaled > cm[j] { cm[j] = scaled }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        /// Least values start at +∞ and largest at 0, but an empty line holds a single 1.
        private static func reset(_ least: inout [Double], _ most: inout [Double], keepingOne empty: [Int]) {
            for k in least.indices {
                least[k] = .infinity
                most[k] = 0
            }
            for k in empty {
                least[k] = 1
                most[k] = 1
            }
        }

        /// The least and largest scaled `|a|` of the whole matrix (1 and 1 for a program without rows).
        var matrixRange: (least: Double, most: Double) {
            guard !rowLeast.isEmpty else { return (1, 1) }
            return (rowLeast.min()!, rowMost.max()!)
        }

        var worstRowRatio: Double { Self.worstRatio(rowLeast, rowMost) }
        var worstColumnRatio: Double { Self.worstRatio(columnLeast, columnMost) }

        private static func worstRatio(_ least: [Double], _ most: [Double]) -> Double {
            guard !least.isEmpty else { return 1 }
            var worst = most[0] / least[0]
            for k in least.indices.dropFirst() where most[k] / least[k] > worst { worst = most[k] / least[k] }
            return worst
        }
    }
}
