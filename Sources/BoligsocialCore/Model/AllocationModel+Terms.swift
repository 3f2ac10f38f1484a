import LinearProgramming

/// The terms the model's rows are made of: a year's money over the share columns, and the
/// names of columns.
extension AllocationModel {
    /// The objective coefficient of a share column, the one place it is computed: the weight `w`,
    /// the segment's return `d_s` and the period's request `U` (kroner) over the column's scale
    /// `k` (1.000 kr.), `w·d_s·U/(1000·k)` per unit of the column.
    static func objective(weight: Double, return d: Double, request: Double, scale: Double) -> Double {
        weight * d * (request / unit) / scale
    }

    /// The money of year `y` in 1.000 kr. as terms over share columns, each application's weighted by `factor`.
    func moneyTerms(year y: Int, factor: (PreparedApplication) -> Double) -> [(LinearProgram.ColumnID, Double)] {
        moneyTerms(year: y, among: prepared.indices, factor: factor)
    }

    /// Year `y`'s money of the applications `among`, each times `factor`.
    func moneyTerms(year y: Int, among indices: some Sequence<Int>, factor: (PreparedApplication) -> Double)
        -> [(LinearProgram.ColumnID, Double)]
    {
        let perYear = scenario.rules.commitment == .perYear
        var terms: [(LinearProgram.ColumnID, Double)] = []
        for a in indices where !shareColumns[a].isEmpty && prepared[a].eligibleByYear[y] > 0 {
            let p = prepared[a]
            let f = factor(p)
            guard f != 0 else { continue }
            let columns = perYear ? shareColumns[a][y] : shareColumns[a][0]
            // Year y's money per unit of column value: U_y/1000 over the column's scale (1 under per_year).
            guard let first = columns.first else { continue }
            let coefficient = f * (p.eligibleByYear[y] / Self.unit) / columnScale[first.index]
            for column in columns { terms.append((column, coefficient)) }
        }
        return terms
    }

    /// An id as a model name: ASCII letters and digits kept, everything else `_` (one per byte).
    static func sanitized(_ s: String) -> String {
        let isPlain = { (b: UInt8) in (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        let utf8 = s.utf8.span
        if !utf8.indices.contains(where: { !isPlain(utf8[$0]) }) { return s }
        var bytes: [UInt8] = []
        for scalar in s.unicodeScalars {
            bytes.append(scalar.isASCII && isPlain(UInt8(scalar.value)) ? UInt8(scalar.value) : UInt8(ascii: "_"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
