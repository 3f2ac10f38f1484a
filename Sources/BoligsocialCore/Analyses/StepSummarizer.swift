import LinearProgramming

/// The numbers of one sweep step taken straight from a solution, without building every
/// application's outcome: the share columns and request lines are laid out once in flat arrays.
/// Totals and counts equal those of a full `Allocation` of the same solution.
struct StepSummarizer {
    // Per application that can be funded (numbered in model order, skipping the others), in flat
    // arrays: its periods (one, or one per year) are `periodStart[i]..<periodStart[i + 1]`, each
    // period's share columns `columnStart[p]..<columnStart[p + 1]` of `periodColumns`; its lines
    // (year, request, in year order) `lineStart[i]..<lineStart[i + 1]`; the years it asks for money
    // in `askedStart[i]..<askedStart[i + 1]` of `asked`.
    private var periodStart: [Int] = [0]
    private var columnStart: [Int] = [0]
    private var periodColumns: [Int] = []
    private var lineStart: [Int] = [0]
    private var lineYear: [Int] = []
    private var lineRequest: [Double] = []
    private var lineWholeKroner: [Int] = []
    private var askedStart: [Int] = [0]
    private var asked: [Int] = []
    /// Each column's value per unit of share, by column position (the model's own).
    private let scales: [Double]
    /// The application (its number here) each share column belongs to; -1 for other columns; and
    /// where the column stands in `periodColumns`.
    private(set) var owner: [Int]
    private var position: [Int]
    private let years: Int
    private let carryOver: Bool
    /// Eligible applications that ask for nothing: always unfunded.
    private var askingNothing = 0

    /// What the applications summed so far add up to.
    struct Tally {
        var totals: [Int]
        var full = 0, partial = 0, unfunded = 0
        /// Each year's snapped share of the application being added (room kept between applications).
        var shares: [Double]
        /// Whether a share or a line came within `margin` of a point where its rounding changes.
        var nearRounding = false

        /// Becomes `other` without giving up its own storage.
        mutating func set(to other: Tally) {
            for y in totals.indices { totals[y] = other.totals[y] }
            (full, partial, unfunded, nearRounding) = (other.full, other.partial, other.unfunded, other.nearRounding)
        }
    }

    init(_ model: AllocationModel) {
        scales = model.columnScale
        years = model.scenario.years.count
        carryOver = model.scenario.rules.carryOver
        owner = [Int](repeating: -1, count: model.program.columns.count)
        position = owner
        for (a, p) in model.prepared.enumerated() {
            guard !model.shareColumns[a].isEmpty else {
                if p.isFundable { askingNothing += 1 }
                continue
            }
            let i = periodStart.count - 1
            for period in model.shareColumns[a] {
                for column in period {
                    owner[column.index] = i
                    position[column.index] = periodColumns.count
                    periodColumns.append(column.index)
                }
                columnStart.append(periodColumns.count)
            }
            periodStart.append(columnStart.count - 1)
            for y in 0..<years {
                for c in CostCategory.allCases {
                    guard let amount = p.eligibleRequest[y][c], amount > 0 else { continue }
                    lineYear.append(y)
                    lineRequest.append(amount)
                    lineWholeKroner.append(Int(amount.rounded(.down)))
                    if asked.count == askedStart[i] || asked.last != y { asked.append(y) }
                }
            }
            lineStart.append(lineYear.count)
            askedStart.append(asked.count)
        }
    }

    var applicationCount: Int { periodStart.count - 1 }

    /// A tally with nothing summed but the applications that ask for nothing.
    func emptyTally() -> Tally {
        Tally(
            totals: [Int](repeating: 0, count: years), unfunded: askingNothing,
            shares: [Double](repeating: 0, count: years))
    }

    /// Adds application `i`'s lines at the column values `values`. With `margin > 0`, a share
    /// within `margin` of where it snaps to 0 or 1, or a line within `margin` of its request of
    /// where its whole kroner change, marks the tally `nearRounding`: values that far off could
    /// round otherwise.
    @inline(__always)
    func add(_ i: Int, values: UnsafeBufferPointer<Double>, to tally: inout Tally, margin: Double = 0) {
        let firstPeriod = periodStart[i]
        let single = periodStart[i + 1] - firstPeriod == 1
        for y in 0..<years {
            tally.shares[y] = share(
                period: firstPeriod + (single ? 0 : y), values: values, margin: margin, near: &tally.nearRounding)
        }
        var granted = 0
        for l in lineStart[i]..<lineStart[i + 1] {
            let amount = line(l, share: tally.shares[lineYear[l]], margin: margin, near: &tally.nearRounding)
            tally.totals[lineYear[l]] += amount
            granted += amount
        }
        count(i, shares: tally.shares, granted: granted, in: &tally)
    }

    /// For an application with a share of its own each year: the years (bits) whose share moves
    /// when `column` does; `nil` when one share covers every year (or the round has more than 64).
    func yearMask(ofColumn column: Int) -> UInt64? {
        let i = owner[column]
        guard i >= 0, years <= 64, periodStart[i + 1] - periodStart[i] == years else { return nil }
        let period = (periodStart[i]..<periodStart[i + 1]).first {
            columnStart[$0] <= position[column] && position[column] < columnStart[$0 + 1]
        }!
        return 1 << UInt64(period - periodStart[i])
    }

    /// The years of application `i` outside `moving` at `values`: their lines summed into
    /// `tally.totals` now; their snapped shares and granted kroner returned for `addMoving`.
    func addFixed(
        _ i: Int, moving: UInt64, values: UnsafeBufferPointer<Double>, to tally: inout Tally,
        margin: Double
    ) -> (shares: [Double], granted: Int) {
        var shares = [Double](repeating: 0, count: years)
        var granted = 0
        for y in 0..<years where moving & (1 << UInt64(y)) == 0 {
            shares[y] = share(period: periodStart[i] + y, values: values, margin: margin, near: &tally.nearRounding)
        }
        for l in lineStart[i]..<lineStart[i + 1] where moving & (1 << UInt64(lineYear[l])) == 0 {
            let amount = line(l, share: shares[lineYear[l]], margin: margin, near: &tally.nearRounding)
            tally.totals[lineYear[l]] += amount
            granted += amount
        }
        return (shares, granted)
    }

    /// Adds the `moving` years of application `i` at `values` to what `addFixed` gave for the
    /// others (`shares`, `granted`), and counts the application: the same as `add`.
    @inline(__always)
    func addMoving(
        _ i: Int, moving: UInt64, shares: inout [Double], granted fixed: Int, values: UnsafeBufferPointer<Double>,
        to tally: inout Tally, margin: Double
    ) {
        for y in 0..<years where moving & (1 << UInt64(y)) != 0 {
            shares[y] = share(period: periodStart[i] + y, values: values, margin: margin, near: &tally.nearRounding)
        }
        var granted = fixed
        for l in lineStart[i]..<lineStart[i + 1] where moving & (1 << UInt64(lineYear[l])) != 0 {
            let amount = line(l, share: shares[lineYear[l]], margin: margin, near: &tally.nearRounding)
            tally.totals[lineYear[l]] += amount
            granted += amount
        }
        count(i, shares: shares, granted: granted, in: &tally)
    }

    /// A period's share, snapped, from its columns' values.
    @inline(__always)
    private func share(period p: Int, values: UnsafeBufferPointer<Double>, margin: Double, near: inout Bool) -> Double {
        var s = 0.0
        for k in columnStart[p]..<columnStart[p + 1] {
            let j = periodColumns[k]
            s += values[j] / scales[j]
        }
        if margin > 0, Self.near(s, Tolerance.share, margin) || Self.near(s, 1 - Tolerance.share, margin) {
            near = true
        }
        return Rounding.snap(s)
    }

    /// Line `l`'s whole kroner at share `s`: `Rounding.grantedLine`, with the request's whole
    /// kroner taken once and the rounding down of a number that is never negative done by truncation.
    @inline(__always)
    private func line(_ l: Int, share s: Double, margin: Double, near: inout Bool) -> Int {
        let request = lineRequest[l]
        let x = s == 1 ? request : s * request
        let kroner = x + Tolerance.lineKroner
        let whole = Int(kroner)
        if margin > 0, s != 0, s != 1 {
            let fraction = kroner - Double(whole)
            let slack = margin * max(1, request)
            if fraction < slack || fraction > 1 - slack { near = true }
        }
        return min(whole, lineWholeKroner[l])
    }

    /// Counts application `i` as fully funded (every year it asks in at share 1; years without a
    /// request do not count against it), partly funded or unfunded.
    @inline(__always)
    private func count(_ i: Int, shares: [Double], granted: Int, in tally: inout Tally) {
        var fullyFunded = true
        for k in askedStart[i]..<askedStart[i + 1] where shares[asked[k]] < 1 { fullyFunded = false }
        if fullyFunded { tally.full += 1 } else if granted > 0 { tally.partial += 1 } else { tally.unfunded += 1 }
    }

    @inline(__always) private static func near(_ x: Double, _ point: Double, _ margin: Double) -> Bool {
        abs(x - point) < margin
    }

    /// The step of a solution; `marginal` is the points per extra 1.000 kr. of the swept quantity.
    func step(_ solution: Solution, envelopes: [Double], marginal: Double?, scale: Double?) -> SweepStep {
        guard solution.status.hasSolution else {
            return SweepStep(
                scale: scale, envelope: envelopes, status: solution.status, priorityPoints: 0,
                allocated: Array(repeating: 0, count: years), full: 0, partial: 0, unfunded: 0,
                marginalPointsPer1000: nil)
        }
        var tally = emptyTally()
        solution.columnValues.withUnsafeBufferPointer { values in
            for i in 0..<applicationCount { add(i, values: values, to: &tally) }
        }
        return finish(
            tally, status: solution.status, objective: solution.objective, envelopes: envelopes, marginal: marginal,
            scale: scale)
    }

    /// The step of a tally: each year's total less what the envelope repair takes back.
    func finish(
        _ tally: Tally, status: SolveStatus, objective: Double, envelopes: [Double], marginal: Double?, scale: Double?
    ) -> SweepStep {
        let excess = Rounding.excessOverEnvelopes(tally.totals, envelopes: envelopes, carryOver: carryOver)
        let allocated = zip(tally.totals, excess).map { $0 - $1 }
        return SweepStep(
            scale: scale, envelope: envelopes, status: status, priorityPoints: objective, allocated: allocated,
            full: tally.full, partial: tally.partial, unfunded: tally.unfunded, marginalPointsPer1000: marginal)
    }

    /// Points per extra 1.000 kr. of the swept quantity from the envelopes' marginal values.
    func marginalValue(_ marginal: [Double]?, envelopes: [Double], parameter: SweepParameter, yearList: [Int])
        -> Double?
    {
        guard let marginal else { return nil }
        switch parameter {
        case .scale:
            let total = envelopes.reduce(0, +)
            return total > 0 ? zip(marginal, envelopes).reduce(0) { $0 + $1.0 * $1.1 } / total : marginal.max()
        case .year(let year, _):
            return yearList.firstIndex(of: year).map { marginal[$0] }
        }
    }
}
