/// The row and column scale factors GLPK's automatic scaling (`glp_scale_prob` with
/// `GLP_SF_AUTO`) chooses, computed on the program's own arrays.
///
/// GLPK walks its constraint matrix as linked lists of elements, row by row and column by column,
/// two or three times per iteration of up to 15; on a million applications (3.6 million columns)
/// that was three quarters of the solve, every step a cache miss. Here each pass is one sweep over
/// a column-by-column copy of the matrix, finding rows' and columns' extremes together. The
/// arithmetic is GLPK's, operation for operation (`|a|·(r·s)`, `r / √(min·max)`, `r / max`), so
/// the factors are the same to the last bit (a test compares them with GLPK's own on random and
/// model-shaped programs):
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

    init(_ program: LinearProgram, byColumn: ColumnMajor? = nil) {
        let m = program.rows.count
        let n = program.columns.count
        rows = [Double](repeating: 1, count: m)
        columns = [Double](repeating: 1, count: n)
        var extremes = Extremes(rows: m, columns: n, byColumn: byColumn ?? ColumnMajor(program))
        extremes.measure(rows: rows, columns: columns, ofColumns: true)
        let (least, most) = extremes.matrixRange
        if least >= 0.1 && most <= 10 { return }

        // Geometric mean scaling.
        let columnsFirst = extremes.worstRowRatio > extremes.worstColumnRatio
        var ratio = 0.0
        for iteration in 1...15 {
            let previous = ratio
            let (least, most) = extremes.matrixRange
            ratio = most / least
            if iteration > 1 && ratio > 0.9 * previous { break }
            if columnsFirst {
                for j in 0..<n { columns[j] /= (extremes.columnLeast[j] * extremes.columnMost[j]).squareRoot() }
                extremes.measure(rows: rows, columns: columns, ofColumns: false)
                for i in 0..<m { rows[i] /= (extremes.rowLeast[i] * extremes.rowMost[i]).squareRoot() }
            } else {
                for i in 0..<m { rows[i] /= (extremes.rowLeast[i] * extremes.rowMost[i]).squareRoot() }
                extremes.measure(rows: rows, columns: columns, ofColumns: true)
                for j in 0..<n { columns[j] /= (extremes.columnLeast[j] * extremes.columnMost[j]).squareRoot() }
            }
            extremes.measure(rows: rows, columns: columns, ofColumns: true)
        }

        // Equilibration.
        if extremes.worstRowRatio > extremes.worstColumnRatio {
            for j in 0..<n { columns[j] /= extremes.columnMost[j] }
            extremes.measure(rows: rows, columns: columns, ofColumns: false)
            for i in 0..<m { rows[i] /= extremes.rowMost[i] }
        } else {
            for i in 0..<m { rows[i] /= extremes.rowMost[i] }
            extremes.measure(rows: rows, columns: columns, ofColumns: true)
            for j in 0..<n { columns[j] /= extremes.columnMost[j] }
        }
    }

    /// The least and largest `|r_i·a_ij·s_j|` of every row (and, when asked, of every column),
    /// found by reading the matrix column by column (`ColumnMajor`).
    private struct Extremes {
        var rowLeast: [Double], rowMost: [Double]
        var columnLeast: [Double], columnMost: [Double]
        let emptyRows: [Int]
        private let byColumn: ColumnMajor

        init(rows m: Int, columns n: Int, byColumn: ColumnMajor) {
            rowLeast = [Double](repeating: 1, count: m)
            rowMost = rowLeast
            columnLeast = [Double](repeating: 1, count: n)
            columnMost = columnLeast
            var rowUsed = [Bool](repeating: false, count: m)
            for i in byColumn.row { rowUsed[Int(i)] = true }
            emptyRows = rowUsed.indices.filter { !rowUsed[$0] }
            self.byColumn = byColumn
        }

        /// Rows' extremes under the factors `rows` and `columns`, and columns' when `ofColumns`.
        mutating func measure(rows: [Double], columns: [Double], ofColumns: Bool) {
            for i in rowLeast.indices {
                rowLeast[i] = .infinity
                rowMost[i] = 0
            }
            for i in emptyRows {
                rowLeast[i] = 1
                rowMost[i] = 1
            }
            Self.sweep(
                byColumn.start, byColumn.row, byColumn.value, rows: rows, columns: columns, ofColumns: ofColumns,
                &rowLeast, &rowMost, &columnLeast, &columnMost)
        }

        private static func sweep(
            _ start: [Int], _ entryRow: [Int32], _ entryValue: [Double], rows: [Double], columns: [Double],
            ofColumns: Bool, _ rowLeast: inout [Double], _ rowMost: inout [Double],
            _ columnLeast: inout [Double], _ columnMost: inout [Double]
        ) {
            start.withUnsafeBufferPointer { start in
                entryRow.withUnsafeBufferPointer { ei in
                    entryValue.withUnsafeBufferPointer { ev in
                        rows.withUnsafeBufferPointer { r in
                            rowLeast.withUnsafeMutableBufferPointer { rl in
                                rowMost.withUnsafeMutableBufferPointer { rm in
                                    for j in 0..<columns.count {
                                        let s = columns[j]
                                        var least = Double.infinity
                                        var most = 0.0
                                        for k in start[j]..<start[j + 1] {
                                            let i = Int(ei[k])
                                            let scaled = abs(ev[k]) * (r[i] * s)
                                            if scaled < rl[i] { rl[i] = scaled }
                                            if scaled > rm[i] { rm[i] = scaled }
                                            if scaled < least { least = scaled }
                                            if scaled > most { most = scaled }
                                        }
                                        // An empty column holds a single 1, as in GLPK.
                                        if ofColumns {
                                            columnLeast[j] = start[j] == start[j + 1] ? 1 : least
                                            columnMost[j] = start[j] == start[j + 1] ? 1 : most
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
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
