import CGLPK

/// GLPK numbers rows and columns from 1 and ignores element 0 of every array it is handed; the
/// program numbers them from 0. This is the one place where one becomes the other.
enum GLPKIndex {
    @inline(__always) static func row(_ index: Int) -> Int32 { Int32(index + 1) }
    @inline(__always) static func column(_ index: Int) -> Int32 { Int32(index + 1) }
    @inline(__always) static func row(_ id: LinearProgram.RowID) -> Int32 { row(id.index) }
    @inline(__always) static func column(_ id: LinearProgram.ColumnID) -> Int32 { column(id.index) }

    /// The matrix as `glp_load_matrix` wants it: three arrays of entries from element 1 on, row and
    /// column numbers from 1.
    static func matrix(_ program: LinearProgram) -> (ia: [Int32], ja: [Int32], ar: [Double]) {
        let count = program.nonzeroCount
        var ia = [Int32](repeating: 0, count: count + 1)
        var ja = ia
        var ar = [Double](repeating: 0, count: count + 1)
        for k in 0..<count {
            ia[k + 1] = program.entryRows[k] + 1
            ja[k + 1] = program.entryColumns[k] + 1
            ar[k + 1] = program.entryValues[k]
        }
        return (ia, ja, ar)
    }
}
