/// Tables in whole 1.000 kr. that add up to their printed totals. The grand total is the table's
/// kroner rounded to the nearest thousand; it is shared among the years by largest remainder, and
/// each year's total among the table's rows the same way; a row's total is the sum of its printed
/// cells. So every column adds to its printed year total, every row to its printed row total, and
/// both to the grand total, and no cell is more than 1.000 kr. from its own kroner (the method of
/// largest remainders, as seats are shared out).
public enum ThousandsRounding {
    /// `values` in whole thousands that sum to `total` thousands: each value's thousands rounded
    /// down, then one more for the values with the largest remainders (the first on a tie).
    public static func apportion(_ values: [Int], to total: Int) -> [Int] {
        var shares = values.map { floorDivide($0, 1000) }
        var missing = total - shares.reduce(0, +)
        let order = values.indices.sorted { a, b in
            let ra = values[a] - shares[a] * 1000
            let rb = values[b] - shares[b] * 1000
            return ra != rb ? ra > rb : a < b
        }
        // Never more than one thousand a value away from its own amount: what cannot be shared
        // that way (an inconsistent `total`) is left out.
        for k in order where missing > 0 {
            shares[k] += 1
            missing -= 1
        }
        for k in order.reversed() where missing < 0 && shares[k] * 1000 > values[k] - 1000 {
            shares[k] -= 1
            missing += 1
        }
        return shares
    }

    /// Kroner rounded to the nearest whole thousand (a half up).
    public static func nearest(_ kroner: Int) -> Int { floorDivide(kroner + 500, 1000) }

    /// A table of amounts (rows × years, kroner) in whole thousands that adds up: the cells, each
    /// year's total, and the grand total.
    public static func table(_ rows: [[Int]], years: Int) -> (cells: [[Int]], years: [Int], total: Int) {
        let columns = (0..<years).map { y in rows.reduce(0) { $0 + $1[y] } }
        let total = nearest(columns.reduce(0, +))
        return table(rows, yearTotals: apportion(columns, to: total))
    }

    /// The same with the year totals given (so several tables of one document share them).
    public static func table(_ rows: [[Int]], yearTotals: [Int]) -> (cells: [[Int]], years: [Int], total: Int) {
        var cells = rows.map { $0.map { _ in 0 } }
        for y in yearTotals.indices {
            let column = apportion(rows.map { $0[y] }, to: yearTotals[y])
            for r in rows.indices { cells[r][y] = column[r] }
        }
        return (cells, yearTotals, yearTotals.reduce(0, +))
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
